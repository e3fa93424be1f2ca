package io.spinekit.testkit;

import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts one {@link FakeCis} per test class and gives each test what a
 * mutual-TLS test against it needs: the fake, the {@link TestPki} that issued its server certificate,
 * and a client {@link SpineTlsContext} that trusts that PKI's root and presents a client certificate
 * for {@value #CLIENT_HOST} issued by it. Parameters of those three types are injected into the
 * class's {@code @BeforeAll}, {@code @BeforeEach}, {@code @Test} and {@code @AfterEach} methods.
 *
 * <pre>{@code
 * class RoleAssertionTest {
 *     @RegisterExtension
 *     static final FakeCisExtension CIS = FakeCisExtension.mutualTls();
 *
 *     @Test
 *     void readsTheAssertion(FakeCis cis, SpineTlsContext tls) {
 *         SsoTicket ticket = SsoTicket.of("AQIC5wM2...");
 *         RoleAssertion served = cis.givenAssertion(ticket);
 *         try (CisClient client = CisClient.builder().urls(cis.urls()).spineTls(tls).build()) {
 *             assertThat(client.roleAssertion(ticket)).isEqualTo(served);
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Register it on a static field. The fake starts before the class's {@code @BeforeAll} methods, is
 * {@linkplain FakeCis#reset() reset} after each test (answers given for tickets and GAS authentication
 * removed, requests forgotten) and is closed after the class. A {@code @Nested} class shares its
 * enclosing class's fake. To share the PKI with other servers of the class, take it from a
 * {@link TestPkiExtension} with {@link #pkiFrom(TestPkiExtension)}; {@code TestPki} parameters are then
 * the other extension's to inject. Thread-safe.
 */
public final class FakeCisExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback,
        ParameterResolver {
    /** The host name (CN and DNS subjectAltName) of the client certificate in {@link #clientTls()}. */
    public static final String CLIENT_HOST = "client.example.nhs.uk";

    private final boolean requireClientCertificate;
    private final TestPkiExtension pkis;
    private TestPki pki;
    private FakeCis cis;
    private IssuedCertificate clientCertificate;
    private SpineTlsContext clientTls;
    private final ClassOwner owner = new ClassOwner();

    private FakeCisExtension(boolean requireClientCertificate, TestPkiExtension pkis) {
        this.requireClientCertificate = requireClientCertificate;
        this.pkis = pkis;
    }

    /**
     * An extension whose fake requires a client certificate chained to the PKI, as sbapi and GAS do.
     *
     * @return the extension
     */
    public static FakeCisExtension mutualTls() {
        return new FakeCisExtension(true, null);
    }

    /**
     * An extension whose fake asks for no client certificate, as the internet-facing CIS2 does.
     *
     * @return the extension
     */
    public static FakeCisExtension serverTlsOnly() {
        return new FakeCisExtension(false, null);
    }

    /**
     * A copy that takes its PKI from a {@link TestPkiExtension} registered on the same class, so the
     * fake and the class's other servers share one PKI; the other extension injects {@code TestPki}
     * parameters.
     *
     * @param pkiExtension the class's PKI extension
     * @return a new extension
     */
    public FakeCisExtension pkiFrom(TestPkiExtension pkiExtension) {
        return new FakeCisExtension(requireClientCertificate, Objects.requireNonNull(pkiExtension, "pkiExtension"));
    }

    /**
     * The running fake.
     *
     * @return the fake
     * @throws IllegalStateException outside the test class
     */
    public synchronized FakeCis cis() {
        return started(cis);
    }

    /**
     * The PKI that issued the fake's server certificate and {@link #clientCertificate()}; the fake
     * trusts client certificates chained to its root.
     *
     * @return the PKI
     * @throws IllegalStateException outside the test class
     */
    public synchronized TestPki pki() {
        return started(pki);
    }

    /**
     * The client certificate that {@link #clientTls()} presents (for {@value #CLIENT_HOST}, issued by
     * the PKI's sub CA), for clients that are not built from a {@code SpineTlsContext}.
     *
     * @return the certificate with its key and chain
     * @throws IllegalStateException outside the test class
     */
    public synchronized IssuedCertificate clientCertificate() {
        return started(clientCertificate);
    }

    /**
     * A client TLS context that trusts the PKI's root and presents {@link #clientCertificate()}: what a
     * client of the fake needs for mutual TLS. One per class; the same instance every time.
     *
     * @return the context
     * @throws IllegalStateException outside the test class
     */
    public synchronized SpineTlsContext clientTls() {
        return started(clientTls);
    }

    private static <T> T started(T value) {
        if (value == null) {
            throw new IllegalStateException("the FakeCisExtension is not running: register it on a static field with "
                    + "@RegisterExtension and use it inside the class's tests");
        }
        return value;
    }

    private synchronized void start(ExtensionContext context) {
        if (cis != null) {
            return;
        }
        TestPki p = pkis != null ? pkis.pki(context) : TestPki.create();
        FakeCis fake = FakeCis.start(p, p.certificate("localhost").serverAuth().issue(), requireClientCertificate);
        try {
            IssuedCertificate client = p.certificate(CLIENT_HOST).clientAuth().issue();
            clientTls = SpineTlsContext.builder().trustCertificates(List.of(p.root().certificate()))
                    .clientIdentity(client.privateKey(), client.chain()).build();
            clientCertificate = client;
        } catch (RuntimeException e) {
            fake.close();
            throw e;
        }
        pki = p;
        cis = fake;
        owner.claim(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context);
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (cis != null) {
            cis.reset();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (owner.release(context) && cis != null) {
            try {
                cis.close();
            } finally {
                cis = null;
                pki = null;
                clientCertificate = null;
                clientTls = null;
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FakeCis.class || type == SpineTlsContext.class || (type == TestPki.class && pkis == null);
    }

    @Override
    public synchronized Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (cis == null) {
            if (context.getTestMethod().isPresent()) {
                throw new ParameterResolutionException("the FakeCisExtension is not running: register it on a "
                        + "static field with @RegisterExtension, so that it starts once for the class");
            }
            start(context); // a constructor parameter of a PER_CLASS test class, before beforeAll
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == FakeCis.class) {
            return cis;
        }
        if (type == SpineTlsContext.class) {
            return clientTls;
        }
        if (type == TestPki.class && pkis == null) {
            return pki;
        }
        throw new ParameterResolutionException("FakeCisExtension cannot supply " + type.getName());
    }
}
