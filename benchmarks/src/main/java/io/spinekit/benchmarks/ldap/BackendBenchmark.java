package io.spinekit.benchmarks.ldap;

import io.spinekit.ldap.RouteResult;
import io.spinekit.ldap.SdsClient;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.FakeSdsFhir;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The two back-ends of one {@link SdsClient} side by side in one run, on the same fixture: uncached
 * route look-ups (LDAP: two searches over pooled LDAPS with a client certificate; FHIR: two HTTPS GETs,
 * Endpoint then Device, to {@link FakeSdsFhir} on loopback, which reads the same embedded directory)
 * and cached ones (the same cache code for both, so the same speed is expected). Sample mode gives
 * p99. Run: {@code java -jar benchmarks/target/benchmarks.jar BackendBenchmark -f 1 -wi 2 -i 5 -w 2s -r 3s
 * -bm thrpt -bm sample}.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class BackendBenchmark {
    /** Which back-end. */
    @Param({"ldap", "fhir"})
    public String backend;

    private EmbeddedSds sds;
    private FakeSdsFhir fhir;
    private SdsClient uncached;
    private SdsClient cached;

    /** Starts the directory, the fake API over it and the two clients of the chosen back-end. */
    @Setup
    public void setUp() {
        sds = SdsFixture.start();
        fhir = FakeSdsFhir.over(sds).apiKey("bench").start();
        boolean overFhir = backend.equals("fhir");
        uncached = (overFhir ? fhir.clientBuilder() : sds.clientBuilder().maxConnections(4)).noCache().build();
        cached = (overFhir ? fhir.clientBuilder() : sds.clientBuilder()).build();
        uncached.route(SdsFixture.X26, SdsFixture.PSIS_ID).orElseThrow();
        cached.route(SdsFixture.X26, SdsFixture.PSIS_ID).orElseThrow();
    }

    /** Closes everything. */
    @TearDown
    public void tearDown() {
        uncached.close();
        cached.close();
        fhir.close();
        sds.close();
    }

    /**
     * One uncached route look-up (two requests).
     *
     * @return the result
     */
    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    public RouteResult uncachedRoute() {
        return uncached.route(SdsFixture.X26, SdsFixture.PSIS_ID);
    }

    /**
     * One cached route look-up.
     *
     * @return the result
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    public RouteResult cachedRoute() {
        return cached.route(SdsFixture.X26, SdsFixture.PSIS_ID);
    }
}
