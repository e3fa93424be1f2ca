package io.spinekit.spring.boot.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code spinekit.messaging.*} properties: {@code SpineMessaging} (ebXML and synchronous SOAP
 * sends) and the inbound handler and server.
 *
 * @param partyKey Your MHS's party key, such as X99-123456 (the sender; also the party key inbound
 *     messages must be addressed to). Messaging is configured only when it is set.
 * @param asid Your accredited system id (12 digits), for synchronous SOAP requests.
 * @param connectTimeout TCP connect timeout.
 * @param handshakeTimeout TLS handshake timeout.
 * @param responseTimeout The longest wait for each read of an answer.
 * @param requestTimeout The longest a whole exchange may take.
 * @param maxConcurrentSends Concurrent sends (threads and pooled connections).
 * @param inbound the inbound server
 * @param store the message store
 */
@ConfigurationProperties("spinekit.messaging")
public record SpinekitMessagingProperties(String partyKey, String asid, @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("10s") Duration handshakeTimeout, @DefaultValue("30s") Duration responseTimeout,
        @DefaultValue("60s") Duration requestTimeout, @DefaultValue("16") int maxConcurrentSends,
        @DefaultValue Inbound inbound, @DefaultValue Store store) {

    /**
     * The inbound server: where Spine posts acknowledgements and asynchronous responses.
     *
     * @param enabled Whether to start an InboundServer (HTTPS, client certificate required, on the Spine TLS context).
     * @param port The port; 0 takes a free one.
     * @param address The address to bind; default all.
     * @param threads Handler threads.
     * @param gracePeriod How long close() lets exchanges in flight finish.
     * @param requestTimeout How long one request may take to arrive (TLS handshake, headers, body) and its
     *     answer to be written; a stalled or trickling client is cut off after it. From 1ms to 1h.
     * @param persistDuration How long a received MessageId is remembered for duplicate elimination.
     */
    public record Inbound(@DefaultValue("false") boolean enabled, @DefaultValue("443") int port, String address,
            @DefaultValue("8") int threads, @DefaultValue("2s") Duration gracePeriod,
            @DefaultValue("30s") Duration requestTimeout, @DefaultValue("1h") Duration persistDuration) {
    }

    /**
     * Where message state is kept, unless you define a MessageStore bean: in order, in-memory when
     * asked for, a JdbcMessageStore on url (its own pool), a JdbcMessageStore over the
     * application's DataSource bean, then spine-message-store's default (an H2 file under
     * ~/.spinekit/message-store). The JDBC stores need io.spinekit:spine-message-store.
     *
     * @param url A JDBC URL (jdbc:postgresql://HOST/DB or jdbc:h2:file:PATH) for a JdbcMessageStore
     *     with its own connection pool; wins over a DataSource bean.
     * @param username The database user for url (or put it in the URL).
     * @param password The database password for url.
     * @param inMemory Keep message state in memory (InMemoryMessageStore): reliable messages not yet
     *     delivered are lost on restart. Only for tests and demonstrations.
     */
    public record Store(String url, String username, String password, @DefaultValue("false") boolean inMemory) {
        /**
         * Without the password.
         *
         * @return the settings, the password shown as {@code (secret)}
         */
        @Override
        public String toString() {
            return "Store[url=" + url + ", username=" + username + ", password=" + (password == null ? null
                    : "(secret)") + ", inMemory=" + inMemory + "]";
        }
    }
}
