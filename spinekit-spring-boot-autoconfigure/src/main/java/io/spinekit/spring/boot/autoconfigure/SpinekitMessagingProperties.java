package io.spinekit.spring.boot.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code spinekit.messaging.*} properties: {@code SpineMessaging} (ebXML and synchronous SOAP sends) and the inbound handler and server. */
@ConfigurationProperties("spinekit.messaging")
public class SpinekitMessagingProperties {
    /** Your MHS's party key, such as X99-123456 (the sender; also the party key inbound messages must be addressed to). Messaging is configured only when it is set. */
    private String partyKey;

    /** Your accredited system id (12 digits), for synchronous SOAP requests. */
    private String asid;

    /** TCP connect timeout. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** TLS handshake timeout. */
    private Duration handshakeTimeout = Duration.ofSeconds(10);

    /** The longest wait for each read of an answer. */
    private Duration responseTimeout = Duration.ofSeconds(30);

    /** The longest a whole exchange may take. */
    private Duration requestTimeout = Duration.ofSeconds(60);

    /** Concurrent sends (threads and pooled connections). */
    private int maxConcurrentSends = 16;

    private final Inbound inbound = new Inbound();

    /**
     * Returns: your MHS's party key, such as X99-123456 (the sender.
     *
     * @return the value
     */
    public String getPartyKey() {
        return partyKey;
    }

    /**
     * Sets: your MHS's party key, such as X99-123456 (the sender.
     *
     * @param partyKey the value
     */
    public void setPartyKey(String partyKey) {
        this.partyKey = partyKey;
    }

    /**
     * Returns: your accredited system id (12 digits), for synchronous SOAP requests.
     *
     * @return the value
     */
    public String getAsid() {
        return asid;
    }

    /**
     * Sets: your accredited system id (12 digits), for synchronous SOAP requests.
     *
     * @param asid the value
     */
    public void setAsid(String asid) {
        this.asid = asid;
    }

    /**
     * Returns: tCP connect timeout.
     *
     * @return the value
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets: tCP connect timeout.
     *
     * @param connectTimeout the value
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * Returns: tLS handshake timeout.
     *
     * @return the value
     */
    public Duration getHandshakeTimeout() {
        return handshakeTimeout;
    }

    /**
     * Sets: tLS handshake timeout.
     *
     * @param handshakeTimeout the value
     */
    public void setHandshakeTimeout(Duration handshakeTimeout) {
        this.handshakeTimeout = handshakeTimeout;
    }

    /**
     * Returns: the longest wait for each read of an answer.
     *
     * @return the value
     */
    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * Sets: the longest wait for each read of an answer.
     *
     * @param responseTimeout the value
     */
    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    /**
     * Returns: the longest a whole exchange may take.
     *
     * @return the value
     */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * Sets: the longest a whole exchange may take.
     *
     * @param requestTimeout the value
     */
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /**
     * Returns: concurrent sends (threads and pooled connections).
     *
     * @return the value
     */
    public int getMaxConcurrentSends() {
        return maxConcurrentSends;
    }

    /**
     * Sets: concurrent sends (threads and pooled connections).
     *
     * @param maxConcurrentSends the value
     */
    public void setMaxConcurrentSends(int maxConcurrentSends) {
        this.maxConcurrentSends = maxConcurrentSends;
    }

    /**
     * The inbound server: where Spine posts acknowledgements and asynchronous responses.
     *
     * @return the settings
     */
    public Inbound getInbound() {
        return inbound;
    }

    /** The inbound server: where Spine posts acknowledgements and asynchronous responses. */
    public static class Inbound {
        /** Whether to start an InboundServer (HTTPS, client certificate required, on the Spine TLS context). */
        private boolean enabled = false;

        /** The port; 0 takes a free one. */
        private int port = 443;

        /** The address to bind; default all. */
        private String address;

        /** Handler threads. */
        private int threads = 8;

        /** How long close() lets exchanges in flight finish. */
        private Duration gracePeriod = Duration.ofSeconds(2);

        /** How long a received MessageId is remembered for duplicate elimination. */
        private Duration persistDuration = Duration.ofHours(1);

        /**
         * Returns: whether to start an InboundServer (HTTPS, client certificate required, on the Spine TLS context).
         *
         * @return the value
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets: whether to start an InboundServer (HTTPS, client certificate required, on the Spine TLS context).
         *
         * @param enabled the value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns: the port.
         *
         * @return the value
         */
        public int getPort() {
            return port;
        }

        /**
         * Sets: the port.
         *
         * @param port the value
         */
        public void setPort(int port) {
            this.port = port;
        }

        /**
         * Returns: the address to bind.
         *
         * @return the value
         */
        public String getAddress() {
            return address;
        }

        /**
         * Sets: the address to bind.
         *
         * @param address the value
         */
        public void setAddress(String address) {
            this.address = address;
        }

        /**
         * Returns: handler threads.
         *
         * @return the value
         */
        public int getThreads() {
            return threads;
        }

        /**
         * Sets: handler threads.
         *
         * @param threads the value
         */
        public void setThreads(int threads) {
            this.threads = threads;
        }

        /**
         * Returns: how long close() lets exchanges in flight finish.
         *
         * @return the value
         */
        public Duration getGracePeriod() {
            return gracePeriod;
        }

        /**
         * Sets: how long close() lets exchanges in flight finish.
         *
         * @param gracePeriod the value
         */
        public void setGracePeriod(Duration gracePeriod) {
            this.gracePeriod = gracePeriod;
        }

        /**
         * Returns: how long a received MessageId is remembered for duplicate elimination.
         *
         * @return the value
         */
        public Duration getPersistDuration() {
            return persistDuration;
        }

        /**
         * Sets: how long a received MessageId is remembered for duplicate elimination.
         *
         * @param persistDuration the value
         */
        public void setPersistDuration(Duration persistDuration) {
            this.persistDuration = persistDuration;
        }

    }


}
