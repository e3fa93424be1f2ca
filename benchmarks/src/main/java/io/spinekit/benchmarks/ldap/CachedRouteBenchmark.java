package io.spinekit.benchmarks.ldap;

import io.spinekit.ldap.RouteResult;
import io.spinekit.ldap.SdsClient;
import io.spinekit.testkit.EmbeddedSds;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Route look-ups answered from the cache, on one thread (target: 5 million per second). The entry is
 * loaded once over LDAPS in setup; every measured call is a fresh-cache hit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class CachedRouteBenchmark {
    private EmbeddedSds sds;
    private SdsClient client;

    /** Starts the directory and warms the cache. */
    @Setup
    public void setUp() {
        sds = SdsFixture.start();
        client = sds.clientBuilder().build();
        client.route(SdsFixture.X26, SdsFixture.PSIS_ID).orElseThrow();
    }

    /** Closes the client and the directory. */
    @TearDown
    public void tearDown() {
        client.close();
        sds.close();
    }

    /**
     * One cached route look-up.
     *
     * @return the result (consumed by JMH)
     */
    @Benchmark
    public RouteResult cachedRoute() {
        return client.route(SdsFixture.X26, SdsFixture.PSIS_ID);
    }
}
