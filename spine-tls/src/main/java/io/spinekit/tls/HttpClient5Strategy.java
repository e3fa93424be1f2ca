package io.spinekit.tls;

import java.util.List;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;

/**
 * Apache HttpClient 5's TLS strategy for a context.
 *
 * <p>HttpClient is an optional dependency of spine-tls: only this class names its types beyond
 * the return type of {@link SpineTlsContext#httpClientTlsStrategy()}, so a context loads and works
 * without HttpClient on the class path.
 */
final class HttpClient5Strategy {
    private HttpClient5Strategy() {
    }

    static TlsSocketStrategy of(SSLContext sslContext, List<String> protocols, List<String> cipherSuites) {
        return ClientTlsStrategyBuilder.create()
                .setSslContext(sslContext)
                .setTlsVersions(protocols.toArray(new String[0]))
                .setCiphers(cipherSuites.toArray(new String[0]))
                .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH)
                .setHostnameVerifier(SpineHostnameVerifier.INSTANCE)
                .buildClassic();
    }
}
