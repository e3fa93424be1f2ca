package io.spinekit.wes;

import io.spinekit.core.Text;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java runtime: feature version (8 for Java 8), update number where known, and bitness where known.
 * The WES column is "JRE (32-bit)"; the CIS application is warranted against JRE 8 (32-bit) up to
 * and including 8u281.
 *
 * @param feature the feature version, e.g. 8
 * @param update the update, e.g. 281 for {@code 8u281}; for Java 9 and later the patch number
 * @param bitness 32-bit or 64-bit
 */
public record JavaRuntime(int feature, Optional<Integer> update, Optional<Bitness> bitness) {
    private static final Pattern LEGACY = Pattern.compile("1\\.(\\d)(?:\\.0)?(?:_(\\d{1,3}))?(?:-b\\d+)?");
    private static final Pattern U_FORM = Pattern.compile("(\\d{1,2})u(\\d{1,3})(?:-b\\d+)?");
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})(?:\\.(\\d{1,3}))?(?:\\.(\\d{1,3}))?(?:\\.\\d+)?(?:\\+\\d+)?");
    private static final String FORMATS = "1.8.0_281, 8u281, 8.281, 8, 11.0.2 (optionally followed by 32-bit or 64-bit)";

    /**
     * Checks the parts.
     *
     * @param feature the feature
     * @param update the update
     * @param bitness the bitness
     * @throws WesException when the feature version is not between 1 and 99
     */
    public JavaRuntime {
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(bitness, "bitness");
        if (feature < 1 || feature > 99) {
            throw new WesException("Java feature version " + feature + " is out of range 1..99");
        }
    }

    /**
     * Parses {@code 1.8.0_281}, {@code 8u281}, {@code 8.281} (the seed's "v8.281"), {@code 8},
     * {@code 1.8}, {@code 11.0.2}, with an optional leading {@code JRE}/{@code Java}/{@code v} and a
     * trailing bitness ({@code 32-bit}, {@code (64-bit)}, {@code x86}, {@code x64}).
     *
     * @param text the text
     * @return the runtime
     * @throws WesException naming the value and the accepted formats
     */
    public static JavaRuntime parse(String text) {
        if (text == null || text.isBlank()) {
            throw new WesException("JRE version is missing; expected e.g. " + FORMATS);
        }
        String s = text.trim().replaceFirst("(?i)^(jre|java|jdk)\\s*", "").replaceFirst("(?i)^v(?=\\d)", "");
        Bitness bitness = null;
        Matcher bits = Pattern.compile("(?i)[\\s(]+(32\\s*-?\\s*bits?|64\\s*-?\\s*bits?|x86|x64|amd64)\\)?$").matcher(s);
        if (bits.find()) {
            bitness = Bitness.parse(bits.group(1).replaceAll("\\s|-", ""));
            s = s.substring(0, bits.start()).trim();
        }
        Matcher m;
        int feature;
        Integer update = null;
        if ((m = LEGACY.matcher(s)).matches()) {
            feature = Integer.parseInt(m.group(1));
            update = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        } else if ((m = U_FORM.matcher(s)).matches()) {
            feature = Integer.parseInt(m.group(1));
            update = Integer.valueOf(m.group(2));
        } else if ((m = DOTTED.matcher(s)).matches()) {
            feature = Integer.parseInt(m.group(1));
            if (feature <= 8) {
                if (m.group(3) != null) {
                    throw new WesException("cannot read JRE version " + Text.quote(text) + "; expected e.g. " + FORMATS);
                }
                update = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            } else {
                update = m.group(3) == null ? null : Integer.valueOf(m.group(3));
            }
        } else {
            throw new WesException("cannot read JRE version " + Text.quote(text) + "; expected e.g. " + FORMATS);
        }
        if (feature < 1) {
            throw new WesException("cannot read JRE version " + Text.quote(text) + "; expected e.g. " + FORMATS);
        }
        return new JavaRuntime(feature, Optional.ofNullable(update), Optional.ofNullable(bitness));
    }

    /**
     * A copy with the bitness set.
     *
     * @param newBitness the bitness
     * @return the copy
     */
    public JavaRuntime withBitness(Bitness newBitness) {
        return new JavaRuntime(feature, update, Optional.of(newBitness));
    }

    /**
     * A readable description: {@code 8u281 32-bit}, {@code 8}, {@code 11 update 2}.
     *
     * @return the description
     */
    public String describe() {
        String v = update.map(u -> feature <= 8 ? feature + "u" + u : feature + " update " + u).orElse(Integer.toString(feature));
        return "JRE " + v + bitness.map(b -> " " + b.label()).orElse("");
    }
}
