package io.spinekit.wes;

import java.util.List;
import java.util.stream.Stream;

/** Windows editions. The WES says: "Windows Internet of Things (IoT) Editions are not supported." */
public enum OsEdition {
    /** Home. */
    HOME("Home", List.of()),
    /** Pro / Professional. */
    PRO("Pro", List.of("Professional")),
    /** Enterprise. */
    ENTERPRISE("Enterprise", List.of()),
    /** Enterprise LTSC / LTSB. */
    ENTERPRISE_LTSC("Enterprise LTSC", List.of("LTSC", "LTSB", "Enterprise LTSB")),
    /** Education. */
    EDUCATION("Education", List.of()),
    /** Windows Server Standard. */
    STANDARD("Standard", List.of()),
    /** Windows Server Datacenter. */
    DATACENTER("Datacenter", List.of()),
    /** An IoT edition, not further named. Not supported by the WES. */
    IOT("IoT", List.of("Internet of Things")),
    /** IoT Enterprise (including IoT Enterprise LTSC). Not supported by the WES. */
    IOT_ENTERPRISE("IoT Enterprise", List.of("IoT Enterprise LTSC")),
    /** IoT Core. Not supported by the WES. */
    IOT_CORE("IoT Core", List.of());

    private final String label;
    private final List<String> aliases;

    OsEdition(String label, List<String> aliases) {
        this.label = label;
        this.aliases = aliases;
    }

    /**
     * The edition's name.
     *
     * @return e.g. {@code "IoT Enterprise"}
     */
    public String label() {
        return label;
    }

    /**
     * Whether this is one of the Internet of Things editions the WES excludes.
     *
     * @return true for IoT editions
     */
    public boolean isIot() {
        return this == IOT || this == IOT_ENTERPRISE || this == IOT_CORE;
    }

    List<String> names() {
        return Stream.concat(Stream.of(label), aliases.stream()).toList();
    }

    /**
     * Parses an edition name case-insensitively.
     *
     * @param name e.g. {@code "IoT Enterprise"}, {@code "pro"}, {@code "ENTERPRISE_LTSC"}
     * @return the edition
     * @throws WesException naming the value and the known editions
     */
    public static OsEdition parse(String name) {
        return Names.parse(OsEdition.class, "Windows edition", name, OsEdition::names, OsEdition::label);
    }

    @Override
    public String toString() {
        return label;
    }
}
