package io.spinekit.benchmarks.ldap;

import io.spinekit.env.OdsCode;
import io.spinekit.ldap.SdsClient;
import io.spinekit.testkit.EmbeddedSds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * 1,000 callers miss on one key at once (target: exactly one LDAP search). Each invocation empties
 * the cache, releases 1,000 threads together on one organisation look-up, and reports the searches
 * the directory received as the {@code ldapSearches} counter (JMH prints it per invocation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CoalescedMissBenchmark {
    static final int CALLERS = 1000;

    private EmbeddedSds sds;
    private SdsClient client;
    private ExecutorService pool;

    /** Searches the directory received in one invocation. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Searches {
        /** LDAP searches received by the directory. */
        public long ldapSearches;
    }

    /** Starts the directory, the client and 1,000 threads. */
    @Setup(Level.Trial)
    public void setUp() {
        sds = SdsFixture.start();
        sds.latency(Duration.ofMillis(20));
        client = sds.clientBuilder().build();
        pool = Executors.newFixedThreadPool(CALLERS);
    }

    /** Empties the cache and the search count. */
    @Setup(Level.Invocation)
    public void reset() {
        client.invalidateAll();
        sds.resetSearchCount();
    }

    /** Stops everything. */
    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
        client.close();
        sds.close();
    }

    /**
     * 1,000 concurrent look-ups of one organisation.
     *
     * @param searches where the directory's search count is reported
     * @return how many callers got the organisation
     * @throws Exception when a look-up fails
     */
    @Benchmark
    public int thousandConcurrentMisses(Searches searches) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>(CALLERS);
        for (int i = 0; i < CALLERS; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return client.organisation(OdsCode.of("X26")).orElseThrow().name();
            }));
        }
        go.countDown();
        int ok = 0;
        for (Future<String> f : results) {
            if (f.get().equals("NHS ENGLAND")) {
                ok++;
            }
        }
        searches.ldapSearches += sds.searchCount();
        return ok;
    }
}
