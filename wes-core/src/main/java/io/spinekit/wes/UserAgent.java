package io.spinekit.wes;

import io.spinekit.core.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser's {@code User-Agent} header tells about the client, and what it cannot tell.
 *
 * <p>A User-Agent cannot tell Windows 10 from Windows 11 (both send {@code Windows NT 10.0}), nor a
 * Windows client from the Windows Server of the same kernel ({@code 6.1}: Windows 7 or Server 2008
 * R2; {@code 6.3}: 8.1 or Server 2012 R2), nor the Windows 10 release (e.g. 20H2), the edition (e.g.
 * IoT) or the service pack. Chromium-based browsers from version 107 may send a frozen
 * {@code Windows NT 10.0; Win64; x64} whatever the real Windows version and bitness (Chromium's
 * User-Agent reduction), and Safari on iPadOS 13 and later presents itself as a Mac by default.
 * Such a header therefore yields several {@link #osCandidates() candidate} operating systems and
 * {@link #notes() notes}; an assessment reports what it cannot confirm as a condition.
 *
 * <p>Bitness: {@code WOW64} means a 32-bit browser on 64-bit Windows; {@code Win64; x64} a 64-bit
 * browser on 64-bit Windows; a Windows header with neither a 32-bit browser on 32-bit Windows.
 *
 * @param header the header as given
 * @param osCandidates the operating systems the header may come from, most likely first (empty: none recognised)
 * @param osVersion the OS version as the header writes it ({@code "NT 10.0"}, {@code "14.7"}), if any
 * @param osBitness the OS bitness, where derivable
 * @param browser the browser, if recognised as one the model knows
 * @param browserVersion the browser's major version, if present
 * @param browserBitness the browser's bitness, where derivable
 * @param notes what the header cannot show, in words
 */
public record UserAgent(String header, List<OsProduct> osCandidates, Optional<String> osVersion, Optional<Bitness> osBitness,
        Optional<BrowserProduct> browser, Optional<String> browserVersion, Optional<Bitness> browserBitness,
        List<String> notes) {

    /** The longest header read; longer ones are rejected as not a browser's. */
    public static final int MAX_LENGTH = 2048;
    /** The first Chromium major version whose desktop User-Agent may carry the reduced, frozen platform. */
    public static final int CHROMIUM_REDUCED_PLATFORM_FROM = 107;
    /** The last Chrome and Edge major version that runs on Windows 7 and 8.1. */
    public static final int LAST_CHROMIUM_ON_WINDOWS_7_AND_8_1 = 109;

    private static final Pattern PLATFORM = Pattern.compile("^Mozilla/5\\.0 \\(([^)]*)\\)");
    private static final Pattern WINDOWS_NT = Pattern.compile("Windows NT (\\d+\\.\\d+)");
    private static final Pattern IOS_VERSION = Pattern.compile("(?:CPU OS|iPhone OS) (\\d+)[_.](\\d+)(?:[_.](\\d+))?");
    private static final Pattern MAC_VERSION = Pattern.compile("Mac OS X (\\d+)[_.](\\d+)(?:[_.](\\d+))?");
    private static final Pattern ANDROID = Pattern.compile("Android (\\d+(?:\\.\\d+)*)");
    private static final Pattern OPERA_TOKEN = Pattern.compile("(?:OPR|Opera)[/ ](\\d+)");
    private static final Pattern EDG_TOKEN = Pattern.compile("Edg(?:A|iOS)?/(\\d+)");
    private static final Pattern EDGE_LEGACY_TOKEN = Pattern.compile("Edge/(\\d+)");
    private static final Pattern TRIDENT_7 = Pattern.compile("Trident/7\\.0");
    private static final Pattern MSIE_TOKEN = Pattern.compile("MSIE (\\d+)");
    private static final Pattern FIREFOX_TOKEN = Pattern.compile("(?:Firefox|FxiOS)/(\\d+)");
    private static final Pattern CHROME_TOKEN = Pattern.compile("(?:Chrome|CriOS)/(\\d+)");
    private static final Pattern SAFARI_VERSION = Pattern.compile("Version/(\\d+)");
    private static final Pattern OTHER_BROWSER = Pattern.compile("(SamsungBrowser|YaBrowser|UCBrowser|Vivaldi|Chromium|SeaMonkey|Silk)/");

    /**
     * Copies the lists.
     *
     * @param header the header
     * @param osCandidates the osCandidates
     * @param osVersion the osVersion
     * @param osBitness the osBitness
     * @param browser the browser
     * @param browserVersion the browserVersion
     * @param browserBitness the browserBitness
     * @param notes the notes
     */
    public UserAgent {
        osCandidates = List.copyOf(osCandidates);
        notes = List.copyOf(notes);
    }

    /**
     * The most likely operating system.
     *
     * @return the first candidate, empty when none was recognised
     */
    public Optional<OsProduct> os() {
        return osCandidates.stream().findFirst();
    }

    /**
     * Reads a User-Agent header.
     *
     * @param header the header value
     * @return what it tells
     * @throws WesException when the header is empty or longer than {@link #MAX_LENGTH}
     */
    public static UserAgent parse(String header) {
        return parse(header, ClientHints.none());
    }

    /**
     * Reads a User-Agent header with the browser's client hints, which settle Windows 10 or 11 and
     * the bitness where the header cannot (see {@link ClientHints}). Hints that name another
     * platform than the header are not used, and a note says so.
     *
     * @param header the header value
     * @param hints the client hints sent with it ({@link ClientHints#none()} when there are none)
     * @return what they tell
     * @throws WesException when the header is empty or longer than {@link #MAX_LENGTH}
     */
    public static UserAgent parse(String header, ClientHints hints) {
        java.util.Objects.requireNonNull(hints, "hints");
        if (header == null || header.isBlank()) {
            throw new WesException("User-Agent is empty; expected a browser's User-Agent header such as "
                    + "'Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko'");
        }
        if (header.length() > MAX_LENGTH) {
            throw new WesException("User-Agent is " + header.length() + " characters long; at most " + MAX_LENGTH
                    + " are read (it begins " + Text.quote(header, 60) + ")");
        }
        String ua = header.trim();
        List<String> notes = new ArrayList<>();

        // Browser, most specific token first: Opera and Edge also carry Chrome/, Chrome carries Safari/.
        BrowserProduct browser = null;
        String version = null;
        boolean chromium = false;
        Matcher m;
        if ((m = find(ua, OPERA_TOKEN)) != null) {
            browser = BrowserProduct.OPERA;
            version = m.group(1);
            chromium = ua.contains("Chrome/");
        } else if ((m = find(ua, EDG_TOKEN)) != null) {
            browser = BrowserProduct.EDGE;
            version = m.group(1);
            chromium = ua.contains("Chrome/");
        } else if ((m = find(ua, EDGE_LEGACY_TOKEN)) != null) {
            browser = BrowserProduct.EDGE;
            version = m.group(1);
            notes.add("Edge " + version + " is the legacy EdgeHTML Edge, not the Chromium-based Edge; IE mode and the "
                    + "Chrome extension are Chromium Edge features.");
        } else if ((m = find(ua, TRIDENT_7)) != null) {
            browser = BrowserProduct.IE11;
            version = "11";
            if (ua.contains("MSIE")) {
                notes.add("IE11 in Compatibility View (it also sends an older MSIE token).");
            }
            notes.add("Edge in IE mode sends the IE11 User-Agent: this header may also come from Edge in IE mode.");
        } else if ((m = find(ua, MSIE_TOKEN)) != null) {
            browser = BrowserProduct.IE_10_OR_EARLIER;
            version = m.group(1);
        } else if ((m = OTHER_BROWSER.matcher(ua)).find()) {
            notes.add("Browser " + Text.quote(m.group(1)) + " is not one the WES lists.");
        } else if ((m = find(ua, FIREFOX_TOKEN)) != null) {
            browser = BrowserProduct.FIREFOX;
            version = m.group(1);
        } else if ((m = find(ua, CHROME_TOKEN)) != null) {
            browser = BrowserProduct.CHROME;
            version = m.group(1);
            chromium = m.group().startsWith("Chrome/");
        } else if (ua.contains("Safari/") && (m = find(ua, SAFARI_VERSION)) != null) {
            browser = BrowserProduct.SAFARI;
            version = m.group(1);
        } else {
            notes.add("No browser the WES lists was recognised.");
        }
        int major = version == null ? -1 : Integer.parseInt(version);

        // Operating system.
        String platform = Optional.ofNullable(find(ua, PLATFORM)).map(x -> x.group(1)).orElse("");
        List<OsProduct> candidates = new ArrayList<>();
        String osVersion = null;
        Bitness osBitness = null;
        Bitness browserBitness = null;
        boolean frozen = false;
        boolean windows = false;
        if ((m = WINDOWS_NT.matcher(ua)).find()) {
            windows = true;
            osVersion = "NT " + m.group(1);
            frozen = chromium && major >= CHROMIUM_REDUCED_PLATFORM_FROM
                    && platform.equals("Windows NT 10.0; Win64; x64");
            if (frozen) {
                candidates.addAll(List.of(OsProduct.WINDOWS_10, OsProduct.WINDOWS_11));
                if (major <= LAST_CHROMIUM_ON_WINDOWS_7_AND_8_1) {
                    candidates.addAll(List.of(OsProduct.WINDOWS_8_1, OsProduct.WINDOWS_7, OsProduct.WINDOWS_SERVER_2012_R2,
                            OsProduct.WINDOWS_SERVER_2008_R2));
                }
                candidates.addAll(List.of(OsProduct.WINDOWS_SERVER_2016, OsProduct.WINDOWS_SERVER_2019,
                        OsProduct.WINDOWS_SERVER_2022, OsProduct.WINDOWS_SERVER_2025));
            } else {
                candidates.addAll(switch (m.group(1)) {
                    case "10.0" -> List.of(OsProduct.WINDOWS_10, OsProduct.WINDOWS_11, OsProduct.WINDOWS_SERVER_2016,
                            OsProduct.WINDOWS_SERVER_2019, OsProduct.WINDOWS_SERVER_2022, OsProduct.WINDOWS_SERVER_2025);
                    case "6.3" -> List.of(OsProduct.WINDOWS_8_1, OsProduct.WINDOWS_SERVER_2012_R2);
                    case "6.2" -> List.of(OsProduct.WINDOWS_8, OsProduct.WINDOWS_SERVER_2012);
                    case "6.1" -> List.of(OsProduct.WINDOWS_7, OsProduct.WINDOWS_SERVER_2008_R2);
                    case "6.0" -> List.of(OsProduct.WINDOWS_VISTA_OR_EARLIER, OsProduct.WINDOWS_SERVER_2008);
                    default -> m.group(1).startsWith("5.") ? List.of(OsProduct.WINDOWS_VISTA_OR_EARLIER) : List.of();
                });
                if (candidates.isEmpty()) {
                    notes.add("Windows NT " + m.group(1) + " is not a Windows version the model knows.");
                }
                if (platform.contains("WOW64")) {
                    osBitness = Bitness.BIT_64;
                    browserBitness = Bitness.BIT_32;
                } else if (platform.contains("Win64") || platform.contains("x64")) {
                    osBitness = Bitness.BIT_64;
                    browserBitness = Bitness.BIT_64;
                } else if (!platform.contains("ARM")) {
                    osBitness = Bitness.BIT_32;
                    browserBitness = Bitness.BIT_32;
                }
            }
        } else if (ua.contains("iPad") && (m = IOS_VERSION.matcher(ua)).find()) {
            candidates.add(OsProduct.IPADOS);
            osVersion = dotted(m);
        } else if ((ua.contains("iPhone") || ua.contains("iPod")) && (m = IOS_VERSION.matcher(ua)).find()) {
            candidates.add(OsProduct.IOS);
            osVersion = dotted(m);
        } else if ((m = MAC_VERSION.matcher(ua)).find()) {
            candidates.add(OsProduct.MACOS);
            osVersion = dotted(m);
            if (browser == BrowserProduct.SAFARI) {
                candidates.add(OsProduct.IPADOS);
                notes.add("Safari on iPadOS 13 and later presents itself as a Mac by default: this header may come from an "
                        + "iPad (OS version unknown).");
            }
        } else if ((m = ANDROID.matcher(ua)).find()) {
            candidates.add(OsProduct.ANDROID);
            osVersion = m.group(1);
        } else if (ua.contains("CrOS")) {
            candidates.add(OsProduct.CHROME_OS);
        } else if (ua.contains("Linux")) {
            candidates.add(OsProduct.LINUX);
        } else {
            notes.add("No operating system was recognised.");
        }
        if (windows) {
            boolean versionSettled = false;
            boolean bitnessSettled = false;
            if (!hints.isEmpty() && hints.platform().isPresent() && !hints.windows()) {
                notes.add("The client hints name the platform " + Text.quote(hints.platform().get()) + " but the User-Agent "
                        + "names Windows: the hints are not used.");
            } else if (!hints.isEmpty()) {
                Optional<Integer> hinted = hints.platformMajor();
                if (hinted.isPresent() && candidates.contains(OsProduct.WINDOWS_10)) {
                    int v = hinted.get();
                    String as = ClientHints.PLATFORM_VERSION + " " + hints.platformVersion().get();
                    if (v >= ClientHints.WINDOWS_11_FROM) {
                        candidates.removeIf(p -> p == OsProduct.WINDOWS_10 || OLDER_THAN_10.contains(p));
                        notes.add(as + " means Windows 11 (13.0.0 and above), not Windows 10.");
                        versionSettled = true;
                    } else if (v >= 1 && v <= ClientHints.WINDOWS_10_UP_TO) {
                        candidates.removeIf(p -> p == OsProduct.WINDOWS_11 || OLDER_THAN_10.contains(p));
                        notes.add(as + " means Windows 10 (1.0.0 to 10.0.0), not Windows 11.");
                        versionSettled = true;
                    } else {
                        notes.add(as + " is neither Windows 10 (1.0.0 to 10.0.0) nor Windows 11 (13.0.0 and above) "
                                + "as documented: it is not used.");
                    }
                }
                if (hints.bitness().isPresent()) {
                    osBitness = hints.bitness().get();
                    if (hints.wow64().orElse(false) || osBitness == Bitness.BIT_32) {
                        browserBitness = Bitness.BIT_32;
                    } else if (hints.wow64().isPresent()) {
                        browserBitness = Bitness.BIT_64;
                    }
                    notes.add(ClientHints.BITNESS + " " + osBitness.label().replace("-bit", "") + " and "
                            + ClientHints.WOW64 + " " + hints.wow64().map(w -> w ? "?1" : "?0").orElse("(absent)")
                            + ": " + osBitness.label() + " Windows, "
                            + (browserBitness == null ? "browser bitness unknown" : browserBitness.label() + " browser")
                            + ".");
                    bitnessSettled = browserBitness != null;
                }
            }
            if (frozen) {
                List<String> unknown = new ArrayList<>();
                if (!versionSettled) {
                    unknown.add("the Windows version");
                }
                if (!bitnessSettled) {
                    unknown.add("the bitness");
                }
                notes.add(0, browser.label() + " " + major + " may send the reduced platform 'Windows NT 10.0; Win64; "
                        + "x64' whatever the Windows version and bitness" + (unknown.isEmpty()
                        ? "; the client hints settle both."
                        : ": " + String.join(" and ", unknown) + (unknown.size() > 1 ? " are" : " is")
                                + " not known from this header (the " + ClientHints.PLATFORM_VERSION + ", "
                                + ClientHints.BITNESS + " and " + ClientHints.WOW64 + " client hints carry them)."));
            } else if (osVersion.equals("NT 10.0") && !versionSettled) {
                notes.add("Windows 10 and Windows 11 both send 'Windows NT 10.0': the header cannot tell them apart"
                        + (chromium ? " (the " + ClientHints.PLATFORM_VERSION + " client hint can)" : "") + ".");
            }
            notes.add("A User-Agent does not show the Windows release (e.g. 20H2), edition (e.g. IoT) or service pack.");
        }
        return new UserAgent(header, candidates, Optional.ofNullable(osVersion), Optional.ofNullable(osBitness),
                Optional.ofNullable(browser), Optional.ofNullable(version), Optional.ofNullable(browserBitness), notes);
    }

    /** Windows versions before 10, which a platform version from 1 up rules out. */
    private static final java.util.Set<OsProduct> OLDER_THAN_10 = java.util.EnumSet.of(OsProduct.WINDOWS_8_1,
            OsProduct.WINDOWS_8, OsProduct.WINDOWS_7, OsProduct.WINDOWS_VISTA_OR_EARLIER, OsProduct.WINDOWS_SERVER_2012_R2,
            OsProduct.WINDOWS_SERVER_2012, OsProduct.WINDOWS_SERVER_2008_R2, OsProduct.WINDOWS_SERVER_2008);

    private static Matcher find(String text, Pattern regex) {
        Matcher m = regex.matcher(text);
        return m.find() ? m : null;
    }

    private static String dotted(Matcher m) {
        return m.group(1) + "." + m.group(2) + (m.group(3) == null ? "" : "." + m.group(3));
    }

    /**
     * The client environments the header may describe, one per candidate operating system, most likely first.
     *
     * @param jre the JRE, which a User-Agent does not show
     * @param citrix whether the application is delivered through Citrix XenApp
     * @return the environments (empty when no operating system was recognised)
     */
    public List<ClientEnvironment> environments(Optional<JavaRuntime> jre, boolean citrix) {
        Optional<Browser> b = browser.map(p -> new Browser(p, browserVersion, browserBitness, false));
        List<ClientEnvironment> out = new ArrayList<>();
        for (OsProduct p : osCandidates) {
            Optional<String> release = p.isWindows() || osVersion.isEmpty() || (p == OsProduct.IPADOS
                    && osCandidates.get(0) == OsProduct.MACOS) ? Optional.empty() : osVersion;
            out.add(new ClientEnvironment(new OperatingSystem(p, release, Optional.empty(), osBitness), b, jre, citrix));
        }
        return out;
    }

    /**
     * A readable summary of what was read, e.g. {@code "Windows NT 6.1 (Windows 7 or Windows Server 2008 R2) 64-bit, IE11 32-bit"}.
     *
     * @return the summary
     */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (osCandidates.isEmpty()) {
            b.append("unrecognised OS");
        } else {
            osVersion.ifPresent(v -> b.append(osCandidates.get(0).isWindows() ? "Windows " + v : v).append(' '));
            b.append('(').append(String.join(" or ", osCandidates.stream().map(OsProduct::label).toList())).append(')');
            osBitness.ifPresent(x -> b.append(' ').append(x.label()));
        }
        b.append(", ");
        b.append(browser.map(BrowserProduct::label).orElse("unrecognised browser"));
        browserVersion.filter(v -> browser.orElse(null) != BrowserProduct.IE11).ifPresent(v -> b.append(' ').append(v));
        browserBitness.ifPresent(x -> b.append(' ').append(x.label()));
        return b.toString();
    }
}
