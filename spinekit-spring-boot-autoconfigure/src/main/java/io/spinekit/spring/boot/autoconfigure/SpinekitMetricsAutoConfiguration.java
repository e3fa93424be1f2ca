package io.spinekit.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.spinekit.tls.SpineTlsContext;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The spinekit meters ({@link SpinekitMetrics}), when Micrometer is on the class path. */
@AutoConfiguration(after = {SpinekitAutoConfiguration.class, SpinekitSdsAutoConfiguration.class,
        SpinekitMessagingAutoConfiguration.class})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({SpineTlsContext.class, SpinekitEvents.class})
public class SpinekitMetricsAutoConfiguration {

    /** Created by Spring. */
    public SpinekitMetricsAutoConfiguration() {
    }

    /**
     * The meter binder; Boot binds it to the application's registry.
     *
     * @param tls the Spine TLS context
     * @param sds the SDS client, when configured (looked up by name so spine-ldap stays optional)
     * @param events the events
     * @return the binder
     */
    @Bean
    @ConditionalOnMissingBean
    public SpinekitMetrics spinekitMetrics(SpineTlsContext tls, ObjectProvider<io.spinekit.ldap.SdsClient> sds,
            SpinekitEvents events) {
        return new SpinekitMetrics(tls, sds.getIfAvailable(), events, Clock.systemUTC());
    }
}
