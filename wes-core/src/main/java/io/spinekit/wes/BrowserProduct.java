package io.spinekit.wes;

import java.util.List;
import java.util.stream.Stream;

/**
 * Browsers: the five the WES has columns for (IE11, Edge, Chrome, Firefox, Safari) and others a
 * visitor may use, so that they are recognised and reported as not listed.
 */
public enum BrowserProduct {
    /** Internet Explorer 11. */
    IE11("IE11", List.of("Internet Explorer 11", "IE 11", "MSIE 11", "Explorer 11")),
    /** Microsoft Edge (the WES footnote *** lets it run in IE mode with a supported JRE 8). */
    EDGE("Edge", List.of("Microsoft Edge", "Edge Chromium", "MSEdge")),
    /** Google Chrome. */
    CHROME("Chrome", List.of("Google Chrome")),
    /** Mozilla Firefox. */
    FIREFOX("Firefox", List.of("Mozilla Firefox", "FF")),
    /** Apple Safari. */
    SAFARI("Safari", List.of("Apple Safari", "Mobile Safari")),
    /** Opera (named in footnote * but not a column of either table). */
    OPERA("Opera", List.of()),
    /** Internet Explorer 10 or earlier. */
    IE_10_OR_EARLIER("Internet Explorer 10 or earlier",
            List.of("IE10", "IE9", "IE8", "IE7", "Internet Explorer 10", "Internet Explorer 9", "Internet Explorer 8"));

    private final String label;
    private final List<String> aliases;

    BrowserProduct(String label, List<String> aliases) {
        this.label = label;
        this.aliases = aliases;
    }

    /**
     * The browser's name as the WES writes it.
     *
     * @return e.g. {@code "IE11"}
     */
    public String label() {
        return label;
    }

    List<String> names() {
        return Stream.concat(Stream.of(label), aliases.stream()).toList();
    }

    /**
     * Parses a browser name alone, case-insensitively; see {@link Browser#parse(String)} for descriptions
     * with version, bitness or IE mode.
     *
     * @param name e.g. {@code "IE11"}, {@code "Internet Explorer 11"}, {@code "EDGE"}
     * @return the product
     * @throws WesException naming the value and the known browsers
     */
    public static BrowserProduct parse(String name) {
        return Names.parse(BrowserProduct.class, "browser", name, BrowserProduct::names, BrowserProduct::label);
    }

    @Override
    public String toString() {
        return label;
    }
}
