package io.spinekit.wes.internal;

import io.spinekit.wes.BrowserProduct;
import java.util.Optional;

/** The columns of the two WES tables; each table uses some of them, in its own order. */
public enum WesColumn {
    /** Systems table: "Windows 7 SP1, 8.1 and 10**". */
    WINDOWS_7_SP1_8_1_10(Kind.OPERATING_SYSTEM, null),
    /** Authenticators table: "Win 10". */
    WINDOWS_10(Kind.OPERATING_SYSTEM, null),
    /** Authenticators table: "Win 8.1". */
    WINDOWS_8_1(Kind.OPERATING_SYSTEM, null),
    /** Authenticators table: "Win 7 SP1". */
    WINDOWS_7_SP1(Kind.OPERATING_SYSTEM, null),
    /** "Win Server 2012 R2" / "Windows Server 2012 R2". */
    WINDOWS_SERVER_2012_R2(Kind.OPERATING_SYSTEM, null),
    /** "Win Server 2008 R2 SP1" / "Windows Server 2008 R2 SP1". */
    WINDOWS_SERVER_2008_R2_SP1(Kind.OPERATING_SYSTEM, null),
    /** "Citrix XenApp". */
    CITRIX_XENAPP(Kind.CITRIX, null),
    /** "IE11". */
    IE11(Kind.BROWSER, BrowserProduct.IE11),
    /** "Edge***" / "Edge". */
    EDGE(Kind.BROWSER, BrowserProduct.EDGE),
    /** "Chrome". */
    CHROME(Kind.BROWSER, BrowserProduct.CHROME),
    /** "Firefox". */
    FIREFOX(Kind.BROWSER, BrowserProduct.FIREFOX),
    /** "Safari". */
    SAFARI(Kind.BROWSER, BrowserProduct.SAFARI),
    /** Systems table: "JRE (32-bit)". */
    JRE_32_BIT(Kind.JAVA, null);

    /** What a column is about. */
    public enum Kind {
        /** An operating system. */
        OPERATING_SYSTEM,
        /** Delivery through Citrix XenApp. */
        CITRIX,
        /** A browser. */
        BROWSER,
        /** The Java runtime. */
        JAVA
    }

    private final Kind kind;
    private final BrowserProduct browser;

    WesColumn(Kind kind, BrowserProduct browser) {
        this.kind = kind;
        this.browser = browser;
    }

    /**
     * What the column is about.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The browser of a browser column.
     *
     * @return the browser, empty for other columns
     */
    public Optional<BrowserProduct> browser() {
        return Optional.ofNullable(browser);
    }

    /**
     * The column of a browser, if the WES has one.
     *
     * @param product the browser
     * @return the column
     */
    public static Optional<WesColumn> forBrowser(BrowserProduct product) {
        for (WesColumn c : values()) {
            if (c.browser == product) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
