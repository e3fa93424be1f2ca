package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.env.EnvironmentProfile;
import io.spinekit.ldap.SdsClient;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.spring.boot.autoconfigure.health.CertificateHealthIndicator;
import io.spinekit.spring.boot.autoconfigure.health.MaintenanceHealthIndicator;
import io.spinekit.spring.boot.autoconfigure.health.MessageStoreHealthIndicator;
import io.spinekit.spring.boot.autoconfigure.health.SdsHealthIndicator;
import io.spinekit.tls.SpineTlsContext;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The spinekit health contributors, when Boot's health module is on the class path. Each can be
 * turned off with {@code management.health.<name>.enabled=false} (names below) and replaced by a
 * bean of the same name.
 */
@AutoConfiguration(after = {SpinekitAutoConfiguration.class, SpinekitSdsAutoConfiguration.class,
        SpinekitMessagingAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(SpineTlsContext.class)
public class SpinekitHealthAutoConfiguration {

    /** Created by Spring. */
    public SpinekitHealthAutoConfiguration() {
    }

    /**
     * {@code spinekitCertificate} ({@code management.health.spinekit-certificate.enabled}).
     *
     * @param tls the Spine TLS context
     * @param properties the properties (the warning threshold)
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "spinekitCertificateHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("spinekit-certificate")
    public HealthIndicator spinekitCertificateHealthIndicator(SpineTlsContext tls, SpinekitProperties properties) {
        return new CertificateHealthIndicator(tls, properties.tls().expiryWarning(), Clock.systemUTC());
    }

    /**
     * {@code spinekitMaintenance} ({@code management.health.spinekit-maintenance.enabled}).
     *
     * @param profile the environment
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "spinekitMaintenanceHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("spinekit-maintenance")
    public HealthIndicator spinekitMaintenanceHealthIndicator(EnvironmentProfile profile) {
        return new MaintenanceHealthIndicator(profile, Clock.systemUTC());
    }

    /** {@code spinekitSds}, when an SDS client is configured. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SdsClient.class)
    @ConditionalOnBean(SdsClient.class)
    static class Sds {
        /**
         * {@code spinekitSds} ({@code management.health.spinekit-sds.enabled}).
         *
         * @param sds the client
         * @param tls the Spine TLS context
         * @param p the SDS properties (check deadline and reuse)
         * @return the indicator
         */
        @Bean
        @ConditionalOnMissingBean(name = "spinekitSdsHealthIndicator")
        @ConditionalOnEnabledHealthIndicator("spinekit-sds")
        HealthIndicator spinekitSdsHealthIndicator(SdsClient sds, SpineTlsContext tls, SpinekitSdsProperties p) {
            Props.positive("spinekit.sds.health.timeout", p.health().timeout());
            return new SdsHealthIndicator(sds, tls, p.health().timeout(), p.health().cacheFor(),
                    System::nanoTime);
        }
    }

    /** {@code spinekitMessageStore}, when messaging is configured. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SpineMessaging.class)
    @ConditionalOnBean(MessageTracker.class)
    static class Messages {
        /**
         * {@code spinekitMessageStore} ({@code management.health.spinekit-message-store.enabled}).
         *
         * @param store the message store
         * @param tracker the messaging client's send listener
         * @return the indicator
         */
        @Bean
        @ConditionalOnMissingBean(name = "spinekitMessageStoreHealthIndicator")
        @ConditionalOnEnabledHealthIndicator("spinekit-message-store")
        HealthIndicator spinekitMessageStoreHealthIndicator(io.spinekit.messaging.MessageStore store,
                MessageTracker tracker) {
            return new MessageStoreHealthIndicator(store, tracker);
        }
    }
}
