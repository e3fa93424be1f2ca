package io.spinekit.env;

import io.spinekit.core.Text;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Identity Agent (smartcard client) variants the NHS environment pages give registry files for.
 */
public enum IdentityAgent {
    /** HSCIC Identity Agent 2 on 64-bit Windows (key under {@code Wow6432Node}). */
    HSCIC_IA2_64("HSCIC Identity Agent 2 (64-bit)", "ia2-64"),
    /** HSCIC Identity Agent 2 on 32-bit Windows. */
    HSCIC_IA2_32("HSCIC Identity Agent 2 (32-bit)", "ia2-32"),
    /** HSCIC Identity Agent 1 on 64-bit Windows (key under {@code Wow6432Node}). */
    HSCIC_IA1_64("HSCIC Identity Agent 1 (64-bit)", "ia1-64"),
    /** HSCIC Identity Agent 1 on 32-bit Windows. */
    HSCIC_IA1_32("HSCIC Identity Agent 1 (32-bit)", "ia1-32"),
    /** BT Identity Agent IA13 (the Gemplus GAC key). */
    BT_IA13("BT Identity Agent (IA13)", "ia13");

    private final String displayName;
    private final String shortName;

    IdentityAgent(String displayName, String shortName) {
        this.displayName = displayName;
        this.shortName = shortName;
    }

    /**
     * The name the NHS pages use in "Registry File ... Spine Development".
     *
     * @return for example {@code "HSCIC Identity Agent 2 (64-bit)"}
     */
    public String displayName() {
        return displayName;
    }

    /**
     * A short name for command lines.
     *
     * @return for example {@code "ia2-64"}
     */
    public String shortName() {
        return shortName;
    }

    /**
     * Parses an agent from its enum name, short name or the pages' wording, case-insensitively and
     * ignoring spaces and punctuation ({@code "BT Identity Agent IA13"} and {@code "bt_ia13"} both work).
     *
     * @param text the name
     * @return the agent
     * @throws CatalogException naming the value and listing the known agents
     */
    public static IdentityAgent parse(String text) {
        String wanted = normalise(text);
        for (IdentityAgent a : values()) {
            for (String alias : List.of(a.name(), a.shortName, a.displayName, a.displayName.replace("(", "").replace(")", ""))) {
                if (normalise(alias).equals(wanted)) {
                    return a;
                }
            }
        }
        if (wanted.equals("btidentityagentia13") || wanted.equals("btia13")) {
            return BT_IA13;
        }
        throw new CatalogException("Unknown Identity Agent " + Text.quote(text) + ": expected one of "
                + Arrays.stream(values()).map(a -> a.shortName + " (" + a.displayName + ")").collect(Collectors.joining(", ")));
    }

    private static String normalise(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
