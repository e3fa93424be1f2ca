package io.spinekit.cis;

import io.spinekit.core.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * A CIS2 OpenID Connect issuer, such as
 * {@code https://am.nhsint.auth-ptl.cis2.spineservices.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare}.
 *
 * <p>CIS2 tokens carry the issuer with an explicit {@code :443} after the host, while the environment
 * pages and the discovery document may not: {@link #matches(String)} treats them as the same issuer.
 * Nothing else is normalised (the path must match exactly, trailing slash included), so a token from
 * another realm never matches. Compare with the discovery document's {@code issuer}, never a
 * hard-coded string.
 *
 * @param uri the issuer URL (absolute, https, no query or fragment)
 */
public record Cis2Issuer(URI uri) {
    /** The path of the discovery document below the issuer. */
    public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    /**
     * Checks the URL.
     *
     * @param uri the issuer URL
     */
    public Cis2Issuer {
        Objects.requireNonNull(uri, "uri");
        if (!uri.isAbsolute() || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new CisException(CisException.Reason.CONFIGURATION, "CIS2 issuer " + quoted(uri.toString())
                    + " is not an absolute https URL with a host: expected for example https://am.nhsint.auth-ptl"
                    + ".cis2.spineservices.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new CisException(CisException.Reason.CONFIGURATION, "CIS2 issuer " + quoted(uri.toString())
                    + " has a query or fragment: an OIDC issuer has neither");
        }
    }

    /**
     * Parses an issuer URL.
     *
     * @param text the issuer URL
     * @return the issuer
     * @throws CisException (CONFIGURATION) naming the value if it is not an https URL
     */
    public static Cis2Issuer of(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return new Cis2Issuer(new URI(text.strip()));
        } catch (URISyntaxException e) {
            throw new CisException(CisException.Reason.CONFIGURATION, "CIS2 issuer " + quoted(text)
                    + " is not a valid URL: " + Text.escape(e.getReason()), e);
        }
    }

    /**
     * The discovery document URL: the issuer followed by {@value #DISCOVERY_PATH}.
     *
     * @return the discovery URL
     */
    public URI discoveryUrl() {
        String base = uri.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + DISCOVERY_PATH);
    }

    /**
     * Whether another issuer string (from a token or discovery document) names this issuer.
     *
     * @param other the other issuer, such as a token's {@code iss} claim; may be null
     * @return true if equal after normalising scheme and host case and dropping an explicit default port;
     *     false if {@code other} has a query or fragment (an OIDC issuer has neither)
     */
    public boolean matches(String other) {
        return same(uri.toString(), other);
    }

    /**
     * Whether two issuer strings name the same issuer (see {@link #matches(String)}).
     *
     * @param a one issuer
     * @param b another issuer
     * @return true if they are the same after normalisation; false if either has a query or fragment
     *     (an OIDC issuer has neither, and comparing without them would let {@code ...#anything} match)
     */
    public static boolean same(String a, String b) {
        String na = normalise(a);
        String nb = normalise(b);
        return na != null && na.equals(nb);
    }

    /** The normalised form, or null if the text is absent, not a URL, or has a query or fragment. */
    private static String normalise(String text) {
        if (text == null) {
            return null;
        }
        URI u;
        try {
            u = new URI(text.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            return null;
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
        int port = u.getPort();
        if (("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80)) {
            port = -1;
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        String userInfo = u.getRawUserInfo() == null ? "" : u.getRawUserInfo() + "@";
        return scheme + "://" + userInfo + host + (port < 0 ? "" : ":" + port) + path;
    }

    /** Quotes an issuer for a message, long enough that a real CIS2 issuer (about 110 characters) is whole. */
    static String quoted(String issuer) {
        return Text.quote(issuer, 200);
    }

    /**
     * The issuer URL.
     *
     * @return the URL as text
     */
    @Override
    public String toString() {
        return uri.toString();
    }
}
