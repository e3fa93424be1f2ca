package io.spinekit.tls;

import io.spinekit.core.Text;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Host name verification as RFC 6125 and the JDK's HTTPS endpoint identification do it, with the
 * common-name fallback NHS certificates need.
 *
 * <ul>
 *   <li>A DNS host name is matched against the certificate's DNS subjectAltNames when it has any
 *       ("SAN wins": the CN is then ignored). A wildcard is allowed only as the whole left-most
 *       label ({@code *.example.nhs.uk} matches {@code a.example.nhs.uk}, not {@code a.b.example.nhs.uk}
 *       nor {@code example.nhs.uk}) and needs at least two labels after it.</li>
 *   <li>When the certificate has no DNS subjectAltName, the most specific subject CN is used (NHS
 *       endpoint certificates are often issued with CN = FQDN and no SAN).</li>
 *   <li>An IP address is matched only against IP subjectAltNames, or the CN when there are none.</li>
 * </ul>
 * Comparison is case-insensitive, a trailing dot is ignored and internationalised names are compared
 * in their ASCII form. Stateless and thread-safe; use {@link #INSTANCE}.
 */
final class SpineHostnameVerifier implements HostnameVerifier {
    /** The shared instance. */
    static final SpineHostnameVerifier INSTANCE = new SpineHostnameVerifier();

    private SpineHostnameVerifier() {
    }

    /**
     * Checks the peer's leaf certificate of a TLS session against the host name.
     *
     * @param host the host name the client connected to
     * @param session the TLS session
     * @return true if the certificate is valid for the host
     */
    @Override
    public boolean verify(String host, SSLSession session) {
        try {
            Certificate[] peer = session.getPeerCertificates();
            return peer.length > 0 && peer[0] instanceof X509Certificate x && matches(host, x);
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    /**
     * Whether the certificate is valid for the host.
     *
     * @param host a DNS name or IP address
     * @param certificate the server's certificate
     * @return true if it matches
     */
    boolean matches(String host, X509Certificate certificate) {
        return mismatch(host, certificate).isEmpty();
    }

    /**
     * Why the certificate is not valid for the host, in plain language, or empty when it is.
     *
     * @param host a DNS name or IP address
     * @param certificate the server's certificate
     * @return the reason for a mismatch, naming the names the certificate does hold
     */
    Optional<String> mismatch(String host, X509Certificate certificate) {
        if (host == null || host.isBlank()) {
            return Optional.of("no host name to check the certificate against");
        }
        String h = normalise(host);
        Optional<String> cn = Certificates.commonName(certificate);
        if (isIpAddress(h)) {
            List<String> ips = Certificates.ipAddresses(certificate);
            if (!ips.isEmpty()) {
                for (String ip : ips) {
                    if (sameAddress(h, ip)) {
                        return Optional.empty();
                    }
                }
                return Optional.of("IP address " + Text.quote(host) + " is not among the certificate's IP subjectAltNames " + ips);
            }
            if (cn.isPresent() && sameAddress(h, cn.get())) {
                return Optional.empty();
            }
            return Optional.of("IP address " + Text.quote(host) + " does not match the certificate (no IP subjectAltName; CN "
                    + cn.orElse("(none)") + ")");
        }
        List<String> dns = Certificates.dnsNames(certificate);
        if (!dns.isEmpty()) {
            for (String name : dns) {
                if (matchesName(h, normalise(name))) {
                    return Optional.empty();
                }
            }
            return Optional.of("host " + Text.quote(host) + " is not among the certificate's subjectAltNames " + dns
                    + (cn.isPresent() ? " (its CN " + cn.get() + " is ignored when subjectAltNames are present)" : ""));
        }
        if (cn.isPresent() && matchesName(h, normalise(cn.get()))) {
            return Optional.empty();
        }
        return Optional.of("host " + Text.quote(host) + " does not match the certificate's CN " + cn.orElse("(none)")
                + " (it has no DNS subjectAltName)");
    }

    private static boolean matchesName(String host, String pattern) {
        if (pattern.isEmpty()) {
            return false;
        }
        if (!pattern.startsWith("*.")) {
            return !pattern.contains("*") && host.equals(pattern);
        }
        String suffix = pattern.substring(1); // ".example.nhs.uk"
        if (suffix.contains("*") || suffix.chars().filter(ch -> ch == '.').count() < 2) {
            return false;
        }
        if (!host.endsWith(suffix)) {
            return false;
        }
        String first = host.substring(0, host.length() - suffix.length());
        return !first.isEmpty() && !first.contains(".");
    }

    private static String normalise(String name) {
        String n = name.trim();
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1);
        }
        try {
            if (!n.contains("*")) {
                n = IDN.toASCII(n, IDN.ALLOW_UNASSIGNED);
            }
        } catch (IllegalArgumentException e) {
            // leave as is: it cannot match a valid certificate name anyway
        }
        return n.toLowerCase(Locale.ROOT);
    }

    static boolean isIpAddress(String h) {
        return h.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || (h.contains(":") && h.matches("[0-9a-fA-F:.%]+"));
    }

    private static boolean sameAddress(String a, String b) {
        if (!isIpAddress(normalise(b))) {
            return false;
        }
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(normalise(b)));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
