package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.tls.SpineTlsContext;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** {@link SpinekitHttpClients}, when Apache HttpClient 5 is on the class path. */
@AutoConfiguration(after = SpinekitAutoConfiguration.class)
@ConditionalOnClass(HttpClientBuilder.class)
@ConditionalOnBean(SpineTlsContext.class)
public class SpinekitHttpClientAutoConfiguration {

    /** Created by Spring. */
    public SpinekitHttpClientAutoConfiguration() {
    }

    /**
     * HttpClient 5 builders on the Spine TLS context.
     *
     * @param tls the Spine TLS context
     * @param customizers the customizer beans
     * @return the builders
     */
    @Bean
    @ConditionalOnMissingBean
    public SpinekitHttpClients spinekitHttpClients(SpineTlsContext tls,
            ObjectProvider<SpinekitHttpClientCustomizer> customizers) {
        return new SpinekitHttpClients(tls, customizers.orderedStream().toList());
    }
}
