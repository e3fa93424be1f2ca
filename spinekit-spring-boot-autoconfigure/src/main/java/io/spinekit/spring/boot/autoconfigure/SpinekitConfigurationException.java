package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.core.SpineException;
import io.spinekit.core.Text;
import java.util.Objects;

/**
 * A {@code spinekit.*} property that cannot be used: thrown while the spinekit beans are created, so
 * start-up fails, and explained by {@link SpinekitFailureAnalyzer} with the property, its value,
 * what was expected and how to fix it. Secret values are never carried (the value reads
 * {@code (secret)}).
 */
public class SpinekitConfigurationException extends SpineException {
    private static final long serialVersionUID = 1L;

    /** The value shown for a property that is not set. */
    public static final String NOT_SET = "(not set)";

    private final String property;
    private final String value;
    private final String expected;
    private final String fix;

    /**
     * A bad property.
     *
     * @param property the property, such as {@code spinekit.environment}
     * @param value its value as given, or {@link #NOT_SET}
     * @param expected what was expected, a sentence
     * @param fix how to fix it, a sentence
     * @param cause what spinekit said about the value, or {@code null}
     */
    public SpinekitConfigurationException(String property, String value, String expected, String fix, Throwable cause) {
        super("Property " + property + " = " + shown(value) + " cannot be used: " + expected
                + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.property = Objects.requireNonNull(property, "property");
        this.value = value == null ? NOT_SET : value;
        this.expected = Objects.requireNonNull(expected, "expected");
        this.fix = Objects.requireNonNull(fix, "fix");
    }

    private static String shown(String value) {
        return value == null || NOT_SET.equals(value) ? NOT_SET : Text.quote(value);
    }

    /**
     * The property.
     *
     * @return its name
     */
    public String property() {
        return property;
    }

    /**
     * The value as given.
     *
     * @return the value, or {@link #NOT_SET}
     */
    public String value() {
        return value;
    }

    /**
     * What was expected.
     *
     * @return a sentence
     */
    public String expected() {
        return expected;
    }

    /**
     * How to fix it.
     *
     * @return a sentence
     */
    public String fix() {
        return fix;
    }
}
