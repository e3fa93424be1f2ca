package io.spinekit.messaging.store;

import io.spinekit.messaging.MessageStore.Stored;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@link JdbcMessageStore} claims due messages under a lease: on PostgreSQL in one transaction
 * {@code FOR UPDATE SKIP LOCKED}; on H2 (whose {@code SKIP LOCKED} applies the row limit before
 * skipping) with a conditional {@code UPDATE} per candidate, keeping only the rows it changed.
 */
final class Claims {
    /** Due, unleased, stored (body not null) messages, earliest first: parameters now, now, max. */
    private static final String DUE = "SELECT " + Rows.COLUMNS + " FROM spinekit_outbound WHERE status = 'PENDING' "
            + "AND body IS NOT NULL AND next_attempt_ms <= ? AND (lease_until_ms IS NULL OR lease_until_ms <= ?) "
            + "ORDER BY next_attempt_ms LIMIT ?";
    /** Leases one message: parameters owner, lease until, MessageId. */
    private static final String LEASE = "UPDATE spinekit_outbound SET lease_owner = ?, lease_until_ms = ? "
            + "WHERE message_id = ?";

    private Claims() {
    }

    static List<Stored> skipLocked(Connection c, String owner, Instant now, long until, int max) throws SQLException {
        c.setAutoCommit(false);
        try {
            List<Stored> claimed = select(c, DUE + " FOR UPDATE SKIP LOCKED", now, max);
            try (PreparedStatement ps = c.prepareStatement(LEASE)) {
                for (Stored m : claimed) {
                    ps.setString(1, owner);
                    ps.setLong(2, until);
                    ps.setString(3, m.messageId());
                    ps.addBatch();
                }
                if (!claimed.isEmpty()) {
                    ps.executeBatch();
                }
            }
            c.commit();
            return claimed;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    static List<Stored> conditionally(Connection c, String owner, Instant now, long until, int max)
            throws SQLException {
        List<Stored> claimed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(LEASE + " AND status = 'PENDING' "
                + "AND (lease_until_ms IS NULL OR lease_until_ms <= ?)")) {
            for (Stored m : select(c, DUE, now, max)) {
                ps.setString(1, owner);
                ps.setLong(2, until);
                ps.setString(3, m.messageId());
                ps.setLong(4, now.toEpochMilli());
                if (ps.executeUpdate() == 1) {
                    claimed.add(m);
                }
            }
        }
        return claimed;
    }

    private static List<Stored> select(Connection c, String sql, Instant now, int max) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, now.toEpochMilli());
            ps.setLong(2, now.toEpochMilli());
            ps.setInt(3, max);
            return read(ps);
        }
    }

    /** The stored messages a query of {@link Rows#COLUMNS} returns. */
    static List<Stored> read(PreparedStatement ps) throws SQLException {
        List<Stored> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(Rows.stored(rs));
            }
        }
        return list;
    }
}
