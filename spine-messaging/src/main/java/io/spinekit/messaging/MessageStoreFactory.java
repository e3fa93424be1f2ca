package io.spinekit.messaging;

import java.util.ServiceLoader;

/**
 * Opens the default {@link MessageStore} of a {@link SpineMessaging} built without
 * {@link SpineMessaging.Builder#store(MessageStore)}: found with {@link ServiceLoader}, so this
 * module needs no database driver. spine-message-store provides one (file-backed H2, durable;
 * see its README for where the file goes and how to choose another database).
 */
public interface MessageStoreFactory {
    /**
     * Opens the default store.
     *
     * @return the store (closed by the client that opened it)
     */
    MessageStore open();

    /**
     * The class path's default store.
     *
     * @return the store
     * @throws MessagingException ({@code INVALID_ARGUMENT}) if no factory is on the class path
     */
    static MessageStore openDefault() {
        return ServiceLoader.load(MessageStoreFactory.class, MessageStoreFactory.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "no message "
                        + "store: add io.spinekit:spine-message-store to the class path for the durable default "
                        + "(file-backed H2), set store(JdbcMessageStore.open(jdbcUrl)) for PostgreSQL, or set "
                        + "store(new InMemoryMessageStore()) to accept that undelivered reliable messages are lost "
                        + "on restart"))
                .open();
    }
}
