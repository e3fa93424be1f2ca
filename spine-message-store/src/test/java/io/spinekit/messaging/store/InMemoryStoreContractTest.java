package io.spinekit.messaging.store;

import io.spinekit.messaging.InMemoryMessageStore;
import io.spinekit.messaging.MessageStore;

/** The store contract on {@link InMemoryMessageStore}. */
class InMemoryStoreContractTest extends MessageStoreContract {
    @Override
    MessageStore open() {
        return new InMemoryMessageStore();
    }
}
