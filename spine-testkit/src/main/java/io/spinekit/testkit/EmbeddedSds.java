package io.spinekit.testkit;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import io.spinekit.ldap.SdsClient;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * An in-memory Spine Directory Service for tests: an UnboundID {@link InMemoryDirectoryServer} with
 * the real SDS schema (loaded on top of the standard schema, so entries are checked against it),
 * listening over LDAPS on loopback with a {@link TestPki} server certificate for {@code localhost},
 * optionally requiring a client certificate as Spine's live and integration SDS do.
 *
 * <pre>{@code
 * try (EmbeddedSds sds = EmbeddedSds.builder().clientAuth(EmbeddedSds.ClientAuth.REQUIRED).start()) {
 *     sds.addMhs(EmbeddedSds.mhs("X26", "urn:nhs:names:services:psis:REPC_IN150016UK05")
 *             .partyKey("X26-823848").endpoint("https://mhs.x26.example/reliablemessaging/reliablerequest"));
 *     sds.addAccreditedSystem(EmbeddedSds.accreditedSystem("918999198738", "X26")
 *             .partyKey("X26-823848").interactions("urn:nhs:names:services:psis:REPC_IN150016UK05"));
 *     try (SdsClient client = sds.clientBuilder().build()) {
 *         Route route = client.route(OdsCode.of("X26"), InteractionId.of("urn:nhs:...")).orElseThrow();
 *     }
 * }
 * }</pre>
 *
 * <p>Fault controls for resilience tests: {@link #stop()} closes the listener and every connection,
 * {@link #start()} listens again on the same port, {@link #latency(Duration)} delays every search.
 * {@link #searchCount()} counts the searches the directory received (health checks of the root DSE
 * excluded), so a test can check that the client's cache coalesced concurrent misses.
 *
 * <p>Fixtures are built with {@link #mhs(String, String)} ({@link MhsFixture}),
 * {@link #accreditedSystem(String, String)} ({@link AccreditedSystemFixture}) and
 * {@link #organisation(String, String)} ({@link OrganisationFixture}), or given as LDIF.
 *
 * <p>Thread-safe. Fixture values are strings on purpose: a test can store malformed values.
 */
public final class EmbeddedSds implements AutoCloseable {
    /** The directory root. */
    public static final String ROOT = "o=nhs";
    /** Where {@code nhsMhs} and {@code nhsAs} entries live. */
    public static final String SERVICES = "ou=services,o=nhs";
    /** Where {@code nhsOrg} entries live. */
    public static final String ORGANISATIONS = "ou=organisations,o=nhs";
    /** Where people live (empty here). */
    public static final String PEOPLE = "ou=people,o=nhs";

    private static final String LISTENER = "sds";

    /** Whether the directory asks for a TLS client certificate. */
    public enum ClientAuth {
        /** No client certificate is asked for. */
        NONE,
        /** A client certificate is asked for; a client without one is still served. */
        OPTIONAL,
        /** A client certificate chained to the test PKI is required, as on Spine's live and integration SDS. */
        REQUIRED
    }

    private final TestPki pki;
    private final IssuedCertificate serverCertificate;
    private final IssuedCertificate clientCertificate;
    private final boolean plain;
    private final int port;
    private final InMemoryDirectoryServer server;
    private final SdsInterceptor interceptor = new SdsInterceptor();
    private volatile boolean running;

    private EmbeddedSds(Builder b) {
        this.pki = b.pki != null ? b.pki : TestPki.create();
        this.serverCertificate = pki.certificate("localhost").serverAuth().issue();
        this.clientCertificate = pki.certificate("client.sds.spinekit.test").clientAuth().issue();
        this.plain = b.plain;
        this.port = b.port > 0 ? b.port : freePort();
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(ROOT);
            config.setSchema(schema());
            config.setEnforceAttributeSyntaxCompliance(true);
            config.setEnforceSingleStructuralObjectClass(true);
            config.setMaxSizeLimit(b.maxSizeLimit);
            config.setEqualityIndexAttributes("objectClass", "nhsIDCode", "nhsMhsSvcIA", "nhsAsSvcIA",
                    "nhsMhsPartyKey", "uniqueIdentifier");
            config.setVendorName("spinekit EmbeddedSds");
            InetAddress loopback = InetAddress.getLoopbackAddress();
            if (plain) {
                config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig(LISTENER, loopback, port, null));
            } else {
                SSLContext serverContext = pki.sslContext(serverCertificate);
                config.setListenerConfigs(InMemoryListenerConfig.createLDAPSConfig(LISTENER, loopback, port,
                        serverContext.getServerSocketFactory(), null,
                        b.clientAuth != ClientAuth.NONE, b.clientAuth == ClientAuth.REQUIRED));
            }
            config.addInMemoryOperationInterceptor(interceptor);
            this.server = new InMemoryDirectoryServer(config);
            clear();
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot configure the embedded SDS: " + e.getMessage(), e);
        }
    }

    /**
     * Starts a builder: LDAPS, a fresh {@link TestPki}, client certificate optional.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a directory with the defaults (LDAPS, fresh PKI, client certificate optional).
     *
     * @return a running directory
     */
    public static EmbeddedSds startDefault() {
        return builder().start();
    }

    /**
     * The SDS schema elements (attribute types and object classes of X-ORIGIN nhsSDS) merged onto
     * UnboundID's default standard schema.
     *
     * @return the merged schema
     */
    public static Schema schema() {
        return SdsContent.schema();
    }

    // ----------------------------------------------------------------------------- lifecycle

    /**
     * Starts listening (again) on the same port. Idempotent.
     *
     * @return this
     */
    public synchronized EmbeddedSds start() {
        if (!running) {
            try {
                server.startListening();
            } catch (LDAPException e) {
                throw new IllegalStateException("cannot start the embedded SDS on port " + port + ": "
                        + e.getMessage(), e);
            }
            running = true;
        }
        return this;
    }

    /**
     * Stops listening and closes every client connection, as a crashed server would. The data is
     * kept; {@link #start()} serves it again on the same port. Idempotent.
     */
    public synchronized void stop() {
        if (running) {
            server.shutDown(true);
            running = false;
        }
    }

    /**
     * Whether the directory is listening.
     *
     * @return {@code true} between {@link #start()} and {@link #stop()}
     */
    public boolean isRunning() {
        return running;
    }

    /**
     * Delays every search by the given time before it is answered, as an overloaded server would.
     *
     * @param delay the delay; zero for none
     */
    public void latency(Duration delay) {
        interceptor.latency(delay);
    }

    /** Removes any latency. */
    public void noLatency() {
        interceptor.latency(Duration.ZERO);
    }

    /** Stops the directory for good. */
    @Override
    public void close() {
        stop();
    }

    // ----------------------------------------------------------------------------- connection facts

    /**
     * The URL clients use.
     *
     * @return {@code ldaps://localhost:<port>} (or {@code ldap://} for a plain directory)
     */
    public String url() {
        return (plain ? "ldap" : "ldaps") + "://localhost:" + port;
    }

    /**
     * The TCP port, fixed for the directory's life (kept across stop and start).
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The PKI that issued the server and client certificates.
     *
     * @return the PKI
     */
    public TestPki pki() {
        return pki;
    }

    /**
     * The server certificate (CN and DNS subjectAltName {@code localhost}).
     *
     * @return the certificate with its key
     */
    public IssuedCertificate serverCertificate() {
        return serverCertificate;
    }

    /**
     * A client certificate the directory accepts (issued by the PKI's sub CA).
     *
     * @return the certificate with its key
     */
    public IssuedCertificate clientCertificate() {
        return clientCertificate;
    }

    /**
     * A TLS context that trusts the PKI's root and presents {@link #clientCertificate()}.
     *
     * @return a new context
     */
    public SpineTlsContext tlsContext() {
        return SpineTlsContext.builder()
                .trustCertificates(List.of(pki.root().certificate()))
                .clientIdentity(clientCertificate.privateKey(), clientCertificate.chain())
                .build();
    }

    /**
     * A TLS context that trusts the PKI's root and presents no client certificate.
     *
     * @return a new context
     */
    public SpineTlsContext tlsContextWithoutClientCertificate() {
        return SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate())).build();
    }

    /**
     * A client builder pointed at this directory, with {@link #tlsContext()} (or plain LDAP allowed
     * for a plain directory). Add an environment, timeouts or cache settings before {@code build()}.
     *
     * @return a new builder
     */
    public SdsClient.Builder clientBuilder() {
        SdsClient.Builder b = SdsClient.builder().ldapUrls(url());
        return plain ? b.allowPlainLdap() : b.tls(tlsContext());
    }

    // ----------------------------------------------------------------------------- observation

    /**
     * How many searches the directory received since it was built or {@link #resetSearchCount()}
     * (health checks, which read the root DSE, are not counted).
     *
     * @return the count
     */
    public long searchCount() {
        return interceptor.searchCount();
    }

    /**
     * The filters of the last 1,000 searches counted by {@link #searchCount()}, in the order
     * received, as the directory decoded them (so escaping is visible).
     *
     * @return a copy of the filters
     */
    public List<String> searchFilters() {
        return interceptor.searchFilters();
    }

    /** Sets {@link #searchCount()} to zero and forgets the filters. */
    public void resetSearchCount() {
        interceptor.resetSearchCount();
    }

    /**
     * How many entries the directory holds, including the base entries.
     *
     * @return the count
     */
    public int entryCount() {
        return server.countEntries();
    }

    /**
     * Reads an entry.
     *
     * @param dn the entry DN
     * @return the entry, or {@code null} when absent
     */
    public Entry entry(String dn) {
        try {
            return server.getEntry(dn);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("invalid DN '" + dn + "': " + e.getMessage(), e);
        }
    }

    // ----------------------------------------------------------------------------- fixtures

    /** Removes every entry but the base ones ({@code o=nhs} and its {@code ou}s). */
    public void clear() {
        SdsContent.reset(server);
    }

    /**
     * Adds an {@code nhsMhs} entry.
     *
     * @param mhs the fixture
     * @return the entry's DN
     * @throws IllegalArgumentException when the directory rejects the entry (for example a schema violation)
     */
    public String addMhs(MhsFixture mhs) {
        return add(mhs.entry());
    }

    /**
     * Adds an {@code nhsAs} entry.
     *
     * @param as the fixture
     * @return the entry's DN
     * @throws IllegalArgumentException when the directory rejects the entry
     */
    public String addAccreditedSystem(AccreditedSystemFixture as) {
        return add(as.entry());
    }

    /**
     * Adds an {@code nhsOrg} entry.
     *
     * @param org the fixture
     * @return the entry's DN
     * @throws IllegalArgumentException when the directory rejects the entry
     */
    public String addOrganisation(OrganisationFixture org) {
        return add(org.entry());
    }

    /**
     * Adds one entry given as LDIF lines ({@code "dn: ..."}, {@code "objectClass: ..."}, ...).
     *
     * @param ldifLines the entry
     * @return the entry's DN
     * @throws IllegalArgumentException when the LDIF is invalid or the directory rejects the entry
     */
    public String addEntry(String... ldifLines) {
        return SdsContent.addLdifEntry(server, ldifLines);
    }

    /**
     * Imports the entries of an LDIF document, adding to the existing ones.
     *
     * @param ldif LDIF text
     * @return how many entries were added
     * @throws IllegalArgumentException when the LDIF is invalid or an entry is rejected
     */
    public int importLdif(String ldif) {
        return SdsContent.importLdif(server, new ByteArrayInputStream(ldif.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Imports the entries of an LDIF file, adding to the existing ones.
     *
     * @param file an LDIF file
     * @return how many entries were added
     * @throws IllegalArgumentException when the LDIF is invalid or an entry is rejected
     */
    public int importLdif(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return SdsContent.importLdif(server, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Searches the directory as the SDS FHIR API's back-end does (a subtree search under
     * {@link #SERVICES}); {@link FakeSdsFhir} reads through it, so one fixture serves both back-ends.
     * Not counted by {@link #searchCount()}.
     *
     * @param filter the filter
     * @return the entries, in the directory's order
     */
    List<com.unboundid.ldap.sdk.SearchResultEntry> searchServices(com.unboundid.ldap.sdk.Filter filter) {
        try {
            return server.search(SERVICES, com.unboundid.ldap.sdk.SearchScope.SUB, filter).getSearchEntries();
        } catch (LDAPException e) {
            throw new IllegalStateException("embedded SDS search failed: " + e.getMessage(), e);
        }
    }

    private String add(Entry entry) {
        return SdsContent.add(server, entry);
    }

    // ----------------------------------------------------------------------------- fixture builders

    /**
     * Starts an {@code nhsMhs} fixture. Defaults for the attributes SDS requires: party key
     * {@code <ods>-0000001}, FQDN {@code mhs.<ods>.spinekit.test}, endpoint {@code https://<fqdn>/},
     * a random unique identifier that is also the CPA id, service name
     * {@code urn:nhs:names:services:<service>}, interaction name the interaction part, not
     * authenticated, interaction type HL7, approved 2020-01-01 12:00:00. No reliability attribute
     * unless set.
     *
     * @param odsCode {@code nhsIDCode}
     * @param interactionId {@code nhsMhsSvcIA}
     * @return the fixture
     */
    public static MhsFixture mhs(String odsCode, String interactionId) {
        return new MhsFixture(odsCode, interactionId);
    }

    /**
     * Starts an {@code nhsAs} fixture. Defaults: party key {@code <ods>-0000001}, no interaction,
     * approved 2020-01-01 12:00:00.
     *
     * @param asid {@code uniqueIdentifier}
     * @param odsCode {@code nhsIDCode}
     * @return the fixture
     */
    public static AccreditedSystemFixture accreditedSystem(String asid, String odsCode) {
        return new AccreditedSystemFixture(asid, odsCode);
    }

    /**
     * Starts an {@code nhsOrg} fixture. Defaults: type {@code GP PRACTICE}, type code {@code PR},
     * address {@code 1 Test Street}, locality {@code LEEDS}, postcode {@code LS1 4HR}.
     *
     * @param odsCode {@code nhsIDCode} (also the {@code uniqueIdentifier})
     * @param name {@code o}
     * @return the fixture
     */
    public static OrganisationFixture organisation(String odsCode, String name) {
        return new OrganisationFixture(odsCode, name);
    }

    // ----------------------------------------------------------------------------- builder

    /** Configures an {@link EmbeddedSds}. Not thread-safe. */
    public static final class Builder {
        private TestPki pki;
        private ClientAuth clientAuth = ClientAuth.OPTIONAL;
        private boolean plain;
        private int port;
        private int maxSizeLimit = 1000;

        private Builder() {
        }

        /**
         * Uses an existing PKI (default: a fresh {@link TestPki#create()}).
         *
         * @param pki the PKI that issues the server and client certificates
         * @return this
         */
        public Builder pki(TestPki pki) {
            this.pki = Objects.requireNonNull(pki, "pki");
            return this;
        }

        /**
         * Sets whether a client certificate is asked for (default {@link ClientAuth#OPTIONAL}).
         *
         * @param clientAuth none, optional or required
         * @return this
         */
        public Builder clientAuth(ClientAuth clientAuth) {
            this.clientAuth = Objects.requireNonNull(clientAuth, "clientAuth");
            return this;
        }

        /**
         * Listens with plain, unencrypted LDAP instead of LDAPS (for tests of the client's refusal
         * of, or explicit opt-in to, plain LDAP).
         *
         * @return this
         */
        public Builder plainLdap() {
            this.plain = true;
            return this;
        }

        /**
         * Listens on a fixed port (default: a free port chosen at build time).
         *
         * @param port the TCP port
         * @return this
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Sets the directory's own size limit per search (default 1000).
         *
         * @param limit the most entries a search returns
         * @return this
         */
        public Builder maxSizeLimit(int limit) {
            this.maxSizeLimit = limit;
            return this;
        }

        /**
         * Builds the directory without starting it.
         *
         * @return a stopped directory
         */
        public EmbeddedSds build() {
            return new EmbeddedSds(this);
        }

        /**
         * Builds and starts the directory.
         *
         * @return a running directory
         */
        public EmbeddedSds start() {
            return build().start();
        }
    }

    // ----------------------------------------------------------------------------- internals

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }
}
