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
 */
@ConfigurationProperties("spinekit.messaging")
public record SpinekitMessagingProperties(String partyKey, String asid, @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("10s") Duration handshakeTimeout, @DefaultValue("30s") Duration responseTimeout,
        @DefaultValue("60s") Duration requestTimeout, @DefaultValue("16") int maxConcurrentSends,
        @DefaultValue Inbound inbound) {

    /**
     * The inbound server: where Spine posts acknowledgements and asynchronous responses.
     *
     * @param enabled Whether to start an InboundServer (HTTPS, client certificate required, on the Spine TLS context).
     * @param port The port; 0 takes a free one.
     * @param address The address to bind; default all.
     * @param threads Handler threads.
     * @param gracePeriod How long close() lets exchanges in flight finish.
     * @param persistDuration How long a received MessageId is remembered for duplicate elimination.
     */
    public record Inbound(@DefaultValue("false") boolean enabled, @DefaultValue("443") int port, String address,
            @DefaultValue("8") int threads, @DefaultValue("2s") Duration gracePeriod,
            @DefaultValue("1h") Duration persistDuration) {
    }
}
