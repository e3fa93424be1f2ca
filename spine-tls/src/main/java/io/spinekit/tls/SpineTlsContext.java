package io.spinekit.tls;

import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * One immutable TLS configuration for talking to Spine: trust, optional client identity and strict
 * protocol settings (TLS 1.3 and 1.2 only, hostname verification on).
 *
 * <p>Initial skeleton: {@link #of(SSLContext)} wraps an existing context. The builder over
 * environments, PEM, PKCS#12 and JKS and the HttpClient 5, UnboundID and JDK HttpClient adapters
 * come with the spine-tls issue.
 */
public final class SpineTlsContext {
    /** The protocols every context enables, newest first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final SSLContext sslContext;

    private SpineTlsContext(SSLContext sslContext) {
        this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
    }

    /**
     * Wraps an existing JDK context. The strict protocol list and hostname verification are still
     * applied by {@link #sslParameters()} and the adapters.
     *
     * @param sslContext an initialised context
     * @return a TLS context
     */
    public static SpineTlsContext of(SSLContext sslContext) {
        return new SpineTlsContext(sslContext);
    }

    /**
     * The JDK context. Sockets made from it directly do not verify host names: prefer the adapters.
     *
     * @return the SSL context
     */
    public SSLContext sslContext() {
        return sslContext;
    }

    /**
     * Parameters with TLS 1.3/1.2 only and HTTPS endpoint identification on.
     *
     * @return new parameters
     */
    public SSLParameters sslParameters() {
        SSLParameters p = sslContext.getDefaultSSLParameters();
        p.setProtocols(PROTOCOLS.toArray(new String[0]));
        p.setEndpointIdentificationAlgorithm("HTTPS");
        return p;
    }
}
