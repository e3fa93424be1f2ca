package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.env.Asid;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.SdsClient;
import io.spinekit.messaging.InMemoryMessageStore;
import io.spinekit.messaging.InboundHandler;
import io.spinekit.messaging.InboundServer;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.tls.SpineTlsContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import javax.sql.DataSource;
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
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * Spine messaging from {@code spinekit.messaging.*}, configured when {@code party-key} is set: the
 * {@link MessageStore} (yours; else in memory when {@code store.in-memory=true}; else, with
 * spine-message-store, a {@code JdbcMessageStore} on {@code store.url}, over your {@code DataSource}
 * bean, or spine-message-store's default; without it start-up fails and says what to set), the
 * {@link MessageTracker} (the client's send listener) for metrics and health, {@link SpineMessaging}
 * (routes from the {@code SdsClient} when SDS is configured), the {@link InboundHandler} and, with
 * {@code inbound.enabled=true}, an {@link InboundServer} on the Spine TLS context.
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
    private static final String JDBC_STORE = "io.spinekit.messaging.store.JdbcMessageStore";

    /** Created by Spring. */
    public SpinekitMessagingAutoConfiguration() {
    }

    /**
     * The message store, when you define none: in memory when {@code spinekit.messaging.store.in-memory=true};
     * else, with spine-message-store on the class path, a {@code JdbcMessageStore} on
     * {@code spinekit.messaging.store.url}, over the application's {@code DataSource}, or
     * spine-message-store's default; else start-up fails and says what to add. Closed on shutdown (a
     * {@code DataSource} of yours is left open).
     *
     * @param p the properties
     * @param dataSource the application's data source, if it has one
     * @param context the context (its class loader says whether spine-message-store is there)
     * @return the store
     * @throws SpinekitConfigurationException when no store can be made
     */
    @Bean
    @ConditionalOnMissingBean
    public MessageStore spinekitMessageStore(SpinekitMessagingProperties p, ObjectProvider<DataSource> dataSource,
            ResourceLoader context) {
        if (p.store().inMemory()) {
            return inMemory(p.store());
        }
        if (ClassUtils.isPresent(JDBC_STORE, context.getClassLoader())) {
            return SpinekitMessageStores.open(p.store(), dataSource.getIfUnique());
        }
        boolean url = p.store().url() != null;
        throw new SpinekitConfigurationException(url ? P + "store.url" : P + "store.in-memory",
                url ? describe(p.store().url()) : "false",
                "a durable message store: io.spinekit:spine-message-store on the class path (with a DataSource"
                        + " bean or " + P + "store.url), or your own MessageStore bean",
                "Add io.spinekit:spine-message-store, or define a MessageStore bean, or set " + P
                        + "store.in-memory=true to accept that undelivered reliable messages are lost on restart.",
                null);
    }

    /** A JDBC URL without its parameters (where a password may be), at most 200 characters. */
    static String describe(String url) {
        int q = url.indexOf('?');
        int semi = url.indexOf(';');
        int cut = q < 0 ? semi : semi < 0 ? q : Math.min(q, semi);
        String shown = cut < 0 ? url : url.substring(0, cut) + "...";
        return shown.length() > 200 ? shown.substring(0, 200) + "..." : shown;
    }

    static MessageStore inMemory(SpinekitMessagingProperties.Store p) {
        if (p.url() != null) {
            throw new SpinekitConfigurationException(P + "store.in-memory", "true", "one message store, but both "
                    + P + "store.in-memory and " + P + "store.url are set", "Remove one of them.", null);
        }
        LOG.warn("spinekit messaging keeps message state in memory ({}store.in-memory=true): reliable messages in"
                + " flight are lost on restart.", P);
        return new InMemoryMessageStore();
    }

    /**
     * The send listener that feeds the metrics and the message store health.
     *
     * @param events where message events go
     * @return the tracker
     */
    @Bean
    @ConditionalOnMissingBean
    public MessageTracker spinekitMessageTracker(SpinekitEvents events) {
        return new MessageTracker(events);
    }

    /**
     * The messaging client; closed on shutdown.
     *
     * @param tls the Spine TLS context
     * @param p the properties
     * @param store the message store
     * @param tracker the send listener for metrics and health
     * @param sds route look-ups, when SDS is configured
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public SpineMessaging spineMessaging(SpineTlsContext tls, SpinekitMessagingProperties p, MessageStore store,
            MessageTracker tracker, ObjectProvider<SdsClient> sds) {
        SpineMessaging.Builder b = SpineMessaging.builder().tls(tls).fromPartyKey(partyKey(p)).store(store)
                .sendListener(tracker);
        if (p.asid() != null) {
            b.fromAsid(Props.apply(P + "asid", p.asid(), "an ASID of 12 digits, such as 200000000001",
                    "Set it to your accredited system's ASID (from SDS).", () -> Asid.of(p.asid())));
        }
        SdsClient client = sds.getIfAvailable();
        if (client != null) {
            b.routeResolver(client::route);
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
     * @param store the message store (shared with the messaging client)
     * @param listeners the listeners
     * @return the handler
     */
    @Bean
    @ConditionalOnMissingBean
    public InboundHandler spinekitInboundHandler(SpinekitMessagingProperties p, MessageStore store,
            ObjectProvider<SpinekitInboundListener> listeners) {
        List<SpinekitInboundListener> all = listeners.orderedStream().toList();
        InboundHandler.Builder b = InboundHandler.builder().partyKey(partyKey(p)).store(store);
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
        Props.apply(P + "inbound.request-timeout", in.requestTimeout(), "a duration from 1ms to 1h",
                "Set it to 30s (the default).", () -> b.requestTimeout(in.requestTimeout()));
        return Props.apply(P + "inbound.port", in.port(), "a port this process can listen on",
                "Choose a free port (or stop what holds it); ports below 1024 need privileges.", () -> b.build().start());
    }
}
