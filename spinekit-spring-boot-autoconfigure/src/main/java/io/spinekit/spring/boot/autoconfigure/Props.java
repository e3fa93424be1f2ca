package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.core.SpineException;
import java.util.function.Supplier;

/** Applies one property to a spinekit builder, turning spinekit's refusal into a {@link SpinekitConfigurationException}. */
final class Props {
    private Props() {
    }

    /**
     * Runs {@code apply}; when spinekit refuses the value, fails naming the property.
     *
     * @param property the property
     * @param value its value as given
     * @param expected what was expected
     * @param fix how to fix it
     * @param apply the builder call
     * @param <T> what the call returns
     * @return what the call returns
     */
    static <T> T apply(String property, Object value, String expected, String fix, Supplier<T> apply) {
        try {
            return apply.get();
        } catch (SpineException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new SpinekitConfigurationException(property, value == null ? SpinekitConfigurationException.NOT_SET
                    : String.valueOf(value), expected, fix, e);
        }
    }

    static void positive(String property, java.time.Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new SpinekitConfigurationException(property, String.valueOf(value), "a positive duration",
                    "Set it to a positive duration such as 5s, or remove it for the default.", null);
        }
    }
}
