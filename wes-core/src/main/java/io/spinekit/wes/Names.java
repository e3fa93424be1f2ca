package io.spinekit.wes;

import io.spinekit.core.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Name matching shared by the enums: enum names or seed wording, case-insensitive, punctuation ignored. */
final class Names {
    private Names() {
    }

    /**
     * The comparison key of a name: lower case, footnote markers and everything but letters and digits removed.
     * {@code "e-RS - Professional"}, {@code "E_RS_PROFESSIONAL"} and {@code "e-rs professional"} share a key.
     */
    static String key(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Finds the constant one of whose names has the key of {@code name}. */
    static <E extends Enum<E>> Optional<E> find(Class<E> type, String name, Function<E, List<String>> names) {
        String k = key(name);
        if (k.isEmpty()) {
            return Optional.empty();
        }
        for (E e : type.getEnumConstants()) {
            if (key(e.name()).equals(k)) {
                return Optional.of(e);
            }
            for (String n : names.apply(e)) {
                if (key(n).equals(k)) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    /** Parses a name or fails with a message naming the value and the known names. */
    static <E extends Enum<E>> E parse(Class<E> type, String what, String name, Function<E, List<String>> names,
            Function<E, String> label) {
        if (name == null || name.isBlank()) {
            throw new WesException(what + " is missing; known: " + known(type, label));
        }
        return find(type, name, names).orElseThrow(() -> new WesException(
                "unknown " + what + " " + Text.quote(name) + "; known: " + known(type, label)));
    }

    /** The known names of an enum, as "Label (ENUM_NAME)" joined by comma. */
    static <E extends Enum<E>> String known(Class<E> type, Function<E, String> label) {
        List<String> out = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            out.add("'" + label.apply(e) + "' (" + e.name() + ")");
        }
        return String.join(", ", out);
    }
}
