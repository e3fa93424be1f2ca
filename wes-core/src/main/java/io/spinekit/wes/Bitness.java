package io.spinekit.wes;

import java.util.List;

/** Whether a program or operating system is 32-bit or 64-bit. */
public enum Bitness {
    /** 32-bit (x86). */
    BIT_32("32-bit", List.of("32bit", "x86", "i386", "i686", "win32")),
    /** 64-bit (x64). */
    BIT_64("64-bit", List.of("64bit", "x64", "amd64", "x8664", "win64"));

    private final String label;
    private final List<String> aliases;

    Bitness(String label, List<String> aliases) {
        this.label = label;
        this.aliases = aliases;
    }

    /**
     * The label, {@code "32-bit"} or {@code "64-bit"}.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Parses {@code 32-bit}, {@code 64-bit}, {@code x86}, {@code x64}, {@code BIT_32}..., case-insensitively.
     *
     * @param text the text
     * @return the bitness
     * @throws WesException naming the value and the known ones when unknown
     */
    public static Bitness parse(String text) {
        return Names.parse(Bitness.class, "bitness", text, b -> b.aliases, Bitness::label);
    }

    static boolean isBitnessToken(String token) {
        return Names.find(Bitness.class, token, b -> b.aliases).isPresent();
    }

    @Override
    public String toString() {
        return label;
    }
}
