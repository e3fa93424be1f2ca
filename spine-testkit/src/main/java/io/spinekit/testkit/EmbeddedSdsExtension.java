package io.spinekit.testkit;

import io.spinekit.env.SpineEnvironment;
import io.spinekit.ldap.SdsClient;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test an {@link EmbeddedSds} (real SDS schema, LDAPS, test
 * PKI) and an {@link SdsClient} pointed at it, built for a standard environment picked by enum (its
 * catalog supplies the Spine core ODS code; the LDAP URL and trust are the embedded directory's).
 *
 * <pre>{@code
 * class RouteTest {
 *     @RegisterExtension
 *     static final EmbeddedSdsExtension SDS = EmbeddedSdsExtension.forEnvironment(SpineEnvironment.INTEGRATION);
 *
 *     @Test
 *     void resolvesRoute(EmbeddedSds sds, SdsClient client) {
 *         sds.addMhs(EmbeddedSds.mhs("X26", "urn:nhs:names:services:psis:REPC_IN150016UK05"));
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>The directory starts once per test class (register the extension on a static field) and is
 * reset before each test: fixtures cleared, latency removed, listening again if a test stopped it,
 * search count zeroed. Each test gets a new client (so a fresh cache), closed after the test. A
 * {@code @Nested} class shares its enclosing class's directory, which is closed after the enclosing
 * class.
 */
public final class EmbeddedSdsExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private final SpineEnvironment environment;
    private final EmbeddedSds.ClientAuth clientAuth;
    private final UnaryOperator<SdsClient.Builder> clientSettings;
    private EmbeddedSds sds;
    private SdsClient client;
    private final ClassOwner owner = new ClassOwner();

    private EmbeddedSdsExtension(SpineEnvironment environment, EmbeddedSds.ClientAuth clientAuth,
            UnaryOperator<SdsClient.Builder> clientSettings) {
        this.environment = environment;
        this.clientAuth = clientAuth;
        this.clientSettings = clientSettings;
    }

    /**
     * An extension whose clients are built for an environment; the directory requires a client
     * certificate, as integration and live SDS do.
     *
     * @param environment the environment, such as {@link SpineEnvironment#INTEGRATION}
     * @return the extension
     */
    public static EmbeddedSdsExtension forEnvironment(SpineEnvironment environment) {
        return new EmbeddedSdsExtension(Objects.requireNonNull(environment, "environment"),
                EmbeddedSds.ClientAuth.REQUIRED, UnaryOperator.identity());
    }

    /**
     * A copy whose directory asks for client certificates as given.
     *
     * @param auth none, optional or required
     * @return a new extension
     */
    public EmbeddedSdsExtension clientAuth(EmbeddedSds.ClientAuth auth) {
        return new EmbeddedSdsExtension(environment, Objects.requireNonNull(auth, "auth"), clientSettings);
    }

    /**
     * A copy that adjusts every client builder (timeouts, cache settings) before it is built.
     *
     * @param settings applied to the builder after the environment, URL and TLS are set
     * @return a new extension
     */
    public EmbeddedSdsExtension client(UnaryOperator<SdsClient.Builder> settings) {
        return new EmbeddedSdsExtension(environment, clientAuth, Objects.requireNonNull(settings, "settings"));
    }

    /**
     * The environment the clients are built for.
     *
     * @return the environment
     */
    public SpineEnvironment environment() {
        return environment;
    }

    /**
     * The directory (started on first use).
     *
     * @return the directory
     */
    public synchronized EmbeddedSds sds() {
        if (sds == null) {
            sds = EmbeddedSds.builder().clientAuth(clientAuth).start();
        }
        return sds;
    }

    /**
     * The current test's client.
     *
     * @return the client
     * @throws IllegalStateException outside a test
     */
    public synchronized SdsClient client() {
        if (client == null) {
            throw new IllegalStateException("no SdsClient outside a test: use the extension's client() inside a "
                    + "@Test, or newClient()");
        }
        return client;
    }

    /**
     * Builds another client for the directory with the extension's settings; the caller closes it.
     *
     * @return a new client
     */
    public SdsClient newClient() {
        return clientSettings.apply(sds().clientBuilder().environment(environment).ldapUrls(sds().url())).build();
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        sds();
        owner.claim(context);
    }

    /** Closes the directory after the class that started it, not after a {@code @Nested} class of it. */
    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (owner.release(context) && sds != null) {
            try {
                sds.close();
            } finally {
                sds = null;
            }
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        EmbeddedSds s = sds();
        s.noLatency();
        s.start();
        s.clear();
        s.resetSearchCount();
        client = newClient();
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (client != null) {
            client.close();
            client = null;
        }
        if (sds != null) {
            sds.noLatency();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmbeddedSds.class || type == SdsClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == EmbeddedSds.class) {
            return sds();
        }
        if (type == SdsClient.class) {
            return client();
        }
        throw new ParameterResolutionException("EmbeddedSdsExtension cannot supply " + type.getName());
    }
}
