package io.spinekit.wes;

import java.util.List;
import java.util.stream.Stream;

/** The authenticators of the WES table "NHS Digital approved authenticators", one per row. */
public enum Authenticator {
    /** "Android tablet" (footnote *: currently not available). */
    ANDROID_TABLET("Android tablet", List.of("Android")),
    /** "Apple iPad iOS version 11 or above" (footnote **: MDM and the CIS2 authenticator app). */
    APPLE_IPAD("Apple iPad iOS version 11 or above", List.of("Apple iPad", "iPad")),
    /** "Windows Hello for Business with FIDO2". */
    WINDOWS_HELLO_FOR_BUSINESS_FIDO2("Windows Hello for Business with FIDO2",
            List.of("Windows Hello for Business", "Windows Hello", "FIDO2")),
    /** "Security keys - enabled in CIS2". */
    SECURITY_KEYS("Security keys - enabled in CIS2", List.of("Security keys", "Security key")),
    /** "Smartcards". */
    SMARTCARDS("Smartcards", List.of("Smartcard", "Smart card", "Smart cards"));

    private final String label;
    private final List<String> aliases;

    Authenticator(String label, List<String> aliases) {
        this.label = label;
        this.aliases = aliases;
    }

    /**
     * The seed's wording of the row, without footnote markers.
     *
     * @return e.g. {@code "Smartcards"}
     */
    public String label() {
        return label;
    }

    /**
     * Parses an enum name, the seed's wording or a short alias, case-insensitively.
     *
     * @param name the name
     * @return the authenticator
     * @throws WesException naming the value and listing the known authenticators
     */
    public static Authenticator parse(String name) {
        return Names.parse(Authenticator.class, "authenticator", name,
                a -> Stream.concat(Stream.of(a.label), a.aliases.stream()).toList(), Authenticator::label);
    }

    @Override
    public String toString() {
        return label;
    }
}
