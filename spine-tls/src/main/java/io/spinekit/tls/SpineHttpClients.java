package io.spinekit.tls;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/** Assembles the HttpClient 5 client of a {@link SpineHttp}: TLS strategy, pool, timeouts, features off. */
final class SpineHttpClients {
    /** The settings of a {@link SpineHttp}, checked by its builder. */
    record Settings(Duration connectTimeout, Duration handshakeTimeout, Duration responseTimeout,
            Duration requestTimeout, int maxConnections, String userAgent) {
        @Override
        public String toString() {
            return userAgent + ", connect " + connectTimeout.toMillis() + " ms, handshake " + handshakeTimeout.toMillis()
                    + " ms, response " + responseTimeout.toMillis() + " ms, request " + requestTimeout.toMillis()
                    + " ms, " + maxConnections + " connections";
        }
    }

    private SpineHttpClients() {
    }

    static CloseableHttpClient client(Settings s, SSLContext sslContext, List<String> protocols,
            List<String> cipherSuites, HostnameVerifier verifier, DnsResolver dns) {
        TlsSocketStrategy tls = ClientTlsStrategyBuilder.create()
                .setSslContext(sslContext)
                .setTlsVersions(protocols.toArray(new String[0]))
                .setCiphers(cipherSuites.toArray(new String[0]))
                .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH)
                .setHostnameVerifier(verifier)
                .buildClassic();
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(new HandshakeDeadline(tls, s.handshakeTimeout()))
                .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(timeout(s.handshakeTimeout())).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout(s.connectTimeout()))
                        .setSocketTimeout(timeout(s.responseTimeout()))
                        .build())
                .setMaxConnTotal(s.maxConnections())
                .setMaxConnPerRoute(s.maxConnections());
        if (dns != null) {
            pool.setDnsResolver(dns);
        }
        return HttpClients.custom()
                .setConnectionManager(pool.build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                // A client certificate makes HttpClient 5 tag each pooled connection with the TLS
                // principal (its "user token") and lease it only to a request carrying the same
                // token; requests here carry none, so without this every request paid a new mutual
                // TLS handshake. One SpineHttp presents one identity, so the pool needs no state.
                // After an identity reload, kept-alive connections finish with the old certificate.
                .disableConnectionState()
                .setUserAgent(s.userAgent())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(timeout(s.responseTimeout()))
                        .setConnectionRequestTimeout(timeout(s.requestTimeout()))
                        .build())
                .build();
    }

    private static Timeout timeout(Duration d) {
        return Timeout.ofMilliseconds(d.toMillis());
    }

    /**
     * Turns a read timeout during the handshake into a {@link SpineHttp.HandshakeTimeoutException}.
     * HttpClient 5.5.1's connection operator rewraps every {@code SocketTimeoutException} from
     * connecting or upgrading as a {@code ConnectTimeoutException} without a cause, so a handshake
     * timeout would read as a connect timeout; this exception is not a {@code SocketTimeoutException},
     * so it passes through as it is ({@code ConnectExceptionSupport.enhance}, read from the 5.5.1 jar).
     */
    record HandshakeDeadline(TlsSocketStrategy delegate, Duration timeout) implements TlsSocketStrategy {
        @Override
        public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
                throws IOException {
            try {
                return delegate.upgrade(socket, target, port, attachment, context);
            } catch (SocketTimeoutException e) {
                throw new SpineHttp.HandshakeTimeoutException(target + ":" + port, timeout, e);
            }
        }
    }
}
