package io.spinekit.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.env.PartyKey;
import io.spinekit.ldap.Route;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.MessagingException;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.testkit.FakeMhs;
import io.spinekit.testpki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A message past its deadline is failed and reported, never sent; the default store; the lease bound. */
class ExpiryAndDefaultsTest {
    @TempDir
    Path dir;

    @Test
    void aMessageTakenOverAfterItsDeadlineFailsWithTheReasonAndIsReportedNotSent() throws Exception {
        TestPki pki = TestPki.create("Expiry");
        Path tls = TestRoutes.writeTls(pki, Files.createDirectories(dir.resolve("tls")));
        try (FakeMhs mhs = FakeMhs.start(pki);
             JdbcMessageStore store = JdbcMessageStore.h2File(dir.resolve("messages"))) {
            Route route = TestRoutes.reliable(mhs.endpoint("/reliablemessaging/reliablerequest"), 2,
                    Duration.ofSeconds(1), Duration.ofMinutes(5));
            Instant accepted = Instant.now().minus(Duration.ofMinutes(10));
            MessageStore.Stored old = ReadyMessages.reliable(route, accepted); // deadline 10 minutes after
            MessageStore.Stored late = new MessageStore.Stored(old.messageId(), old.conversationId(),
                    old.refToMessageId(), old.workflow(), old.endpoint(), old.headers(), old.body(), accepted,
                    Optional.of(accepted.plus(Duration.ofMinutes(5))), 3, Duration.ofSeconds(1), 1, 2, accepted,
                    MessageStore.Status.PENDING, "SOAP fault [206] (retriable) at attempt 1");
            store.accept(late, Optional.empty(), accepted);
            CompletableFuture<SendOutcome> reported = new CompletableFuture<>();

            try (SpineMessaging messaging = SenderChild.client(tls, store).undeliveredListener(reported::complete)
                    .build()) {
                SendOutcome out = reported.get(30, TimeUnit.SECONDS);
                assertThat(messaging.store()).isSameAs(store);

                assertThat(out.messageId()).isEqualTo(late.messageId());
                assertThat(out.outcome()).isEqualTo(SendOutcome.Outcome.FAILED);
                assertThat(out.failure()).contains(SendOutcome.Failure.EXPIRED);
                assertThat(out.failureDetail()).startsWith("not delivered by its deadline " + late.deadline().get())
                        .endsWith("after 1 attempt; last error: SOAP fault [206] (retriable) at attempt 1");
            }
            MessageStore.Stored failed = store.stored(late.messageId()).orElseThrow();
            assertThat(failed.status()).isEqualTo(MessageStore.Status.FAILED);
            assertThat(failed.lastError()).startsWith("not delivered by its deadline");
            assertThat(mhs.received()).isEmpty();
        }
    }

    @Test
    void withoutAStoreTheClientOpensTheConfiguredDurableDefault() {
        String url = JdbcMessageStore.h2Url(dir.resolve("default"));
        System.setProperty(JdbcMessageStoreFactory.PROPERTY, url);
        try (SpineMessaging messaging = SpineMessaging.builder().tls(TestRoutes.readTls(TestRoutes.writeTls(
                TestPki.create("Default"), dir))).fromPartyKey(PartyKey.of("X99-123456")).build()) {
            assertThat(messaging.store()).isInstanceOf(JdbcMessageStore.class);
            assertThat(((JdbcMessageStore) messaging.store()).description()).isEqualTo(url);
        } finally {
            System.clearProperty(JdbcMessageStoreFactory.PROPERTY);
        }
        assertThat(JdbcMessageStoreFactory.defaultUrl()).endsWith("/.spinekit/message-store/messages")
                .startsWith("jdbc:h2:file:");
    }

    @Test
    void aLeaseShorterThanOneAttemptIsRefused() {
        assertThatThrownBy(() -> SpineMessaging.builder().tls(TestRoutes.readTls(TestRoutes.writeTls(
                TestPki.create("Lease"), dir))).fromPartyKey(PartyKey.of("X99-123456"))
                .requestTimeout(Duration.ofSeconds(10)).transportRetries(1).lease(Duration.ofSeconds(5)).build())
                .isInstanceOf(MessagingException.class)
                .hasMessage("lease is \"PT5S\": expected at least PT20S (the request timeout times the transport "
                        + "tries), so no other client takes a message while it is being sent");
    }
}
