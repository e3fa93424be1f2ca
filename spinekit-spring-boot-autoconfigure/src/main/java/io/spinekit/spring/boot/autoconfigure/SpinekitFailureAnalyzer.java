package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.core.Text;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link SpinekitConfigurationException} at start-up, as Boot explains a busy port:
 * the property, its value, what was expected, what spinekit said, and the action to take.
 */
public class SpinekitFailureAnalyzer extends AbstractFailureAnalyzer<SpinekitConfigurationException> {

    /** Creates the analyzer (Boot instantiates it from {@code META-INF/spring.factories}). */
    public SpinekitFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SpinekitConfigurationException cause) {
        StringBuilder d = new StringBuilder("spinekit could not start: property '").append(cause.property())
                .append("' is ");
        d.append(SpinekitConfigurationException.NOT_SET.equals(cause.value()) ? "not set" : Text.quote(cause.value()))
                .append(".\n\nExpected: ").append(cause.expected());
        if (cause.getCause() != null && cause.getCause().getMessage() != null) {
            d.append("\n\nspinekit said: ").append(cause.getCause().getMessage());
        }
        return new FailureAnalysis(d.toString(), cause.fix(), cause);
    }
}
