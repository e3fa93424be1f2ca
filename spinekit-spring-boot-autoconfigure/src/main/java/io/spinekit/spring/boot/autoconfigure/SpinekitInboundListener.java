package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.messaging.InboundMessage;

/**
 * A bean that receives each new inbound Spine message (once per MessageId) from the auto-configured
 * {@code InboundHandler}. A listener that throws makes the handler answer HTTP 500 without an
 * acknowledgement, so Spine sends the message again.
 */
@FunctionalInterface
public interface SpinekitInboundListener {
    /**
     * A new message arrived.
     *
     * @param message the message, correlated with the store where it answers one we sent
     */
    void received(InboundMessage message);
}
