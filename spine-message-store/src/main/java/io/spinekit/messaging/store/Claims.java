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
    /**
     * Due, unleased, stored (body not null) messages, the earliest claimable first: parameters now, max.
     * {@code due_ms} is the later of the next attempt and the lease's end, so this reads the index
     * {@code spinekit_outbound_claimable (status, due_ms)} from its start and stops at the first row
     * not yet claimable; leased rows sort after now and are never walked. The order names both index
     * columns (status is one value here) because H2 reads rows in index order, without sorting them
     * all, only for an order that starts with the index's first column.
     */
    static final String DUE = "SELECT " + Rows.COLUMNS + " FROM spinekit_outbound WHERE status = 'PENDING' "
            + "AND due_ms <= ? AND body IS NOT NULL ORDER BY status, due_ms LIMIT ?";
    /** Leases one message: parameters owner, lease until, lease until (for due_ms), MessageId. */
    private static final String LEASE = "UPDATE spinekit_outbound SET lease_owner = ?, lease_until_ms = ?, "
            + "due_ms = CASE WHEN next_attempt_ms > ? THEN next_attempt_ms ELSE ? END WHERE message_id = ?";

    private Claims() {
    }

    static List<Stored> skipLocked(Connection c, String owner, Instant now, long until, int max) throws SQLException {
        c.setAutoCommit(false);
        try {
            List<Stored> claimed = select(c, DUE + " FOR UPDATE SKIP LOCKED", now, max);
            try (PreparedStatement ps = c.prepareStatement(LEASE)) {
                for (Stored m : claimed) {
                    bindLease(ps, owner, until, m.messageId());
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
        try (PreparedStatement ps = c.prepareStatement(LEASE + " AND status = 'PENDING' AND due_ms <= ?")) {
            for (Stored m : select(c, DUE, now, max)) {
                bindLease(ps, owner, until, m.messageId());
                ps.setLong(6, now.toEpochMilli());
                if (ps.executeUpdate() == 1) {
                    claimed.add(m);
                }
            }
        }
        return claimed;
    }

    private static void bindLease(PreparedStatement ps, String owner, long until, String messageId)
            throws SQLException {
        ps.setString(1, owner);
        ps.setLong(2, until);
        ps.setLong(3, until);
        ps.setLong(4, until);
        ps.setString(5, messageId);
    }

    private static List<Stored> select(Connection c, String sql, Instant now, int max) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, now.toEpochMilli());
            ps.setInt(2, max);
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
