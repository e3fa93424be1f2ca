package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.env.Asid;
import io.spinekit.env.PartyKey;
import io.spinekit.messaging.InMemoryMessageStore;
import io.spinekit.messaging.InboundHandler;
import io.spinekit.messaging.InboundServer;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.tls.SpineTlsContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Spine messaging from {@code spinekit.messaging.*}, configured when {@code party-key} is set: the
 * {@link MessageStore} (yours, or one in memory), the {@link MessageTracker} that watches it for
 * metrics and health, {@link SpineMessaging} (routes from {@link SpinekitRoutes} when SDS is
 * configured), the {@link InboundHandler} and, with {@code inbound.enabled=true}, an
 * {@link InboundServer} on the Spine TLS context.
 */
@AutoConfiguration(after = {SpinekitAutoConfiguration.class, SpinekitSdsAutoConfiguration.class})
@ConditionalOnClass(SpineMessaging.class)
@ConditionalOnBean({SpineTlsContext.class, SpinekitEvents.class})
@ConditionalOnProperty(prefix = "spinekit.messaging", name = "party-key")
@EnableConfigurationProperties(SpinekitMessagingProperties.class)
public class SpinekitMessagingAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(SpinekitMessagingAutoConfiguration.class);
    private static final String P = "spinekit.messaging.";
    private static final String RANGE = "a duration between 1 ms and 5 minutes";

    /** Created by Spring. */
    public SpinekitMessagingAutoConfiguration() {
    }

    /**
     * A message store in memory, when you define none: nothing survives a restart.
     *
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean
    public MessageStore spinekitMessageStore() {
        LOG.warn("spinekit messaging keeps message state in memory: reliable messages in flight are lost on restart."
                + " Define a MessageStore bean for a durable store.");
        return new InMemoryMessageStore();
    }

    /**
     * Watches the store for metrics and the message store health.
     *
     * @param store the store
     * @param events where state changes go
     * @return the tracker
     */
    @Bean
    @ConditionalOnMissingBean
    public MessageTracker spinekitMessageTracker(MessageStore store, SpinekitEvents events) {
        return new MessageTracker(store, events, Clock.systemUTC());
    }

    /**
     * The messaging client; closed on shutdown.
     *
     * @param tls the Spine TLS context
     * @param p the properties
     * @param tracker the watched store
     * @param routes route look-ups, when SDS is configured
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public SpineMessaging spineMessaging(SpineTlsContext tls, SpinekitMessagingProperties p, MessageTracker tracker,
            ObjectProvider<SpinekitRoutes> routes) {
        SpineMessaging.Builder b = SpineMessaging.builder().tls(tls).fromPartyKey(partyKey(p)).store(tracker.store());
        if (p.asid() != null) {
            b.fromAsid(Props.apply(P + "asid", p.asid(), "an ASID of 12 digits, such as 200000000001",
                    "Set it to your accredited system's ASID (from SDS).", () -> Asid.of(p.asid())));
        }
        SpinekitRoutes r = routes.getIfAvailable();
        if (r != null) {
            b.routeResolver(r);
        }
        Props.apply(P + "connect-timeout", p.connectTimeout(), RANGE, "Set it to 10s, say.",
                () -> b.connectTimeout(p.connectTimeout()));
        Props.apply(P + "handshake-timeout", p.handshakeTimeout(), RANGE, "Set it to 10s, say.",
                () -> b.handshakeTimeout(p.handshakeTimeout()));
        Props.apply(P + "response-timeout", p.responseTimeout(), RANGE, "Set it to 30s, say.",
                () -> b.responseTimeout(p.responseTimeout()));
        Props.apply(P + "request-timeout", p.requestTimeout(), RANGE, "Set it to 60s, say.",
                () -> b.requestTimeout(p.requestTimeout()));
        Props.apply(P + "max-concurrent-sends", p.maxConcurrentSends(), "at least 1", "Set it to 16, say.",
                () -> b.maxConcurrentSends(p.maxConcurrentSends()));
        return b.build();
    }

    private static PartyKey partyKey(SpinekitMessagingProperties p) {
        return Props.apply(P + "party-key", p.partyKey(), "your MHS's party key, an ODS code, a hyphen and digits,"
                + " such as X99-123456", "Set it to the party key SDS holds for your MHS.", () -> PartyKey.of(p.partyKey()));
    }

    /**
     * The inbound handler: answers what Spine posts (acknowledgements, responses), correlates with the
     * store, and hands each new message to the {@link SpinekitInboundListener} beans.
     *
     * @param p the properties
     * @param tracker the watched store (shared with the messaging client)
     * @param listeners the listeners
     * @return the handler
     */
    @Bean
    @ConditionalOnMissingBean
    public InboundHandler spinekitInboundHandler(SpinekitMessagingProperties p, MessageTracker tracker,
            ObjectProvider<SpinekitInboundListener> listeners) {
        List<SpinekitInboundListener> all = listeners.orderedStream().toList();
        InboundHandler.Builder b = InboundHandler.builder().partyKey(partyKey(p)).store(tracker.store());
        Props.apply(P + "inbound.persist-duration", p.inbound().persistDuration(), "a positive duration",
                "Set it to 1h, say.", () -> b.persistDuration(p.inbound().persistDuration()));
        if (!all.isEmpty()) {
            b.listener(m -> all.forEach(l -> l.received(m)));
        }
        return b.build();
    }

    /**
     * The inbound HTTPS server, started; stopped gracefully on shutdown.
     *
     * @param tls the Spine TLS context (its certificate is the server's, its trust the Spine chain)
     * @param handler the handler
     * @param p the properties
     * @return the started server
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "spinekit.messaging.inbound", name = "enabled")
    public InboundServer spinekitInboundServer(SpineTlsContext tls, InboundHandler handler, SpinekitMessagingProperties p) {
        SpinekitMessagingProperties.Inbound in = p.inbound();
        InboundServer.Builder b = InboundServer.builder().tls(tls).handler(handler);
        if (in.address() != null) {
            try {
                b.address(InetAddress.getByName(in.address()));
            } catch (UnknownHostException e) {
                throw new SpinekitConfigurationException(P + "inbound.address", in.address(), "a local address or"
                        + " host name", "Set an address of this machine, such as 0.0.0.0, or remove it.", e);
            }
        }
        Props.apply(P + "inbound.port", in.port(), "a port from 0 to 65535", "Set it to 443, or 0 for any.",
                () -> b.port(in.port()));
        Props.apply(P + "inbound.threads", in.threads(), "at least 1", "Set it to 8, say.",
                () -> b.threads(in.threads()));
        Props.apply(P + "inbound.grace-period", in.gracePeriod(), "zero or a positive duration", "Set it to 2s.",
                () -> b.gracePeriod(in.gracePeriod()));
        return Props.apply(P + "inbound.port", in.port(), "a port this process can listen on",
                "Choose a free port (or stop what holds it); ports below 1024 need privileges.", () -> b.build().start());
    }
}
