package io.spinekit.benchmarks.ldap;

import io.spinekit.ldap.Route;
import io.spinekit.ldap.SdsClient;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attributes;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Uncached route look-ups over LDAPS with a client certificate, two searches each (the nhsMhs record,
 * then the nhsAs accredited system): {@link SdsClient} with its connection pool against the baseline
 * public Java code uses, JNDI with a new connection (TCP + TLS handshake + anonymous bind) per look-up.
 * Targets: pool 10 times the JNDI throughput, pool p99 under 5 ms on loopback. Run in sample mode to get
 * percentiles. The directory runs in the same JVM, so both numbers include its share.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class UncachedLookupBenchmark {
    private EmbeddedSds sds;
    private SdsClient pooled;
    private Hashtable<String, String> jndiEnv;

    /** Starts the directory, the pooled client and the JNDI settings. */
    @Setup
    public void setUp() {
        sds = SdsFixture.start();
        pooled = sds.clientBuilder().noCache().maxConnections(4).build();
        pooled.route(SdsFixture.X26, SdsFixture.PSIS_ID).orElseThrow();
        IssuedCertificate client = sds.clientCertificate();
        JndiSocketFactory.use(TestPki.sslContext(client, sds.pki().trustStore()).getSocketFactory());
        jndiEnv = new Hashtable<>();
        jndiEnv.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        jndiEnv.put(Context.PROVIDER_URL, "ldaps://localhost:" + sds.port());
        jndiEnv.put(Context.SECURITY_AUTHENTICATION, "none");
        jndiEnv.put("java.naming.ldap.factory.socket", JndiSocketFactory.class.getName());
        jndiEnv.put("com.sun.jndi.ldap.connect.timeout", "5000");
        jndiEnv.put("com.sun.jndi.ldap.read.timeout", "5000");
        try {
            if (!jndiRoute().equals("https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/reliablerequest 918999198738")) {
                throw new IllegalStateException("JNDI baseline found a different route");
            }
        } catch (NamingException e) {
            throw new IllegalStateException("JNDI baseline cannot reach the directory", e);
        }
    }

    /** Closes the client and the directory. */
    @TearDown
    public void tearDown() {
        pooled.close();
        sds.close();
    }

    /**
     * One uncached route look-up through the pool.
     *
     * @return the route
     */
    @Benchmark
    public Route pooledRoute() {
        return pooled.route(SdsFixture.X26, SdsFixture.PSIS_ID).orElseThrow();
    }

    /**
     * The same two searches through JNDI on a new connection.
     *
     * @return endpoint and ASID
     * @throws NamingException when the directory fails
     */
    @Benchmark
    public String jndiNewConnectionRoute() throws NamingException {
        return jndiRoute();
    }

    private String jndiRoute() throws NamingException {
        InitialDirContext ctx = new InitialDirContext(jndiEnv);
        try {
            SearchControls controls = new SearchControls();
            controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
            controls.setCountLimit(101);
            String endpoint = first(ctx.search("ou=services,o=nhs",
                    "(&(objectClass=nhsMhs)(nhsIDCode={0})(nhsMhsSvcIA={1}))",
                    new Object[] {"X26", SdsFixture.PSIS}, controls), "nhsMhsEndPoint");
            String asid = first(ctx.search("ou=services,o=nhs",
                    "(&(objectClass=nhsAs)(nhsIDCode={0})(nhsAsSvcIA={1}))",
                    new Object[] {"X26", SdsFixture.PSIS}, controls), "uniqueIdentifier");
            return endpoint + " " + asid;
        } finally {
            ctx.close();
        }
    }

    private static String first(NamingEnumeration<SearchResult> results, String attribute) throws NamingException {
        try {
            SearchResult r = results.next();
            Attributes attrs = r.getAttributes();
            return (String) attrs.get(attribute).get();
        } finally {
            results.close();
        }
    }
}
