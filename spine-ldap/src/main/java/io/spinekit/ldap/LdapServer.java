package io.spinekit.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import io.spinekit.core.Text;
import java.util.Locale;

/**
 * One SDS server from an LDAP URL: {@code ldaps://host[:port]} (port 636 by default) or, for local
 * testing only, {@code ldap://host[:port]} (port 389).
 *
 * @param secure {@code true} for {@code ldaps}
 * @param host the host name
 * @param port the TCP port
 */
record LdapServer(boolean secure, String host, int port) {
    /** A DNS name is at most 253 characters (RFC 1035 section 2.3.4: 255 octets on the wire). */
    static final int MAX_HOST_LENGTH = 253;

    static LdapServer parse(String url) {
        if (url == null || url.isBlank()) {
            throw new SdsLookupException("Invalid SDS LDAP URL " + Text.quote(url, SdsLookupException.QUOTE_LIMIT)
                    + ": expected 'ldaps://host[:port]', such as 'ldaps://ldap.vn03.national.ncrs.nhs.uk:636'");
        }
        LDAPURL parsed;
        try {
            parsed = new LDAPURL(url.trim());
        } catch (LDAPException e) {
            throw new SdsLookupException("Invalid SDS LDAP URL " + Text.quote(url, SdsLookupException.QUOTE_LIMIT)
                    + ": " + Text.quote(e.getMessage(), SdsLookupException.QUOTE_LIMIT)
                    + "; expected 'ldaps://host[:port]', such as 'ldaps://ldap.vn03.national.ncrs.nhs.uk:636'", e);
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldaps") && !scheme.equals("ldap")) {
            throw new SdsLookupException("Unsupported scheme in SDS LDAP URL "
                    + Text.quote(url, SdsLookupException.QUOTE_LIMIT) + ": expected ldaps:// (or ldap:// with allowPlainLdap() for local testing)");
        }
        if (!parsed.hostProvided()) {
            throw new SdsLookupException("SDS LDAP URL " + Text.quote(url, SdsLookupException.QUOTE_LIMIT)
                    + " has no host: expected 'ldaps://host[:port]'");
        }
        if (parsed.baseDNProvided() || parsed.attributesProvided() || parsed.scopeProvided()
                || parsed.filterProvided()) {
            throw new SdsLookupException("SDS LDAP URL " + Text.quote(url, SdsLookupException.QUOTE_LIMIT)
                    + " carries a base DN, attributes, scope or filter:"
                    + " expected only 'ldaps://host[:port]' (the client builds its own escaped searches)");
        }
        if (parsed.getHost().length() > MAX_HOST_LENGTH) {
            throw new SdsLookupException("SDS LDAP URL " + Text.quote(url, SdsLookupException.QUOTE_LIMIT)
                    + " has a host name of " + parsed.getHost().length() + " characters: expected at most "
                    + MAX_HOST_LENGTH + " (a DNS name's limit)");
        }
        return new LdapServer(scheme.equals("ldaps"), parsed.getHost(), parsed.getPort());
    }

    String url() {
        return (secure ? "ldaps://" : "ldap://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return url();
    }
}
