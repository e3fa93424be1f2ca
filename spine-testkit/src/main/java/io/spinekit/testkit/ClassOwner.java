package io.spinekit.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which test class started an extension's server or PKI: that class's {@code afterAll} closes it,
 * a {@code @Nested} class's (which JUnit also calls) does not, so the enclosing class keeps it for
 * its later nested classes and its own {@code @AfterAll}. Not thread-safe: the extensions call it
 * under their own lock.
 */
final class ClassOwner {
    private String id;

    /** Makes the class that {@code context} belongs to the owner, unless there is one already. */
    void claim(ExtensionContext context) {
        if (id == null) {
            id = classContext(context).getUniqueId();
        }
    }

    /**
     * Whether {@code context} is the owner's (an {@code afterAll} that should close); if so, there is
     * no owner afterwards.
     */
    boolean release(ExtensionContext context) {
        if (id != null && id.equals(context.getUniqueId())) {
            id = null;
            return true;
        }
        return false;
    }

    /** The class-level context: a test method's parent, or the context itself. */
    static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }
}
