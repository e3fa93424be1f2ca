package io.spinekit.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.MessagingException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL server (one per test JVM, a new database per test). */
class PostgresStoreContractTest extends JdbcStoreContract {
    @Override
    MessageStore open() {
        return JdbcMessageStore.open(Pg.newDatabase());
    }

    @Override
    Url urlWithPassword() {
        String url = Pg.newDatabase(); // jdbc:postgresql://localhost:PORT/DB?user=postgres (the server trusts it)
        return new Url(url + "&password=" + SECRET, url.substring(0, url.indexOf('?')));
    }

    @Test
    void aDatabaseThatIsNotThereFailsClearlyWithoutTheUrlsCredentials() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "jdbc:postgresql://localhost:" + port + "/spine?user=mhs&password=secret";

        assertThatThrownBy(() -> JdbcMessageStore.builder(url).connectionTimeout(Duration.ofMillis(500)).build())
                .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason())
                        .isEqualTo(MessagingException.Reason.STORE_UNAVAILABLE))
                .hasMessageStartingWith("the message store on jdbc:postgresql://localhost:" + port + "/spine could not")
                .message().doesNotContain("secret");
    }

    @Test
    void aUrlOfAnotherKindIsRefusedNamingIt() {
        assertThatThrownBy(() -> JdbcMessageStore.open("jdbc:mysql://db/spine"))
                .isInstanceOf(MessagingException.class)
                .hasMessage("message store URL \"jdbc:mysql://db/spine\": expected jdbc:postgresql://HOST/DB or "
                        + "jdbc:h2:file:PATH");
    }
}
