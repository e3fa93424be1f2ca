package io.spinekit.testkit;

import io.spinekit.testpki.TestPki;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives a test class one {@link TestPki}, injected into any {@code TestPki}
 * parameter of its constructor, {@code @BeforeAll}, {@code @BeforeEach} and {@code @Test} methods.
 * Every test of the class (and its {@code @BeforeAll} methods) sees the same PKI; another class gets
 * another one.
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
 * <p>Do not register it next to a {@link FakeCisExtension}, which injects the fake CIS's own PKI.
 */
public final class TestPkiExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            TestPkiExtension.class);

    /** Creates the extension (JUnit does, for {@code @ExtendWith}). */
    public TestPkiExtension() {
    }

    /**
     * The test class's PKI, created on first use.
     *
     * @param context any context inside the test class
     * @return the class's PKI
     */
    public static TestPki pki(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        Class<?> owner = classContext.getRequiredTestClass();
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(owner, k -> TestPki.create(), TestPki.class);
    }

    /**
     * Whether a parameter is a {@link TestPki}.
     *
     * @param parameter the parameter
     * @param context the context
     * @return true for {@code TestPki} parameters
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestPki.class;
    }

    /**
     * The class's PKI.
     *
     * @param parameter the parameter
     * @param context the context
     * @return the PKI
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return pki(context);
    }
}
