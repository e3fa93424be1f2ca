package io.spinekit.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.messaging.MessageStore;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on H2 in file mode, and that it survives being closed and opened again. */
class H2FileStoreContractTest extends JdbcStoreContract {
    @TempDir
    Path dir;

    @Override
    MessageStore open() {
        return JdbcMessageStore.h2File(dir.resolve("messages"));
    }

    @Override
    Url urlWithPassword() {
        String url = JdbcMessageStore.h2Url(dir.resolve("secured"));
        return new Url(url + ";USER=mhs;PASSWORD=" + SECRET, url);
    }

    @Test
    void whatWasAcceptedIsThereAfterTheStoreIsOpenedAgain() {
        MessageStore.Stored m = message(id(), t0);
        store.accept(m, Optional.of("a"), t0.plus(LEASE));
        store.close();

        store = open();

        assertThat(store.stored(m.messageId())).contains(m);
        assertThat(store.claim("b", t0.plus(LEASE), LEASE, 10)).containsExactly(m);
    }
}
