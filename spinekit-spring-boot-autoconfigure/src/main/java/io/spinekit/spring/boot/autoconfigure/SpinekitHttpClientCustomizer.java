package io.spinekit.spring.boot.autoconfigure;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * A bean that adjusts every HttpClient 5 builder {@link SpinekitHttpClients#builder()} hands out
 * (interceptors, user agent, retry strategy...). The Spine TLS strategy is already set; do not
 * replace the connection manager unless you keep {@code SpineTlsContext.httpClientTlsStrategy()}.
 */
@FunctionalInterface
public interface SpinekitHttpClientCustomizer {
    /**
     * Adjusts a builder.
     *
     * @param builder the builder, with the Spine connection manager set
     */
    void customize(HttpClientBuilder builder);
}
