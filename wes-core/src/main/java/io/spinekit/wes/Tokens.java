package io.spinekit.wes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Splits a free-text product description into a product name and its qualifiers. */
final class Tokens {
    private static final Pattern BITS = Pattern.compile("(?i)\\b(32|64)\\s*-?\\s*bits?\\b");

    private Tokens() {
    }

    /** Tokens of {@code text}: bitness written as one token, split on spaces, commas, brackets and slashes. */
    static List<String> split(String text) {
        String s = BITS.matcher(text.trim()).replaceAll("$1-bit");
        if (!s.matches(".*\\s.*")) {
            s = s.replace('_', ' ');
        }
        List<String> out = new ArrayList<>(Arrays.asList(s.split("[\\s,()/;]+")));
        out.removeIf(String::isEmpty);
        return out;
    }

    /** A product name found at the start of the tokens, and the tokens after it. */
    record Head<E>(E product, List<String> rest) {
    }

    /** Finds the longest run of leading tokens that names a constant. */
    static <E extends Enum<E>> Optional<Head<E>> head(Class<E> type, List<String> tokens, Function<E, List<String>> names) {
        for (int i = tokens.size(); i >= 1; i--) {
            Optional<E> found = Names.find(type, String.join(" ", tokens.subList(0, i)), names);
            if (found.isPresent()) {
                return Optional.of(new Head<>(found.get(), tokens.subList(i, tokens.size())));
            }
        }
        return Optional.empty();
    }
}
