package io.spinekit.messaging.store;

import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.MessageStoreFactory;
import java.nio.file.Path;

/**
 * The default store of a {@code SpineMessaging} built without a store, found by
 * {@link java.util.ServiceLoader}: the JDBC URL in the system property {@value #PROPERTY}, else in
 * the environment variable {@value #VARIABLE}, else H2 in file mode at
 * {@code ~/.spinekit/message-store/messages} (durable, one process at a time).
 */
public final class JdbcMessageStoreFactory implements MessageStoreFactory {
    /** The system property naming the default store's JDBC URL. */
    public static final String PROPERTY = "spinekit.messageStore.url";
    /** The environment variable naming the default store's JDBC URL. */
    public static final String VARIABLE = "SPINEKIT_MESSAGE_STORE_URL";

    /** Used by {@link java.util.ServiceLoader}. */
    public JdbcMessageStoreFactory() {
    }

    /**
     * The JDBC URL of the default store.
     *
     * @return the URL
     */
    public static String defaultUrl() {
        String url = System.getProperty(PROPERTY);
        if (url == null || url.isBlank()) {
            url = System.getenv(VARIABLE);
        }
        if (url == null || url.isBlank()) {
            url = JdbcMessageStore.h2Url(Path.of(System.getProperty("user.home"), ".spinekit", "message-store",
                    "messages"));
        }
        return url;
    }

    @Override
    public MessageStore open() {
        return JdbcMessageStore.open(defaultUrl());
    }
}
