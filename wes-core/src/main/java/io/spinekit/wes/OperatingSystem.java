package io.spinekit.wes;

import io.spinekit.core.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A client operating system: the product, and where known its release (service pack, Windows 10
 * release such as {@code 20H2}, or version number for Apple and Android), edition and bitness.
 * An absent part is unknown, never assumed.
 *
 * @param product the product
 * @param release {@code SP1}/{@code RTM} for Windows 7 and Server, a {@link Windows10Release} label for
 *     Windows 10, {@code 21H2}-style for Windows 11, a dotted version for Apple, Android and Linux
 * @param edition the Windows edition (IoT editions are not supported by the WES)
 * @param bitness 32-bit or 64-bit
 */
public record OperatingSystem(OsProduct product, Optional<String> release, Optional<OsEdition> edition,
        Optional<Bitness> bitness) {

    /**
     * Validates and normalises the release for the product.
     *
     * @param product the product
     * @param release the release
     * @param edition the edition
     * @param bitness the bitness
     * @throws WesException when the release or edition does not fit the product
     */
    public OperatingSystem {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(bitness, "bitness");
        release = release.map(r -> normaliseRelease(product, r));
        if (edition.isPresent() && !product.isWindows()) {
            throw new WesException("edition " + Text.quote(edition.get().label()) + " given for " + product.label()
                    + "; editions apply to Windows only");
        }
    }

    /**
     * An operating system with only the product known.
     *
     * @param product the product
     * @return the operating system
     */
    public static OperatingSystem of(OsProduct product) {
        return new OperatingSystem(product, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A copy with the release set.
     *
     * @param newRelease e.g. {@code "20H2"}, {@code "SP1"}, {@code "14.7"}
     * @return the copy
     */
    public OperatingSystem withRelease(String newRelease) {
        return new OperatingSystem(product, Optional.of(newRelease), edition, bitness);
    }

    /**
     * A copy with the edition set.
     *
     * @param newEdition the edition
     * @return the copy
     */
    public OperatingSystem withEdition(OsEdition newEdition) {
        return new OperatingSystem(product, release, Optional.of(newEdition), bitness);
    }

    /**
     * A copy with the bitness set.
     *
     * @param newBitness the bitness
     * @return the copy
     */
    public OperatingSystem withBitness(Bitness newBitness) {
        return new OperatingSystem(product, release, edition, Optional.of(newBitness));
    }

    /**
     * Parses a description such as {@code "Windows 10 Pro 20H2 64-bit"}, {@code "Windows 7 SP1"},
     * {@code "Win Server 2012 R2"}, {@code "Windows 10 IoT Enterprise"}, {@code "WINDOWS_8_1"},
     * {@code "iPadOS 14.7"}: the product (enum name, usual name or seed wording, case-insensitive), then
     * in any order an edition, a release ({@code SP1}, {@code Service Pack 1}, {@code RTM}, {@code 20H2},
     * {@code build 19042}, {@code 14.7}) and a bitness ({@code 32-bit}, {@code 64-bit}, {@code x86}, {@code x64}).
     *
     * @param text the description
     * @return the operating system
     * @throws WesException naming the value, the part not understood and what is accepted
     */
    public static OperatingSystem parse(String text) {
        if (text == null || text.isBlank()) {
            throw new WesException("operating system is missing; known: " + Names.known(OsProduct.class, OsProduct::label));
        }
        List<String> tokens = Tokens.split(text);
        Tokens.Head<OsProduct> head = Tokens.head(OsProduct.class, tokens, OsProduct::names)
                .orElseThrow(() -> new WesException("unknown operating system " + Text.quote(text) + "; known: "
                        + Names.known(OsProduct.class, OsProduct::label)));
        OsProduct product = head.product();
        List<String> rest = new ArrayList<>(head.rest());
        String release = null;
        OsEdition edition = null;
        Bitness bitness = null;
        for (int i = 0; i < rest.size(); i++) {
            String t = rest.get(i);
            String k = Names.key(t);
            String next = i + 1 < rest.size() ? rest.get(i + 1) : null;
            String newRelease = null;
            if (k.equals("version") || k.equals("v")) {
                continue;
            } else if (k.equals("service") && next != null && Names.key(next).equals("pack") && i + 2 < rest.size()) {
                newRelease = "SP" + rest.get(i + 2);
                i += 2;
            } else if (k.equals("build") && next != null) {
                newRelease = next;
                i += 1;
            } else if (Bitness.isBitnessToken(t)) {
                Bitness b = Bitness.parse(t);
                if (bitness != null && bitness != b) {
                    throw new WesException("operating system " + Text.quote(text) + " names two bitnesses");
                }
                bitness = b;
                continue;
            } else if (product.isWindows() && editionAt(rest, i).isPresent()) {
                Tokens.Head<OsEdition> e = editionAt(rest, i).get();
                if (edition != null) {
                    throw new WesException("operating system " + Text.quote(text) + " names two editions");
                }
                edition = e.product();
                i = rest.size() - e.rest().size() - 1;
                continue;
            } else if (looksLikeRelease(product, t)) {
                newRelease = t;
            } else {
                throw new WesException("cannot read " + Text.quote(t) + " in operating system " + Text.quote(text) + "; after "
                        + product.label() + " expected " + expectation(product));
            }
            if (release != null) {
                throw new WesException("operating system " + Text.quote(text) + " names two releases: " + release + " and " + newRelease);
            }
            release = newRelease;
        }
        return new OperatingSystem(product, Optional.ofNullable(release), Optional.ofNullable(edition),
                Optional.ofNullable(bitness));
    }

    private static Optional<Tokens.Head<OsEdition>> editionAt(List<String> tokens, int from) {
        return Tokens.head(OsEdition.class, tokens.subList(from, tokens.size()), OsEdition::names);
    }

    private static boolean looksLikeRelease(OsProduct product, String token) {
        try {
            normaliseRelease(product, token);
            return true;
        } catch (WesException e) {
            return false;
        }
    }

    private static String expectation(OsProduct product) {
        String common = "a bitness (32-bit, 64-bit)";
        return switch (product) {
            case WINDOWS_10 -> "an edition (" + Names.known(OsEdition.class, OsEdition::label)
                    + "), a release (e.g. 20H2, 1909, build 19042) or " + common;
            case WINDOWS_11 -> "an edition, a release (e.g. 22H2) or " + common;
            default -> product.isWindows()
                    ? "an edition, a service pack (SP1, Service Pack 1, RTM) or " + common
                    : "a version number (e.g. 14.7) or " + common;
        };
    }

    private static String normaliseRelease(OsProduct product, String release) {
        String r = release.trim().toUpperCase(Locale.ROOT);
        if (product == OsProduct.WINDOWS_10) {
            return Windows10Release.parse(r).label();
        }
        if (product == OsProduct.WINDOWS_11) {
            if (r.matches("2\\dH[12]")) {
                return r;
            }
            throw new WesException("Windows 11 release " + Text.quote(release) + " is not of the form 22H2");
        }
        if (product.isWindows()) {
            if (r.matches("SP\\d") || r.equals("RTM")) {
                return r;
            }
            if (r.matches("SERVICEPACK\\d")) {
                return "SP" + r.substring(r.length() - 1);
            }
            throw new WesException(product.label() + " release " + Text.quote(release)
                    + " is not a service pack (expected SP1, SP2 or RTM)");
        }
        String v = r.replace('_', '.');
        if (v.matches("\\d{1,3}(\\.\\d{1,4}){0,3}")) {
            return v;
        }
        throw new WesException(product.label() + " release " + Text.quote(release) + " is not a version number such as 14.7");
    }

    /**
     * The Windows 10 release, when the product is Windows 10 and the release is known.
     *
     * @return the release
     */
    public Optional<Windows10Release> windows10Release() {
        return product == OsProduct.WINDOWS_10 ? release.map(Windows10Release::parse) : Optional.empty();
    }

    /**
     * The major version number for Apple, Android and Linux products with a known release.
     *
     * @return e.g. 14 for iPadOS 14.7
     */
    public Optional<Integer> majorVersion() {
        if (product.isWindows()) {
            return Optional.empty();
        }
        return release.map(r -> Integer.parseInt(r.split("\\.")[0]));
    }

    /**
     * Whether the edition is known to be an IoT edition.
     *
     * @return true for Windows IoT editions
     */
    public boolean isIot() {
        return edition.map(OsEdition::isIot).orElse(false);
    }

    /**
     * A readable description, e.g. {@code "Windows 10 Pro 20H2 64-bit"}.
     *
     * @return the description
     */
    public String describe() {
        StringBuilder b = new StringBuilder(product.label());
        edition.ifPresent(e -> b.append(' ').append(e.label()));
        release.ifPresent(r -> b.append(' ').append(r));
        bitness.ifPresent(x -> b.append(' ').append(x.label()));
        return b.toString();
    }
}
