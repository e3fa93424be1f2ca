package io.spinekit.wes;

import java.util.List;
import java.util.stream.Stream;

/**
 * Operating system products. Those the WES lists (Windows 7, 8.1, 10, Windows Server 2008 R2 and
 * 2012 R2, the iPad's OS for the authenticator table) and others that a client may run, so that an
 * unlisted one is recognised and reported as not listed rather than as an unknown name.
 */
public enum OsProduct {
    /** Windows Vista, XP or earlier. */
    WINDOWS_VISTA_OR_EARLIER("Windows Vista or earlier", OsFamily.WINDOWS, List.of("Windows Vista", "Windows XP", "Vista", "XP")),
    /** Windows 7 (the WES lists Windows 7 SP1). */
    WINDOWS_7("Windows 7", OsFamily.WINDOWS, List.of("Win 7", "Win7")),
    /** Windows 8 (not 8.1: not in the WES). */
    WINDOWS_8("Windows 8", OsFamily.WINDOWS, List.of("Win 8", "Win8")),
    /** Windows 8.1. */
    WINDOWS_8_1("Windows 8.1", OsFamily.WINDOWS, List.of("Win 8.1", "Win8.1")),
    /** Windows 10. */
    WINDOWS_10("Windows 10", OsFamily.WINDOWS, List.of("Win 10", "Win10")),
    /** Windows 11 (released after the 2021 WES edition: not in it). */
    WINDOWS_11("Windows 11", OsFamily.WINDOWS, List.of("Win 11", "Win11")),
    /** Windows Server 2008 (not R2). */
    WINDOWS_SERVER_2008("Windows Server 2008", OsFamily.WINDOWS_SERVER, List.of("Win Server 2008", "Server 2008")),
    /** Windows Server 2008 R2 (the WES lists 2008 R2 SP1). */
    WINDOWS_SERVER_2008_R2("Windows Server 2008 R2", OsFamily.WINDOWS_SERVER, List.of("Win Server 2008 R2", "Server 2008 R2")),
    /** Windows Server 2012 (not R2). */
    WINDOWS_SERVER_2012("Windows Server 2012", OsFamily.WINDOWS_SERVER, List.of("Win Server 2012", "Server 2012")),
    /** Windows Server 2012 R2. */
    WINDOWS_SERVER_2012_R2("Windows Server 2012 R2", OsFamily.WINDOWS_SERVER, List.of("Win Server 2012 R2", "Server 2012 R2")),
    /** Windows Server 2016. */
    WINDOWS_SERVER_2016("Windows Server 2016", OsFamily.WINDOWS_SERVER, List.of("Win Server 2016", "Server 2016")),
    /** Windows Server 2019. */
    WINDOWS_SERVER_2019("Windows Server 2019", OsFamily.WINDOWS_SERVER, List.of("Win Server 2019", "Server 2019")),
    /** Windows Server 2022. */
    WINDOWS_SERVER_2022("Windows Server 2022", OsFamily.WINDOWS_SERVER, List.of("Win Server 2022", "Server 2022")),
    /** Windows Server 2025. */
    WINDOWS_SERVER_2025("Windows Server 2025", OsFamily.WINDOWS_SERVER, List.of("Win Server 2025", "Server 2025")),
    /** Apple macOS (Mac OS X). */
    MACOS("macOS", OsFamily.APPLE, List.of("Mac OS X", "OS X", "Mac OS", "Mac")),
    /** Apple iOS on an iPhone or iPod. */
    IOS("iOS (iPhone)", OsFamily.APPLE, List.of("iOS", "iPhone", "iPhone OS")),
    /** The iPad's OS: iOS up to version 12 on an iPad, iPadOS from version 13. */
    IPADOS("iPadOS (iOS on iPad)", OsFamily.APPLE, List.of("iPadOS", "iPad", "iPad iOS", "iOS on iPad", "Apple iPad iOS")),
    /** Google Android. */
    ANDROID("Android", OsFamily.ANDROID, List.of()),
    /** Linux. */
    LINUX("Linux", OsFamily.LINUX, List.of()),
    /** ChromeOS. */
    CHROME_OS("ChromeOS", OsFamily.LINUX, List.of("Chrome OS", "CrOS"));

    private final String label;
    private final OsFamily family;
    private final List<String> aliases;

    OsProduct(String label, OsFamily family, List<String> aliases) {
        this.label = label;
        this.family = family;
        this.aliases = aliases;
    }

    /**
     * The product's usual name.
     *
     * @return e.g. {@code "Windows 8.1"}
     */
    public String label() {
        return label;
    }

    /**
     * The product's family.
     *
     * @return the family
     */
    public OsFamily family() {
        return family;
    }

    /**
     * Whether this is a Windows client or server product.
     *
     * @return true for Windows
     */
    public boolean isWindows() {
        return family == OsFamily.WINDOWS || family == OsFamily.WINDOWS_SERVER;
    }

    List<String> names() {
        return Stream.concat(Stream.of(label), aliases.stream()).toList();
    }

    /**
     * Parses a product name alone (no release, edition or bitness), case-insensitively; see
     * {@link OperatingSystem#parse(String)} for full descriptions.
     *
     * @param name the name, e.g. {@code "Windows 10"}, {@code "WINDOWS_SERVER_2012_R2"}, {@code "Win Server 2012 R2"}
     * @return the product
     * @throws WesException naming the value and listing the known products
     */
    public static OsProduct parse(String name) {
        return Names.parse(OsProduct.class, "operating system", name, OsProduct::names, OsProduct::label);
    }

    @Override
    public String toString() {
        return label;
    }
}
