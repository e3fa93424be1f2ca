package io.spinekit.testkit;

import io.spinekit.testpki.TestPki;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives a test class one {@link TestPki}, injected into every {@code TestPki}
 * parameter of its {@code @BeforeAll}, {@code @BeforeEach}, {@code @Test} and {@code @AfterEach}
 * methods (and of its constructor). Every test of the class sees the same PKI; another class gets
 * another one. Creating a PKI costs a few RSA key pairs, so a class that issues many certificates
 * pays for it once.
 *
 * <pre>{@code
 * @ExtendWith(TestPkiExtension.class)
 * class ServerTest {
 *     @Test
 *     void handshakes(TestPki pki) {
 *         IssuedCertificate server = pki.certificate("localhost").serverAuth().issue();
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Or on a static field, to reach the PKI from static code and to share it with a
 * {@link FakeCisExtension} ({@code FakeCisExtension.mutualTls().pkiFrom(PKI)}):
 * <pre>{@code
 *     @RegisterExtension
 *     static final TestPkiExtension PKI = TestPkiExtension.perClass();
 * }</pre>
 *
 * <p>A {@code @Nested} class shares its enclosing class's PKI. Thread-safe.
 */
public final class TestPkiExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private final String name;
    private TestPki pki;
    private final ClassOwner owner = new ClassOwner();

    /** An extension whose PKI is named like {@link TestPki#create()}'s (JUnit calls this for {@code @ExtendWith}). */
    public TestPkiExtension() {
        this(null);
    }

    private TestPkiExtension(String name) {
        this.name = name;
    }

    /**
     * An extension that creates one PKI per test class, as {@link TestPki#create()} does.
     *
     * @return the extension
     */
    public static TestPkiExtension perClass() {
        return new TestPkiExtension();
    }

    /**
     * An extension whose PKIs are named, as {@link TestPki#create(String)} names them (for example
     * {@code "Other"} for a second, untrusted PKI).
     *
     * @param name the name in the CA subjects
     * @return the extension
     */
    public static TestPkiExtension named(String name) {
        return new TestPkiExtension(Objects.requireNonNull(name, "name"));
    }

    /**
     * The current test class's PKI.
     *
     * @return the PKI
     * @throws IllegalStateException outside a test class that registered the extension
     */
    public synchronized TestPki pki() {
        if (pki == null) {
            throw new IllegalStateException("no TestPki outside a test class: register the TestPkiExtension with "
                    + "@ExtendWith or on a static @RegisterExtension field, and use pki() inside the class's tests");
        }
        return pki;
    }

    /**
     * The PKI of the test class that {@code context} belongs to, created on first use (also before
     * {@link #beforeAll}, for constructor parameters).
     */
    synchronized TestPki pki(ExtensionContext context) {
        if (pki == null) {
            pki = name == null ? TestPki.create() : TestPki.create(name);
            owner.claim(context);
        }
        return pki;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        pki(context);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (owner.release(context)) {
            pki = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestPki.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type != TestPki.class) {
            throw new ParameterResolutionException("TestPkiExtension cannot supply " + type.getName());
        }
        return pki(context);
    }
}
