package io.spinekit.messaging.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.spinekit.core.Text;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.MessagingException;
import io.spinekit.messaging.Workflow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A durable {@link MessageStore} over JDBC: PostgreSQL (several instances share one database) or
 * H2 in file mode (one process; the embedded default). The schema is created and upgraded by
 * Flyway (history table {@code spinekit_message_store_history}, so it lives beside your own
 * migrations). Every write is committed before the call returns; a database that cannot be reached
 * is a {@link MessagingException} with {@link MessagingException.Reason#STORE_UNAVAILABLE}.
 *
 * <p>Claiming due messages (see {@code Claims}): on PostgreSQL one transaction selects them {@code FOR
 * UPDATE SKIP LOCKED} and leases them, so concurrent claims never wait for or return the same row; on H2
 * (whose {@code SKIP LOCKED} applies the row limit before skipping) each candidate is leased with a
 * conditional {@code UPDATE ... WHERE} the lease is free, and only the rows it changed are returned.
 * A value the database refuses (too long for its column) is {@code INVALID_ARGUMENT}.
 * Housekeeping deletes messages ended longer than the retention ago (default 7 days) and expired
 * inbound receipts, when opened and every 10 minutes.
 *
 * <pre>{@code
 * try (JdbcMessageStore store = JdbcMessageStore.open("jdbc:postgresql://db.example/spine?user=mhs");
 *      SpineMessaging messaging = SpineMessaging.builder().tls(tls).fromPartyKey(pk).store(store).build()) { ... }
 * }</pre>
 */
public final class JdbcMessageStore implements MessageStore {
    private static final String ALL = Rows.COLUMNS;

    private final DataSource dataSource;
    private final HikariDataSource pool;
    private final String description;
    private final boolean postgres;
    private final Duration retention;
    private final ScheduledExecutorService housekeeping;

    private JdbcMessageStore(DataSource dataSource, HikariDataSource pool, String description, Duration retention) {
        this.dataSource = dataSource;
        this.pool = pool;
        this.description = description;
        this.retention = retention;
        try {
            Flyway.configure(JdbcMessageStore.class.getClassLoader()).dataSource(dataSource)
                    .locations("classpath:db/spinekit-message-store").table("spinekit_message_store_history")
                    .baselineOnMigrate(false).load().migrate();
            try (Connection c = dataSource.getConnection()) {
                this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                        .contains("postgres");
                if (!postgres) {
                    // H2 has no redo log: by default a background thread writes commits every 500 ms
                    // (WRITE_DELAY), so a killed process loses what it had just committed. Accepted
                    // means stored: write each commit at once (a persistent database setting).
                    try (java.sql.Statement st = c.createStatement()) {
                        st.execute("SET WRITE_DELAY 0");
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            throw unavailable("open (create or upgrade the schema)", e);
        }
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "spinekit-message-store-housekeeping");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(this::housekeep, 0, 10, TimeUnit.MINUTES);
    }

    /**
     * Opens a store on a JDBC URL ({@code jdbc:postgresql://...} or {@code jdbc:h2:file:...}) with
     * the defaults of {@link Builder}.
     *
     * @param jdbcUrl the database
     * @return the store (close it to close its pool)
     * @throws MessagingException {@code STORE_UNAVAILABLE} if the database cannot be reached or migrated
     */
    public static JdbcMessageStore open(String jdbcUrl) {
        return builder(jdbcUrl).build();
    }

    /**
     * Opens the embedded durable store: H2 in file mode at {@code file} (H2 adds {@code .mv.db}).
     * One process at a time may open it (H2 locks the file; the lock dies with the process). Every
     * H2 store is set to write each commit before it returns ({@code SET WRITE_DELAY 0}), so a
     * process killed hard loses nothing it accepted.
     *
     * @param file the database file, without extension
     * @return the store
     */
    public static JdbcMessageStore h2File(Path file) {
        return open(h2Url(file));
    }

    /**
     * The JDBC URL of an H2 file store.
     *
     * @param file the database file, without extension
     * @return {@code jdbc:h2:file:<absolute path>}
     */
    public static String h2Url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath().normalize();
    }

    /**
     * A store over your own {@link DataSource} (pooled by you; not closed by {@link #close()}). On
     * H2 it sets the database's {@code WRITE_DELAY} to 0 (a persistent setting that applies to all
     * of that database's tables), so that an accepted message is on disk when accept returns; the
     * user needs the right to run {@code SET}, which H2 grants to admin users.
     *
     * @param dataSource the database
     * @return the store
     */
    public static JdbcMessageStore over(DataSource dataSource) {
        return new JdbcMessageStore(Objects.requireNonNull(dataSource, "dataSource"), null, "the data source",
                Duration.ofDays(7));
    }

    /**
     * A builder for a store with its own HikariCP pool.
     *
     * @param jdbcUrl the database
     * @return a builder
     */
    public static Builder builder(String jdbcUrl) {
        return new Builder(jdbcUrl);
    }

    /**
     * What this store is on, without credentials: the JDBC URL's database part.
     *
     * @return a description
     */
    public String description() {
        return description;
    }

    @Override
    public void save(Outbound record) {
        boolean ends = record.status() != Status.PENDING;
        String update = "UPDATE spinekit_outbound SET posts = ?, status = ?" + (ends
                ? ", lease_owner = NULL, lease_until_ms = NULL, due_ms = next_attempt_ms, ended_ms = ?" : "")
                + " WHERE message_id = ? AND status = 'PENDING'";
        run("save " + Text.quote(record.messageId()), c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement(update)) {
                int i = 1;
                ps.setInt(i++, record.attempts());
                ps.setString(i++, record.status().name());
                if (ends) {
                    ps.setLong(i++, System.currentTimeMillis());
                }
                ps.setString(i, record.messageId());
                n = ps.executeUpdate();
            }
            if (n == 0 && !exists(c, record.messageId())) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO spinekit_outbound (message_id, "
                        + "conversation_id, workflow, created_ms, max_attempts, retry_interval_ms, attempts, posts, "
                        + "next_attempt_ms, due_ms, status, last_error, ended_ms) "
                        + "VALUES (?, ?, ?, ?, 1, 0, 0, ?, ?, ?, ?, '', ?)")) {
                    ps.setString(1, record.messageId());
                    ps.setString(2, record.conversationId());
                    ps.setString(3, record.workflow().name());
                    ps.setLong(4, record.created().toEpochMilli());
                    ps.setInt(5, record.attempts());
                    ps.setLong(6, record.created().toEpochMilli());
                    ps.setLong(7, record.created().toEpochMilli());
                    ps.setString(8, record.status().name());
                    if (ends) {
                        ps.setLong(9, System.currentTimeMillis());
                    } else {
                        ps.setNull(9, java.sql.Types.BIGINT);
                    }
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (!integrity(e)) {
                        throw e; // else: saved meanwhile by another instance
                    }
                }
            }
            return null;
        });
    }

    private static boolean exists(Connection c, String messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM spinekit_outbound WHERE message_id = ?")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Optional<Outbound> outbound(String messageId) {
        return run("read " + Text.quote(messageId), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT message_id, conversation_id, workflow, created_ms, "
                    + "posts, status FROM spinekit_outbound WHERE message_id = ?")) {
                ps.setString(1, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Outbound(rs.getString(1), rs.getString(2),
                            Workflow.valueOf(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4)), rs.getInt(5),
                            Status.valueOf(rs.getString(6)))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean firstReceipt(String messageId, Instant now, Instant keepUntil) {
        return run("record the receipt of " + Text.quote(messageId), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO spinekit_inbound (message_id, keep_until_ms) "
                    + "VALUES (?, ?)")) {
                ps.setString(1, messageId);
                ps.setLong(2, keepUntil.toEpochMilli());
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (!integrity(e)) {
                    throw e;
                }
            }
            // seen before: first again only if its window closed (one instance wins the conditional update)
            try (PreparedStatement ps = c.prepareStatement("UPDATE spinekit_inbound SET keep_until_ms = ? "
                    + "WHERE message_id = ? AND keep_until_ms < ?")) {
                ps.setLong(1, keepUntil.toEpochMilli());
                ps.setString(2, messageId);
                ps.setLong(3, now.toEpochMilli());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void forgetReceipt(String messageId) {
        update("forget the receipt of " + Text.quote(messageId), "DELETE FROM spinekit_inbound WHERE message_id = ?", messageId);
    }

    @Override
    public void accept(Stored message, Optional<String> owner, Instant leaseUntil) {
        run("accept " + Text.quote(message.messageId()), c -> {
            try (PreparedStatement ps = c.prepareStatement(Rows.insertSql())) {
                Rows.bindInsert(ps, message, owner, leaseUntil);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (integrity(e)) {
                    throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "MessageId "
                            + Text.quote(message.messageId()) + " is already stored: expected a new MessageId for a "
                            + "new message");
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public List<Stored> claim(String owner, Instant now, Duration lease, int max) {
        if (max < 1) {
            return List.of();
        }
        long until = now.plus(lease).toEpochMilli();
        return run("claim due messages", c -> postgres ? Claims.skipLocked(c, owner, now, until, max)
                : Claims.conditionally(c, owner, now, until, max));
    }

    @Override
    public boolean retryAt(String messageId, String owner, int attempts, int posts, Instant next, Instant leaseUntil,
            String error) {
        return run("schedule the retry of " + Text.quote(messageId), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE spinekit_outbound SET attempts = ?, posts = ?, "
                    + "next_attempt_ms = ?, lease_until_ms = ?, due_ms = ?, last_error = ? "
                    + "WHERE message_id = ? AND status = 'PENDING' AND lease_owner = ?")) {
                ps.setInt(1, attempts);
                ps.setInt(2, posts);
                ps.setLong(3, next.toEpochMilli());
                ps.setLong(4, leaseUntil.toEpochMilli());
                ps.setLong(5, Rows.due(next.toEpochMilli(), Optional.of(leaseUntil.toEpochMilli())));
                ps.setString(6, Rows.error(error));
                ps.setString(7, messageId);
                ps.setString(8, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean finish(String messageId, int attempts, int posts, Status status, String error, Instant now) {
        return run("finish " + Text.quote(messageId), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE spinekit_outbound SET attempts = ?, posts = ?, "
                    + "status = ?, last_error = ?, lease_owner = NULL, lease_until_ms = NULL, "
                    + "due_ms = next_attempt_ms, ended_ms = ? "
                    + "WHERE message_id = ? AND status = 'PENDING'")) {
                ps.setInt(1, attempts);
                ps.setInt(2, posts);
                ps.setString(3, status.name());
                ps.setString(4, Rows.error(error));
                ps.setLong(5, now.toEpochMilli());
                ps.setString(6, messageId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int release(String owner) {
        return update("release the leases of " + Text.quote(owner), "UPDATE spinekit_outbound SET lease_owner = NULL, "
                + "lease_until_ms = NULL, due_ms = next_attempt_ms WHERE lease_owner = ? AND status = 'PENDING'",
                owner);
    }

    @Override
    public Optional<Stored> stored(String messageId) {
        return run("read " + Text.quote(messageId), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ALL + " FROM spinekit_outbound "
                    + "WHERE message_id = ? AND body IS NOT NULL")) {
                ps.setString(1, messageId);
                return Claims.read(ps).stream().findFirst();
            }
        });
    }

    @Override
    public List<Stored> list(Set<Status> statuses, int max) {
        if (statuses.isEmpty() || max < 1) {
            return List.of();
        }
        String in = statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        return run("list messages", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ALL + " FROM spinekit_outbound "
                    + "WHERE body IS NOT NULL AND status IN (" + in + ") ORDER BY created_ms, message_id LIMIT ?")) {
                ps.setInt(1, max);
                return Claims.read(ps);
            }
        });
    }

    @Override
    public int purge(Instant endedBefore, Instant now) {
        return run("purge", c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM spinekit_outbound WHERE ended_ms < ?")) {
                ps.setLong(1, endedBefore.toEpochMilli());
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM spinekit_inbound WHERE keep_until_ms < ?")) {
                ps.setLong(1, now.toEpochMilli());
                return n + ps.executeUpdate();
            }
        });
    }

    private void housekeep() {
        try {
            Instant now = Instant.now();
            purge(now.minus(retention), now);
        } catch (RuntimeException e) {
            // the database is unreachable now: the next round tries again
        }
    }

    /** Stops housekeeping and closes the pool this store opened (not a data source you passed in). */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        if (pool != null) {
            pool.close();
        }
    }

    @Override
    public String toString() {
        return "JdbcMessageStore[" + description + "]";
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T run(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw unavailable(what, e);
        }
    }

    private int update(String what, String sql, String parameter) {
        return run(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, parameter);
                return ps.executeUpdate();
            }
        });
    }

    private MessagingException unavailable(String what, Exception e) {
        return Rows.unavailable(description, what, e);
    }

    private static boolean integrity(SQLException e) {
        return Rows.integrity(e);
    }

    static String describe(String jdbcUrl) {
        return Rows.describe(jdbcUrl);
    }

    /**
     * Builds a {@link JdbcMessageStore} with its own HikariCP pool. Defaults: at most 10
     * connections, 5 s to get one (then the call fails with {@code STORE_UNAVAILABLE}), finished
     * messages kept 7 days.
     */
    public static final class Builder {
        private final String jdbcUrl;
        private String user;
        private String password;
        private int maxPoolSize = 10;
        private Duration connectionTimeout = Duration.ofSeconds(5);
        private Duration retention = Duration.ofDays(7);

        private Builder(String jdbcUrl) {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (!jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:h2:")) {
                throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "message store URL "
                        + Text.quote(describe(jdbcUrl)) + ": expected jdbc:postgresql://HOST/DB or jdbc:h2:file:PATH");
            }
            this.jdbcUrl = jdbcUrl;
        }

        /**
         * The database user (or put it in the URL).
         *
         * @param value the user
         * @return this builder
         */
        public Builder user(String value) {
            this.user = value;
            return this;
        }

        /**
         * The database password (never logged or shown).
         *
         * @param value the password
         * @return this builder
         */
        public Builder password(String value) {
            this.password = value;
            return this;
        }

        /**
         * The most pooled connections.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder maxPoolSize(int value) {
            if (value < 1) {
                throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "maxPoolSize is " + value
                        + ": expected at least 1");
            }
            this.maxPoolSize = value;
            return this;
        }

        /**
         * How long a call waits for a connection before it fails with {@code STORE_UNAVAILABLE}.
         *
         * @param value 250 ms to 5 minutes
         * @return this builder
         */
        public Builder connectionTimeout(Duration value) {
            if (value.toMillis() < 250 || value.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "connectionTimeout is "
                        + Text.quote(value.toString()) + ": expected 250 ms to 5 minutes");
            }
            this.connectionTimeout = value;
            return this;
        }

        /**
         * How long ended messages are kept before housekeeping deletes them.
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder retention(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "retention is "
                        + Text.quote(value.toString()) + ": expected a positive duration");
            }
            this.retention = value;
            return this;
        }

        /**
         * Opens the pool and creates or upgrades the schema.
         *
         * @return the store
         * @throws MessagingException {@code STORE_UNAVAILABLE} if the database cannot be reached or migrated
         */
        public JdbcMessageStore build() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(maxPoolSize);
            config.setMinimumIdle(1);
            config.setConnectionTimeout(connectionTimeout.toMillis());
            config.setValidationTimeout(Math.min(connectionTimeout.toMillis(), 5_000));
            config.setPoolName("spinekit-message-store");
            config.setAutoCommit(true);
            config.setInitializationFailTimeout(connectionTimeout.toMillis());
            String where = describe(jdbcUrl);
            HikariDataSource pool;
            try {
                pool = new HikariDataSource(config);
            } catch (RuntimeException e) {
                throw new MessagingException(MessagingException.Reason.STORE_UNAVAILABLE, "the message store on "
                        + where + " could not be opened: " + Text.quote(String.valueOf(e.getMessage()), 300), e);
            }
            return new JdbcMessageStore(pool, pool, where, retention);
        }
    }
}
