package io.spinekit.wes;

import io.spinekit.core.Text;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The User-Agent client hints that settle what a User-Agent header cannot: whether Windows is 10
 * or 11, and the bitness of Windows and of the browser.
 *
 * <p>Chromium-based browsers (Edge, Chrome, Opera) send {@code Sec-CH-UA-Platform} with every
 * request, and the others only after the server asks for them with an {@code Accept-CH} response
 * header ({@link #ACCEPT_CH}). Firefox, Safari and Internet Explorer send none. Microsoft documents
 * that a {@code Sec-CH-UA-Platform-Version} from 1.0.0 to 10.0.0 means Windows 10 and 13.0.0 and
 * above means Windows 11 ("Detect Windows 11 and CPU architecture using User-Agent Client Hints",
 * Microsoft Edge documentation); {@code Sec-CH-UA-Bitness} is the bitness of the platform's CPU
 * architecture, and {@code Sec-CH-UA-WoW64: ?1} a 32-bit browser on 64-bit Windows. The hints do not
 * show the Windows 10 release (e.g. 20H2), the edition or whether it is a server.
 *
 * <p>Values are HTTP structured fields: strings in double quotes ({@code "Windows"}, {@code "13.0.0"},
 * {@code "64"}) and booleans {@code ?1} or {@code ?0}. An absent header is empty; a malformed one is a
 * {@link WesException} naming the header and the value.
 *
 * <pre>{@code
 * response.setHeader("Accept-CH", ClientHints.ACCEPT_CH);          // once, so later requests carry them
 * ClientHints hints = ClientHints.fromHeaders(request::getHeader);  // null for an absent header
 * Assessment a = wes.assessUserAgent(Application.CARE_IDENTITY_SERVICE, request.getHeader("User-Agent"), hints);
 * }</pre>
 *
 * @param platform {@code Sec-CH-UA-Platform}, e.g. {@code Windows}
 * @param platformVersion {@code Sec-CH-UA-Platform-Version}, e.g. {@code 13.0.0}
 * @param bitness {@code Sec-CH-UA-Bitness}: the platform's bitness
 * @param wow64 {@code Sec-CH-UA-WoW64}: a 32-bit browser on 64-bit Windows
 */
public record ClientHints(Optional<String> platform, Optional<String> platformVersion, Optional<Bitness> bitness,
        Optional<Boolean> wow64) {

    /** {@code Sec-CH-UA-Platform}. */
    public static final String PLATFORM = "Sec-CH-UA-Platform";
    /** {@code Sec-CH-UA-Platform-Version}. */
    public static final String PLATFORM_VERSION = "Sec-CH-UA-Platform-Version";
    /** {@code Sec-CH-UA-Bitness}. */
    public static final String BITNESS = "Sec-CH-UA-Bitness";
    /** {@code Sec-CH-UA-WoW64}. */
    public static final String WOW64 = "Sec-CH-UA-WoW64";
    /** The request headers read, in order. */
    public static final List<String> HEADER_NAMES = List.of(PLATFORM, PLATFORM_VERSION, BITNESS, WOW64);
    /** The value of an {@code Accept-CH} response header that asks a browser for the hints read here. */
    public static final String ACCEPT_CH = String.join(", ", HEADER_NAMES);
    /** The first {@code Sec-CH-UA-Platform-Version} major version that means Windows 11 (Microsoft). */
    public static final int WINDOWS_11_FROM = 13;
    /** The last {@code Sec-CH-UA-Platform-Version} major version that means Windows 10 (Microsoft; from 1). */
    public static final int WINDOWS_10_UP_TO = 10;

    private static final int MAX_VALUE_LENGTH = 128;
    private static final Pattern VERSION = Pattern.compile("\\d{1,5}(?:\\.\\d{1,5}){0,3}");
    private static final ClientHints NONE = new ClientHints(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    /**
     * Checks the components.
     *
     * @param platform the platform
     * @param platformVersion the platform version (digits and dots)
     * @param bitness the bitness
     * @param wow64 the WoW64 flag
     * @throws WesException when the platform version is not dotted digits
     */
    public ClientHints {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(platformVersion, "platformVersion");
        Objects.requireNonNull(bitness, "bitness");
        Objects.requireNonNull(wow64, "wow64");
        platformVersion.ifPresent(v -> {
            if (!VERSION.matcher(v).matches()) {
                throw new WesException(PLATFORM_VERSION + " " + Text.quote(v) + " is not a version: expected dotted digits such "
                        + "as 13.0.0");
            }
        });
    }

    /**
     * No hints (a browser that sends none, or a server that did not ask).
     *
     * @return the empty hints
     */
    public static ClientHints none() {
        return NONE;
    }

    /**
     * Reads the hints from request headers.
     *
     * @param header looks a header up by its name, answering null when it is absent (e.g.
     *     {@code request::getHeader} of a servlet request, which ignores case)
     * @return the hints
     * @throws WesException naming the header and value when a value is malformed
     */
    public static ClientHints fromHeaders(Function<String, String> header) {
        Objects.requireNonNull(header, "header");
        Optional<String> platform = string(PLATFORM, header.apply(PLATFORM));
        Optional<String> version = string(PLATFORM_VERSION, header.apply(PLATFORM_VERSION));
        Optional<Bitness> bitness = string(BITNESS, header.apply(BITNESS)).map(b -> switch (b) {
            case "64" -> Bitness.BIT_64;
            case "32" -> Bitness.BIT_32;
            default -> throw new WesException(BITNESS + " " + Text.quote("\"" + b + "\"") + " is not a bitness: expected \"32\" or \"64\"");
        });
        Optional<Boolean> wow64 = bool(WOW64, header.apply(WOW64));
        return new ClientHints(platform, version, bitness, wow64);
    }

    /**
     * Reads the hints from a map of request headers, whose names are matched ignoring case.
     *
     * @param headers header names to values
     * @return the hints
     * @throws WesException naming the header and value when a value is malformed
     */
    public static ClientHints fromHeaders(Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return fromHeaders(byName::get);
    }

    /**
     * Whether no hint was given.
     *
     * @return true when every hint is absent
     */
    public boolean isEmpty() {
        return platform.isEmpty() && platformVersion.isEmpty() && bitness.isEmpty() && wow64.isEmpty();
    }

    /** The platform version's major number, if given. */
    Optional<Integer> platformMajor() {
        return platformVersion.map(v -> Integer.parseInt(v.split("\\.", 2)[0]));
    }

    /** Whether the hints name Windows as the platform. */
    boolean windows() {
        return platform.map(p -> p.toLowerCase(Locale.ROOT).equals("windows")).orElse(false);
    }

    private static String checked(String name, String raw) {
        if (raw.length() > MAX_VALUE_LENGTH) {
            throw new WesException(name + " is " + raw.length() + " characters long; at most " + MAX_VALUE_LENGTH
                    + " are read");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new WesException(name + " holds a character that is not printable ASCII (code " + (int) c
                        + "); expected a structured-field value such as \"Windows\"");
            }
        }
        return raw.trim();
    }

    private static Optional<String> string(String name, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = checked(name, raw);
        if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
            throw new WesException(name + " " + Text.quote(v) + " is not a quoted string: expected a structured-field string "
                    + "such as \"13.0.0\"");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c == '\\') {
                if (i + 1 >= v.length() - 1 || (v.charAt(i + 1) != '"' && v.charAt(i + 1) != '\\')) {
                    throw new WesException(name + " " + Text.quote(v) + " has a bad escape: only \\\" and \\\\ are allowed");
                }
                out.append(v.charAt(++i));
            } else if (c == '"') {
                throw new WesException(name + " " + Text.quote(v) + " has an unescaped quote inside the string");
            } else {
                out.append(c);
            }
        }
        // Linux sends an empty platform version: nothing is known.
        return out.length() == 0 ? Optional.empty() : Optional.of(out.toString());
    }

    private static Optional<Boolean> bool(String name, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return switch (checked(name, raw)) {
            case "?1" -> Optional.of(true);
            case "?0" -> Optional.of(false);
            default -> throw new WesException(name + " " + Text.quote(raw.trim()) + " is not a structured-field boolean: "
                    + "expected ?1 or ?0");
        };
    }
}
