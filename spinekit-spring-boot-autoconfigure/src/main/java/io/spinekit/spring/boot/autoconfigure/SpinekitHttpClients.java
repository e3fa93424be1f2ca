package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.tls.SpineTlsContext;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * HttpClient 5 builders for your own Spine calls: mutual TLS with the Spine TLS context (strict
 * protocols and suites, host names checked), connect, handshake, read and pool-wait deadlines,
 * pooled connections reused across requests (connection state off), then every
 * {@link SpinekitHttpClientCustomizer} bean. The clients you build are yours to close.
 */
public final class SpinekitHttpClients {
    /** The connect deadline of a new client: 10 seconds. */
    public static final long CONNECT_TIMEOUT_SECONDS = 10;
    /** The read deadline (each wait for data) of a new client: 30 seconds. */
    public static final long RESPONSE_TIMEOUT_SECONDS = 30;
    /** The TLS handshake deadline of a new connection: 10 seconds. */
    public static final long HANDSHAKE_TIMEOUT_SECONDS = 10;
    /** How long a request waits for a pooled connection: 10 seconds (HttpClient's own default is 3 minutes). */
    public static final long POOL_TIMEOUT_SECONDS = 10;

    private final SpineTlsContext tls;
    private final List<SpinekitHttpClientCustomizer> customizers;

    /**
     * Builders on a TLS context.
     *
     * @param tls the Spine TLS context
     * @param customizers applied to every builder, in order
     */
    public SpinekitHttpClients(SpineTlsContext tls, List<SpinekitHttpClientCustomizer> customizers) {
        this.tls = Objects.requireNonNull(tls, "tls");
        this.customizers = List.copyOf(customizers);
    }

    /**
     * A new builder: the Spine connection manager, deadlines, then the customizers.
     *
     * @return the builder
     */
    public HttpClientBuilder builder() {
        Timeout connect = Timeout.of(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Timeout read = Timeout.of(RESPONSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        HttpClientBuilder b = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(tls.httpClientTlsStrategy())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(read).build())
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(read).build())
                        .setDefaultTlsConfig(TlsConfig.custom()
                                .setHandshakeTimeout(Timeout.of(HANDSHAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).build())
                        .build())
                // one client certificate per client: without this, HttpClient tags each connection with the
                // TLS principal and never reuses it for a request without that state (a handshake per call)
                .disableConnectionState()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read)
                        .setConnectionRequestTimeout(Timeout.of(POOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)).build());
        for (SpinekitHttpClientCustomizer c : customizers) {
            c.customize(b);
        }
        return b;
    }
}
