package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.tls.SpineTlsContext;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * HttpClient 5 builders for your own Spine calls: mutual TLS with the Spine TLS context (strict
 * protocols and suites, host names checked), connect and read deadlines, then every
 * {@link SpinekitHttpClientCustomizer} bean. The clients you build are yours to close.
 */
public final class SpinekitHttpClients {
    /** The connect deadline of a new client: 10 seconds. */
    public static final long CONNECT_TIMEOUT_SECONDS = 10;
    /** The read deadline (each wait for data) of a new client: 30 seconds. */
    public static final long RESPONSE_TIMEOUT_SECONDS = 30;

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
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).build());
        for (SpinekitHttpClientCustomizer c : customizers) {
            c.customize(b);
        }
        return b;
    }
}
