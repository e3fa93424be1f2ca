package io.spinekit.testkit;

import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts one {@link FakeCis} per test class, with the class's {@link TestPki}
 * (see {@link TestPkiExtension#pki(ExtensionContext)}), and injects into parameters of type
 * {@link FakeCis}, {@link TestPki} and {@link SpineTlsContext}: the fake, its PKI, and a client TLS
 * context that trusts the PKI and presents a client certificate for {@value #CLIENT_HOST} issued by
 * it, which is what a test of mutual TLS against the fake needs.
 *
 * <pre>{@code
 * class RoleAssertionTest {
 *     @RegisterExtension
 *     static final FakeCisExtension CIS = FakeCisExtension.mutualTls();
 *
 *     @Test
 *     void readsTheAssertion(FakeCis cis, SpineTlsContext tls) {
 *         try (CisClient client = CisClient.builder().urls(cis.urls()).spineTls(tls).build()) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>The fake is {@linkplain FakeCis#reset() reset} after each test and closed after the class.
 */
public final class FakeCisExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback,
        ParameterResolver {
    /** The host name in the client certificate of {@link #clientTls()}. */
    public static final String CLIENT_HOST = "client.example.nhs.uk";

    private final boolean requireClientCertificate;
    private TestPki pki;
    private FakeCis cis;
    private SpineTlsContext clientTls;

    private FakeCisExtension(boolean requireClientCertificate) {
        this.requireClientCertificate = requireClientCertificate;
    }

    /**
     * A fake that requires a client certificate chained to the PKI, as sbapi and GAS do.
     *
     * @return the extension
     */
    public static FakeCisExtension mutualTls() {
        return new FakeCisExtension(true);
    }

    /**
     * A fake that asks for no client certificate, as the internet-facing CIS2 does.
     *
     * @return the extension
     */
    public static FakeCisExtension serverTlsOnly() {
        return new FakeCisExtension(false);
    }

    /**
     * Starts the fake for the test class.
     *
     * @param context the class context
     */
    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        start(context);
    }

    private synchronized void start(ExtensionContext context) {
        if (cis != null) {
            return;
        }
        pki = TestPkiExtension.pki(context);
        cis = FakeCis.start(pki, pki.certificate("localhost").serverAuth().issue(), requireClientCertificate);
        IssuedCertificate client = pki.certificate(CLIENT_HOST).clientAuth().issue();
        clientTls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentity(client.privateKey(), client.chain()).build();
    }

    /**
     * Resets the fake after a test.
     *
     * @param context the test context
     */
    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (cis != null) {
            cis.reset();
        }
    }

    /**
     * Stops the fake after the class.
     *
     * @param context the class context
     */
    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (cis != null) {
            cis.close();
            cis = null;
        }
    }

    /**
     * The running fake.
     *
     * @return the fake
     * @throws IllegalStateException before the test class starts
     */
    public synchronized FakeCis cis() {
        return started(cis);
    }

    /**
     * The PKI of the fake's server certificate and of {@link #clientTls()}'s client certificate.
     *
     * @return the PKI
     * @throws IllegalStateException before the test class starts
     */
    public synchronized TestPki pki() {
        return started(pki);
    }

    /**
     * A client TLS context trusting the PKI and presenting a client certificate for {@value #CLIENT_HOST}.
     *
     * @return the context
     * @throws IllegalStateException before the test class starts
     */
    public synchronized SpineTlsContext clientTls() {
        return started(clientTls);
    }

    private static <T> T started(T value) {
        if (value == null) {
            throw new IllegalStateException("FakeCisExtension has not started: register it on a static field "
                    + "with @RegisterExtension");
        }
        return value;
    }

    /**
     * Whether a parameter is a {@link FakeCis}, {@link TestPki} or {@link SpineTlsContext}.
     *
     * @param parameter the parameter
     * @param context the context
     * @return true for those types
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FakeCis.class || type == TestPki.class || type == SpineTlsContext.class;
    }

    /**
     * The fake, its PKI or the client TLS context.
     *
     * @param parameter the parameter
     * @param context the context
     * @return the value
     */
    @Override
    public synchronized Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        start(context);
        Class<?> type = parameter.getParameter().getType();
        return type == FakeCis.class ? cis : type == TestPki.class ? pki : clientTls;
    }
}
