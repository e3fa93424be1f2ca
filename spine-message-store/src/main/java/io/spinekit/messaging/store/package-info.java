/**
 * A durable {@link io.spinekit.messaging.MessageStore} on a real database: {@link
 * io.spinekit.messaging.store.JdbcMessageStore} over a HikariCP pool, its schema created and
 * upgraded by Flyway, on PostgreSQL (shared by several instances) or H2 in file mode (the embedded
 * durable default for one process).
 */
package io.spinekit.messaging.store;
