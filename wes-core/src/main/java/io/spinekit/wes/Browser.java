package io.spinekit.wes;

import io.spinekit.core.Text;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A browser: the product, and where known its version and bitness, and whether Edge runs a site in
 * IE mode. An IE11 cell reading "32-bit" warrants the 32-bit IE11 only.
 *
 * @param product the product
 * @param version the version, e.g. {@code "120"} or {@code "11.0"}
 * @param bitness the browser's own bitness (a 32-bit browser on 64-bit Windows is 32-bit)
 * @param ieMode true when Edge runs the site in Internet Explorer mode (footnote ***)
 */
public record Browser(BrowserProduct product, Optional<String> version, Optional<Bitness> bitness, boolean ieMode) {

    /**
     * Checks the parts.
     *
     * @param product the product
     * @param version the version
     * @param bitness the bitness
     * @param ieMode the ieMode
     * @throws WesException when IE mode is set on a browser other than Edge
     */
    public Browser {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(bitness, "bitness");
        if (ieMode && product != BrowserProduct.EDGE) {
            throw new WesException("IE mode given for " + product.label() + "; only Edge has an IE mode");
        }
    }

    /**
     * A browser with only the product known.
     *
     * @param product the product
     * @return the browser
     */
    public static Browser of(BrowserProduct product) {
        return new Browser(product, Optional.empty(), Optional.empty(), false);
    }

    /**
     * A copy with the bitness set.
     *
     * @param newBitness the bitness
     * @return the copy
     */
    public Browser withBitness(Bitness newBitness) {
        return new Browser(product, version, Optional.of(newBitness), ieMode);
    }

    /**
     * A copy of this Edge browser running in IE mode.
     *
     * @return the copy
     */
    public Browser inIeMode() {
        return new Browser(product, version, bitness, true);
    }

    /**
     * Parses a description such as {@code "IE11 32-bit"}, {@code "Internet Explorer 11 (64-bit)"},
     * {@code "Edge IE mode"}, {@code "Chrome 120"}, {@code "FIREFOX"}: the product (enum name or usual
     * name, case-insensitive), then in any order a version, a bitness and, for Edge, {@code IE mode}.
     *
     * @param text the description
     * @return the browser
     * @throws WesException naming the value, the part not understood and what is accepted
     */
    public static Browser parse(String text) {
        if (text == null || text.isBlank()) {
            throw new WesException("browser is missing; known: " + Names.known(BrowserProduct.class, BrowserProduct::label));
        }
        List<String> tokens = Tokens.split(text);
        Tokens.Head<BrowserProduct> head = Tokens.head(BrowserProduct.class, tokens, BrowserProduct::names)
                .orElseThrow(() -> new WesException("unknown browser " + Text.quote(text) + "; known: "
                        + Names.known(BrowserProduct.class, BrowserProduct::label)));
        List<String> rest = head.rest();
        String version = null;
        Bitness bitness = null;
        boolean ieMode = false;
        for (int i = 0; i < rest.size(); i++) {
            String t = rest.get(i);
            String k = Names.key(t);
            String next = i + 1 < rest.size() ? Names.key(rest.get(i + 1)) : "";
            if (k.equals("in") || k.equals("version") || k.equals("v")) {
                continue;
            } else if ((k.equals("ie") || k.equals("internetexplorer")) && next.equals("mode")) {
                ieMode = true;
                i++;
            } else if (k.equals("internet") && next.equals("explorer") && i + 2 < rest.size()
                    && Names.key(rest.get(i + 2)).equals("mode")) {
                ieMode = true;
                i += 2;
            } else if (k.equals("iemode")) {
                ieMode = true;
            } else if (Bitness.isBitnessToken(t)) {
                bitness = Bitness.parse(t);
            } else if (t.matches("\\d{1,4}(\\.\\d{1,6}){0,3}") && version == null) {
                version = t;
            } else {
                throw new WesException("cannot read " + Text.quote(t) + " in browser " + Text.quote(text) + "; after " + head.product().label()
                        + " expected a version (e.g. 120), a bitness (32-bit, 64-bit) or, for Edge, 'IE mode'");
            }
        }
        return new Browser(head.product(), Optional.ofNullable(version), Optional.ofNullable(bitness), ieMode);
    }

    /**
     * A readable description, e.g. {@code "IE11 32-bit"} or {@code "Edge (IE mode)"}.
     *
     * @return the description
     */
    public String describe() {
        StringBuilder b = new StringBuilder(product.label());
        version.filter(v -> product != BrowserProduct.IE11).ifPresent(v -> b.append(' ').append(v));
        bitness.ifPresent(x -> b.append(' ').append(x.label()));
        if (ieMode) {
            b.append(" (IE mode)");
        }
        return b.toString();
    }
}
