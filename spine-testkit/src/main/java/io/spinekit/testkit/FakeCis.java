package io.spinekit.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.nimbusds.jose.jwk.RSAKey;
import io.spinekit.cis.Cis2Issuer;
import io.spinekit.cis.CisUrls;
import io.spinekit.cis.GasAuthenticationResponse;
import io.spinekit.cis.GasService;
import io.spinekit.cis.RoleAssertion;
import io.spinekit.cis.SsoTicket;
import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.SpineCatalog;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A fake Care Identity Service: a real HTTPS server (WireMock on Jetty) on loopback that presents a
 * {@link TestPki} server certificate for {@code localhost} and, by default, requires a client
 * certificate chained to the same PKI, as Spine's sbapi does.
 *
 * <p>It answers:
 * <ul>
 *   <li>{@value #ROLE_ASSERTION_PATH}{@code ?token=...}: per ticket, a success (SAML shaped like
 *       sbapi's, see {@link #roleAssertionResponse(RoleAssertion, SsoTicket)}), a failure status,
 *       hostile XML, a slow answer or HTTP 500; unknown tickets get a failure status;</li>
 *   <li>GAS {@code POST /login/authactivate}, {@code /login/authvalidate} and {@code /login/authlogout}
 *       with {@code gpOBJECT} messages: a random challenge, the authentication answer given with
 *       {@link #givenAuthentication(GasAuthenticationResponse)}, and a logout acknowledgement;
 *       requests that are not the expected GAS message get HTTP 400;</li>
 *   <li>the CIS2 discovery document at {@link #issuer()} + {@code /.well-known/openid-configuration}
 *       and a JWKS with one RSA signing key; {@link #idToken(String)} signs ID tokens with it.</li>
 * </ul>
 * {@link #urls()} and {@link #profile(String)} point spinekit at it. Everything it answers is made up.
 * The bodies are written by package-private helpers, one per service (SAML and hostile documents,
 * GAS, CIS2); this class holds the server and the stubs.
 *
 * <pre>{@code
 * try (FakeCis cis = FakeCis.start(pki)) {
 *     SsoTicket ticket = SsoTicket.of("AQIC5wM2...");
 *     RoleAssertion expected = cis.givenAssertion(ticket);
 *     // ... CisClient with urls cis.urls(), trusting pki.root(), presenting a client certificate from pki ...
 * }
 * }</pre>
 */
public final class FakeCis implements AutoCloseable {
    /** The RoleAssertion path, as on sbapi. */
    public static final String ROLE_ASSERTION_PATH = "/saml/RoleAssertion";
    /** The CIS2 realm path below the host, as on the real issuers. */
    public static final String ISSUER_PATH = "/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare";
    /** GAS activation path. */
    public static final String GAS_ACTIVATE_PATH = "/login/authactivate";
    /** GAS validation path. */
    public static final String GAS_VALIDATE_PATH = "/login/authvalidate";
    /** GAS logout path. */
    public static final String GAS_LOGOUT_PATH = "/login/authlogout";
    /** The JWKS path. */
    public static final String JWKS_PATH = ISSUER_PATH + "/connect/jwk_uri";

    /** Hostile role assertion bodies a test can ask for. */
    public enum Hostile {
        /** An external entity reading a local file. */
        XXE_FILE,
        /** An external entity fetching {@code /xxe-canary} from this server. */
        XXE_HTTP,
        /** Nested entity expansion ("billion laughs"). */
        BILLION_LAUGHS,
        /** Elements nested 10,000 deep. */
        DEEP_NESTING,
        /** A 3 MiB body. */
        OVERSIZED
    }

    private final MutualTlsWireMock https;
    private final WireMockServer server;
    private volatile RSAKey signingKey;

    private FakeCis(MutualTlsWireMock https, RSAKey signingKey) {
        this.https = https;
        this.server = https.server();
        this.signingKey = signingKey;
    }

    /**
     * Starts a fake CIS for {@code localhost} that requires a client certificate from {@code pki}.
     *
     * @param pki issues the server certificate and is the only trusted client CA
     * @return a started fake
     */
    public static FakeCis start(TestPki pki) {
        return start(pki, pki.certificate("localhost").serverAuth().issue(), true);
    }

    /**
     * Starts a fake CIS with the given server certificate.
     *
     * @param pki the PKI whose root client certificates must chain to
     * @param serverCertificate the certificate the server presents
     * @param requireClientCertificate whether a client certificate is required
     * @return a started fake
     */
    public static FakeCis start(TestPki pki, IssuedCertificate serverCertificate, boolean requireClientCertificate) {
        MutualTlsWireMock https = MutualTlsWireMock.create("fake-cis", pki, serverCertificate, requireClientCertificate);
        try {
            https.server().start();
            FakeCis fake = new FakeCis(https, newKey());
            fake.installDefaults();
            return fake;
        } catch (RuntimeException e) {
            https.close();
            throw e;
        }
    }

    private void installDefaults() {
        server.stubFor(get(urlPathEqualTo(ROLE_ASSERTION_PATH)).atPriority(10).willReturn(xml(200,
                FakeCisSaml.failureResponse("Invalid SSO token"))));
        givenDiscovery(defaultDiscovery());
        FakeCis2.serveJwks(server, signingKey);
        FakeGas.installDefaults(server, baseUrl());
    }

    /**
     * Answers GAS {@code authvalidate} requests (service AUTHENTICATION) with this response, for
     * example carrying the ticket a test then asks a role assertion for. Replaces the previous answer.
     *
     * @param response the answer
     */
    public void givenAuthentication(GasAuthenticationResponse response) {
        FakeGas.answer(server, baseUrl(), GAS_VALIDATE_PATH, GasService.AUTHENTICATION, 1, response.toMessage());
    }

    /**
     * The GAS messages posted to a path, oldest first, as received (they may contain tickets).
     *
     * @param path for example {@link #GAS_VALIDATE_PATH}
     * @return the request bodies
     */
    public List<String> gasRequests(String path) {
        List<String> out = new ArrayList<>();
        server.findAll(postRequestedFor(urlPathEqualTo(path))).forEach(r -> out.add(r.getBodyAsString()));
        return out;
    }

    /**
     * The base URL, {@code https://localhost:<port>}.
     *
     * @return the base URL
     */
    public URI baseUrl() {
        return URI.create("https://localhost:" + server.httpsPort());
    }

    /**
     * The HTTPS port.
     *
     * @return the port
     */
    public int port() {
        return server.httpsPort();
    }

    /**
     * The CIS2 issuer: {@code https://localhost:<port>} + {@value #ISSUER_PATH}.
     *
     * @return the issuer
     */
    public Cis2Issuer issuer() {
        return Cis2Issuer.of(baseUrl() + ISSUER_PATH);
    }

    /**
     * All seven CIS URLs of an environment named {@code fake-cis}, pointing at this server (GAS under
     * {@code /login/...}, sbapi under {@code /saml/...} and {@code /amserver/namingservice}).
     *
     * @return the URLs
     */
    public CisUrls urls() {
        CisUrls.Builder b = CisUrls.builder("fake-cis");
        for (Map.Entry<String, URI> e : urlMap().entrySet()) {
            b.url(e.getKey(), e.getValue());
        }
        return b.build();
    }

    /**
     * Catalog overrides that define a custom environment pointing at this server, such as
     * {@code spinekit.local-mock.sbapi.roleassertion.url=https://localhost:port/saml/RoleAssertion}.
     *
     * @param environment the custom environment's name
     * @return the override properties
     */
    public Properties overrides(String environment) {
        Properties p = new Properties();
        for (Map.Entry<String, URI> e : urlMap().entrySet()) {
            p.setProperty("spinekit." + environment + "." + e.getKey(), e.getValue().toString());
        }
        return p;
    }

    /**
     * A catalog profile for a custom environment pointing at this server.
     *
     * @param environment the custom environment's name, such as {@code local-mock}
     * @return the profile
     */
    public EnvironmentProfile profile(String environment) {
        return SpineCatalog.builder().systemProperties(overrides(environment)).build().profile(environment);
    }

    private Map<String, URI> urlMap() {
        Map<String, URI> m = new LinkedHashMap<>();
        m.put(CisUrls.GAS_ACTIVATE, baseUrl().resolve(GAS_ACTIVATE_PATH));
        m.put(CisUrls.GAS_VALIDATE, baseUrl().resolve(GAS_VALIDATE_PATH));
        m.put(CisUrls.GAS_LOGOUT, baseUrl().resolve(GAS_LOGOUT_PATH));
        m.put(CisUrls.ROLE_SELECTION, baseUrl().resolve("/saml/RoleSelectionGP.jsp"));
        m.put(CisUrls.ROLE_ASSERTION, baseUrl().resolve(ROLE_ASSERTION_PATH));
        m.put(CisUrls.NAMING_SERVICE, baseUrl().resolve("/amserver/namingservice"));
        m.put(CisUrls.CIS2_ISSUER, issuer().uri());
        return m;
    }

    /**
     * A realistic made-up assertion, the one {@link #givenAssertion(SsoTicket)} serves: user
     * {@code 900000000101} ("Example Alex Dr") with two role profiles, the second selected, live mode,
     * a window from 3 minutes before {@code now} to 1 minute after it (real ones are about 4 minutes
     * long). Pass a time in the past for an expired one.
     *
     * @param now the current time
     * @return the assertion
     */
    public static RoleAssertion sampleAssertion(Instant now) {
        return FakeCisSaml.sampleAssertion(now);
    }

    /**
     * The body of a successful role assertion response carrying an assertion, as this fake serves it
     * (SAML 1.1 in sbapi's shape; the ticket echoed where CIS echoes it), for tests that serve it
     * their own way (for example dribbled through {@link #wireMock()}).
     *
     * @param assertion the assertion to write (every field; absent optional fields are omitted)
     * @param ticket the ticket to echo
     * @return the response XML
     */
    public static String roleAssertionResponse(RoleAssertion assertion, SsoTicket ticket) {
        return FakeCisSaml.successResponse(assertion, ticket);
    }

    /**
     * Answers the ticket with {@link #sampleAssertion(Instant)} valid now.
     *
     * @param ticket the ticket
     * @return the assertion served
     */
    public RoleAssertion givenAssertion(SsoTicket ticket) {
        RoleAssertion a = FakeCisSaml.sampleAssertion(Instant.now());
        givenAssertion(ticket, a);
        return a;
    }

    /**
     * Answers the ticket with a successful response carrying this assertion.
     *
     * @param ticket the ticket
     * @param assertion the assertion to serve
     */
    public void givenAssertion(SsoTicket ticket, RoleAssertion assertion) {
        givenRoleAssertionBody(ticket, 200, roleAssertionResponse(assertion, ticket));
    }

    /**
     * Answers the ticket with a SAML failure status ({@code samlp:Responder}).
     *
     * @param ticket the ticket
     * @param message the status message
     */
    public void givenFailureStatus(SsoTicket ticket, String message) {
        givenRoleAssertionBody(ticket, 200, FakeCisSaml.failureResponse(message));
    }

    /**
     * Answers the ticket with a hostile document.
     *
     * @param ticket the ticket
     * @param kind which attack
     */
    public void givenHostileXml(SsoTicket ticket, Hostile kind) {
        givenRoleAssertionBody(ticket, 200, FakeCisSaml.hostile(kind, baseUrl()));
    }

    /**
     * Answers the ticket with an HTTP 500 and a short text body.
     *
     * @param ticket the ticket
     */
    public void givenServerError(SsoTicket ticket) {
        givenRoleAssertionBody(ticket, 500, "Internal Server Error");
    }

    /**
     * Answers the ticket with any status and body.
     *
     * @param ticket the ticket
     * @param status the HTTP status
     * @param body the body (served as text/xml)
     */
    public void givenRoleAssertionBody(SsoTicket ticket, int status, String body) {
        stub(ticket, xml(status, body));
    }

    /**
     * Answers the ticket with a valid assertion, but only after a delay (for timeout tests).
     *
     * @param ticket the ticket
     * @param delay the delay before the response starts
     */
    public void givenSlowAnswer(SsoTicket ticket, Duration delay) {
        stub(ticket, xml(200, FakeCisSaml.successResponse(FakeCisSaml.sampleAssertion(Instant.now()), ticket))
                .withFixedDelay((int) delay.toMillis()));
    }

    private void stub(SsoTicket ticket, ResponseDefinitionBuilder response) {
        MappingBuilder m = get(urlPathEqualTo(ROLE_ASSERTION_PATH)).atPriority(1)
                .withQueryParam("token", equalTo(ticket.reveal()));
        server.stubFor(m.willReturn(response));
    }

    /**
     * How many role assertion requests arrived (any ticket).
     *
     * @return the count
     */
    public int roleAssertionRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo(ROLE_ASSERTION_PATH))).size();
    }

    /**
     * The raw query strings of the role assertion requests received, oldest first (they contain tickets).
     *
     * @return the URLs as requested
     */
    public List<String> roleAssertionRequestUrls() {
        List<String> out = new ArrayList<>();
        server.findAll(getRequestedFor(urlPathEqualTo(ROLE_ASSERTION_PATH))).forEach(r -> out.add(r.getUrl()));
        return out;
    }

    /**
     * How many requests arrived at a path.
     *
     * @param path the path
     * @return the count
     */
    public int requestsTo(String path) {
        return server.findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    /**
     * The discovery document served by default: this server's issuer and endpoints, the scopes and
     * claims CIS2 documents, RS512 and RS256 signing.
     *
     * @return the document as a map
     */
    public Map<String, Object> defaultDiscovery() {
        return FakeCis2.discovery(issuer().toString(), baseUrl());
    }

    /**
     * Serves another discovery document (for example with a different issuer).
     *
     * @param document the document as a map
     */
    public void givenDiscovery(Map<String, Object> document) {
        FakeCis2.serveDiscovery(server, document);
    }

    /**
     * The current signing key (private part included).
     *
     * @return the key
     */
    public RSAKey signingKey() {
        return signingKey;
    }

    /**
     * Replaces the signing key with a new one (new key id) and serves only the new key in the JWKS.
     *
     * @return the new key
     */
    public RSAKey rotateSigningKey() {
        signingKey = newKey();
        FakeCis2.serveJwks(server, signingKey);
        return signingKey;
    }

    /**
     * Starts an ID token for a client, with realistic CIS2 claims: this server's issuer, subject and
     * {@code nhsid_useruid} {@code 900000000101}, two {@code nhsid_nrbac_roles}, {@code selected_roleid},
     * assurance levels 3, issued now and expiring in 5 minutes, signed RS512 with {@link #signingKey()}.
     *
     * @param audience the client id
     * @return a token builder
     */
    public IdToken idToken(String audience) {
        return new IdToken(audience);
    }

    /**
     * Builds one signed ID token: {@code claim}, {@code issuer}, {@code times}, {@code signedWith},
     * {@code algorithm}, then {@code sign}. Not thread-safe.
     */
    public final class IdToken extends FakeIdToken<IdToken> {
        private IdToken(String audience) {
            super(FakeCis.this.issuer().toString(), audience, signingKey);
        }

        @Override
        IdToken self() {
            return this;
        }
    }

    /**
     * A new RSA 2048 signing key with a random key id.
     *
     * @return the key
     */
    public static RSAKey newKey() {
        return FakeCis2.newKey();
    }

    /**
     * The underlying WireMock server, for tests that need their own stubs or verifications.
     *
     * @return the server
     */
    public WireMockServer wireMock() {
        return server;
    }

    /**
     * Removes what the {@code given...} methods for tickets and GAS authentication added, restoring the
     * default answers, and forgets the requests received. A discovery document set with
     * {@link #givenDiscovery(Map)} stays until replaced.
     */
    public void reset() {
        for (StubMapping m : server.getStubMappings()) {
            if (m.getPriority() != null && m.getPriority() == 1) {
                server.removeStub(m);
            }
        }
        server.resetRequests();
    }

    private static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(body);
    }

    /**
     * Stops the server and deletes its key stores.
     */
    @Override
    public void close() {
        https.close();
    }

    /**
     * Whether any request reached a path (for example {@code /xxe-canary}).
     *
     * @param path the path
     * @return true if at least one request arrived
     */
    public boolean wasRequested(String path) {
        return !server.findAll(anyRequestedFor(urlPathEqualTo(path))).isEmpty();
    }
}
