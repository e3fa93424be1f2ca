package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.MessageStoreFactory;
import io.spinekit.messaging.store.JdbcMessageStore;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable message stores of spine-message-store, from {@code spinekit.messaging.store.*} or the
 * application's {@link DataSource}; loaded only when spine-message-store is on the class path.
 */
final class SpinekitMessageStores {
    private static final Logger LOG = LoggerFactory.getLogger(SpinekitMessageStores.class);
    private static final String P = "spinekit.messaging.store.";

    private SpinekitMessageStores() {
    }

    /** The store the properties and the data source give; {@code dataSource} may be {@code null}. */
    static MessageStore open(SpinekitMessagingProperties.Store p, DataSource dataSource) {
        if (p.url() != null) {
            String shown = SpinekitMessagingAutoConfiguration.describe(p.url());
            JdbcMessageStore.Builder b = Props.apply(P + "url", shown, "a JDBC URL jdbc:postgresql://HOST/DB or "
                    + "jdbc:h2:file:PATH", "Correct the URL, or remove it to use the application's DataSource.",
                    () -> JdbcMessageStore.builder(p.url()));
            if (p.username() != null) {
                b.user(p.username());
            }
            if (p.password() != null) {
                b.password(p.password());
            }
            return Props.apply(P + "url", shown, "a database spinekit can reach and migrate (Flyway, history table "
                    + "spinekit_message_store_history)", "Check that the database is up, the user may create tables,"
                    + " and the URL, user and password are right.", b::build);
        }
        if (dataSource != null) {
            JdbcMessageStore store = Props.apply("spring.datasource.url", "the application's DataSource bean",
                    "a PostgreSQL or H2 database spinekit can reach and migrate (Flyway, history table "
                            + "spinekit_message_store_history)", "Check the DataSource, or set "
                            + P + "url to use another database for the message store.",
                    () -> JdbcMessageStore.over(dataSource));
            LOG.info("spinekit messaging keeps message state in the application's DataSource ({})", store);
            return store;
        }
        MessageStore store = MessageStoreFactory.openDefault();
        LOG.warn("spinekit messaging keeps message state in spine-message-store's default, {} (one process at a time)."
                + " Define a DataSource bean or set {}url for a shared database.", store, P);
        return store;
    }
}
