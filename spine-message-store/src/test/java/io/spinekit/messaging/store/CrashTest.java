package io.spinekit.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.messaging.MessageStore;
import io.spinekit.testkit.FakeMhs;
import io.spinekit.testpki.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM accepts reliable messages while the fake MHS answers every post with a retriable SOAP
 * fault, and is killed hard in the middle of its retries; a second JVM on the same store then
 * delivers every message it had accepted, with the same MessageIds.
 */
class CrashTest {
    static final int MESSAGES = 20;
    static TestPki pki;
    static FakeMhs mhs;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        pki = TestPki.create("Crash");
        mhs = FakeMhs.start(pki).expect(TestRoutes.PARTY_KEY, TestRoutes.CPA_ID);
    }

    @AfterAll
    static void stop() {
        mhs.close();
    }

    @Test
    void onH2File() throws Exception {
        crashMidRetryThenASecondJvmDeliversEverything(JdbcMessageStore.h2Url(dir.resolve("messages")));
    }

    @Test
    void onPostgres() throws Exception {
        crashMidRetryThenASecondJvmDeliversEverything(Pg.newDatabase());
    }

    @Test
    void onH2FileAMessageIsStoredTheMomentItIsAccepted() throws Exception {
        killedTheMomentTheLastMessageIsAcceptedEveryAcceptedMessageIsStored(
                JdbcMessageStore.h2Url(dir.resolve("accepted-then-killed")));
    }

    @Test
    void onPostgresAMessageIsStoredTheMomentItIsAccepted() throws Exception {
        killedTheMomentTheLastMessageIsAcceptedEveryAcceptedMessageIsStored(Pg.newDatabase());
    }

    /** "Accepted means stored": no commit may wait in memory for a background writer (H2's WRITE_DELAY). */
    private void killedTheMomentTheLastMessageIsAcceptedEveryAcceptedMessageIsStored(String url) throws Exception {
        Set<String> accepted = acceptInAChildThenKillIt(url, "kill", 1, ids -> ids.size() == MESSAGES);
        try (JdbcMessageStore store = JdbcMessageStore.open(url)) {
            assertThat(accepted.stream().filter(id -> store.stored(id).isEmpty()).toList())
                    .as("accepted before the kill but not in the store").isEmpty();
        }
    }

    /**
     * Starts a child JVM that accepts {@link #MESSAGES} reliable messages into the store at {@code url}
     * while the fake MHS answers every post with a retriable fault, kills it hard once {@code killWhen}
     * holds for the MessageIds it has reported accepted (polled every {@code pollMillis}), and returns them.
     */
    private Set<String> acceptInAChildThenKillIt(String url, String name, long pollMillis,
            Predicate<Set<String>> killWhen) throws Exception {
        mhs.reset();
        mhs.script(IntStream.range(0, 20_000).mapToObj(i -> FakeMhs.Answer.soapFault("206"))
                .toArray(FakeMhs.Answer[]::new));
        Path tls = TestRoutes.writeTls(pki, Files.createDirectories(dir.resolve("tls-" + name)));
        Path acceptedFile = dir.resolve("accepted-" + name + ".txt");
        Path childLog = dir.resolve("child-" + name + ".log");
        Process child = Children.start(childLog, "accept", url,
                mhs.endpoint("/reliablemessaging/reliablerequest").toString(), tls.toString(),
                String.valueOf(MESSAGES), acceptedFile.toString());
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!killWhen.test(lines(acceptedFile))) {
                assertThat(child.isAlive()).as("the accepting JVM died early: %s", log(childLog)).isTrue();
                assertThat(System.nanoTime()).as("the accepting JVM did not get going: %s", log(childLog))
                        .isLessThan(end);
                Thread.sleep(pollMillis);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        return lines(acceptedFile);
    }

    private void crashMidRetryThenASecondJvmDeliversEverything(String url) throws Exception {
        // Every accepted message posted at least twice: its first attempt's end (retryAt) was
        // recorded before the second post began, so the store holds attempts >= 1 when it dies.
        Set<String> accepted = acceptInAChildThenKillIt(url, "retry", 50,
                ids -> ids.size() == MESSAGES && everyMessagePostedTwice(ids));
        Path tls = dir.resolve("tls-retry");
        List<FakeMhs.Received> beforeCrash = mhs.received();
        assertThat(beforeCrash).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(beforeCrash.stream().map(r -> r.messageId().orElseThrow()).collect(Collectors.toSet()))
                .as("every accepted message was being retried").isEqualTo(accepted);

        mhs.reset(); // every post acknowledged from now on
        Path drainLog = dir.resolve("drain.log");
        Process drain = Children.start(drainLog, "drain", url, tls.toString());
        assertThat(drain.waitFor(150, TimeUnit.SECONDS)).as(log(drainLog)).isTrue();
        assertThat(drain.exitValue()).as(log(drainLog)).isZero();

        List<FakeMhs.Received> afterCrash = mhs.received();
        String states;
        try (JdbcMessageStore store = JdbcMessageStore.open(url)) {
            states = accepted.stream().map(id -> store.stored(id).map(m -> m.status() + " " + m.lastError())
                    .orElse("missing")).collect(Collectors.joining("\n"));
        }
        assertThat(afterCrash).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(afterCrash.stream().map(r -> r.messageId().orElseThrow()).collect(Collectors.toSet()))
                .as("the second JVM sent each accepted MessageId, and nothing else; states:\n%s", states).isEqualTo(accepted);
        try (JdbcMessageStore store = JdbcMessageStore.open(url)) {
            for (String id : accepted) {
                MessageStore.Stored m = store.stored(id).orElseThrow();
                assertThat(m.status()).as(id).isEqualTo(MessageStore.Status.ACKNOWLEDGED);
                assertThat(m.attempts()).as("attempts before and after the crash: %s", m).isGreaterThan(1);
                assertThat(m.body()).as("the bytes as sent").isEqualTo(store.stored(id).orElseThrow().body());
            }
            assertThat(store.list(EnumSet.of(MessageStore.Status.PENDING), 10)).isEmpty();
        }
    }

    private static boolean everyMessagePostedTwice(Set<String> accepted) {
        Map<String, Long> posts = mhs.received().stream().flatMap(r -> r.messageId().stream())
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        return accepted.stream().allMatch(id -> posts.getOrDefault(id, 0L) >= 2);
    }

    private static Set<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new)) : Set.of();
    }

    private static String log(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(no output)";
        } catch (IOException e) {
            return e.toString();
        }
    }

}
