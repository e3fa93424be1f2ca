package io.spinekit.messaging.store;

import io.spinekit.core.Text;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.MessagingException;
import io.spinekit.messaging.Workflow;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Maps {@link MessageStore.Stored} to and from rows of {@code spinekit_outbound}; SQL failures to exceptions. */
final class Rows {
    /** The columns of a stored message, in the order {@link #stored(ResultSet)} reads them. */
    static final String COLUMNS = "message_id, conversation_id, ref_to_message_id, workflow, endpoint, headers, body, "
            + "created_ms, deadline_ms, max_attempts, retry_interval_ms, attempts, posts, next_attempt_ms, status, "
            + "last_error";

    /** The longest error text kept (the column holds 4,000 characters). */
    static final int MAX_ERROR = 3_900;

    private Rows() {
    }

    static String insertSql() {
        return "INSERT INTO spinekit_outbound (" + COLUMNS + ", lease_owner, lease_until_ms, due_ms, ended_ms) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)";
    }

    static void bindInsert(PreparedStatement ps, MessageStore.Stored m, Optional<String> owner, Instant leaseUntil)
            throws SQLException {
        ps.setString(1, m.messageId());
        ps.setString(2, m.conversationId());
        ps.setString(3, m.refToMessageId().orElse(null));
        ps.setString(4, m.workflow().name());
        ps.setString(5, m.endpoint().toString());
        ps.setString(6, headers(m.headers()));
        ps.setBytes(7, m.body());
        ps.setLong(8, m.created().toEpochMilli());
        nullableLong(ps, 9, m.deadline().map(Instant::toEpochMilli));
        ps.setInt(10, m.maxAttempts());
        ps.setLong(11, m.retryInterval().toMillis());
        ps.setInt(12, m.attempts());
        ps.setInt(13, m.posts());
        ps.setLong(14, m.nextAttempt().toEpochMilli());
        ps.setString(15, m.status().name());
        ps.setString(16, error(m.lastError()));
        ps.setString(17, owner.orElse(null));
        nullableLong(ps, 18, owner.map(o -> leaseUntil.toEpochMilli()));
        ps.setLong(19, due(m.nextAttempt().toEpochMilli(), owner.map(o -> leaseUntil.toEpochMilli())));
    }

    static MessageStore.Stored stored(ResultSet rs) throws SQLException {
        long deadline = rs.getLong(9);
        Optional<Instant> due = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(deadline));
        return new MessageStore.Stored(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                Workflow.valueOf(rs.getString(4)), URI.create(rs.getString(5)), headers(rs.getString(6)),
                rs.getBytes(7), Instant.ofEpochMilli(rs.getLong(8)), due, rs.getInt(10),
                Duration.ofMillis(rs.getLong(11)), rs.getInt(12), rs.getInt(13), Instant.ofEpochMilli(rs.getLong(14)),
                MessageStore.Status.valueOf(rs.getString(15)), rs.getString(16));
    }

    /**
     * The {@code due_ms} of a row: the earliest time it may be claimed, the later of its next attempt
     * and the end of its lease.
     */
    static long due(long nextAttemptMs, Optional<Long> leaseUntilMs) {
        return leaseUntilMs.map(until -> Math.max(until, nextAttemptMs)).orElse(nextAttemptMs);
    }

    static String error(String text) {
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR) + "...";
    }

    private static void nullableLong(PreparedStatement ps, int index, Optional<Long> value) throws SQLException {
        if (value.isPresent()) {
            ps.setLong(index, value.get());
        } else {
            ps.setNull(index, Types.BIGINT);
        }
    }

    /** HTTP headers as {@code Name: value} lines (names and values never hold a line break). */
    static String headers(Map<String, String> headers) {
        StringBuilder b = new StringBuilder();
        headers.forEach((name, value) -> b.append(name).append(": ").append(value).append('\n'));
        return b.toString();
    }

    static Map<String, String> headers(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                m.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return m;
    }

    /**
     * A failed call: {@code STORE_UNAVAILABLE}, or {@code INVALID_ARGUMENT} when the database refused
     * the values themselves (SQLState class 22, data exception: a value too long for its column),
     * which no retry or restart would mend.
     */
    static MessagingException unavailable(String where, String what, Exception e) {
        String sqlState = e instanceof SQLException s ? s.getSQLState() : null;
        String state = sqlState != null ? " (SQLState " + sqlState + ")" : "";
        MessagingException.Reason reason = sqlState != null && sqlState.startsWith("22")
                ? MessagingException.Reason.INVALID_ARGUMENT : MessagingException.Reason.STORE_UNAVAILABLE;
        return new MessagingException(reason, "the message store on " + where
                + " could not " + what + state + ": " + Text.quote(String.valueOf(e.getMessage()), 300)
                + "; nothing was changed by this call", e);
    }

    /**
     * A duplicate key: SQLState 23505 (unique violation) on PostgreSQL and H2. Other integrity
     * violations (23502 NOT NULL, 23503, 23514) are not duplicates and go out with their SQLState.
     */
    static boolean integrity(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** The database part of a JDBC URL: no query string, parameters, user or password. */
    static String describe(String jdbcUrl) {
        String s = jdbcUrl;
        for (char cut : new char[] {'?', ';'}) {
            int i = s.indexOf(cut);
            if (i >= 0) {
                s = s.substring(0, i);
            }
        }
        return s.replaceAll("//[^/@]*@", "//");
    }
}
