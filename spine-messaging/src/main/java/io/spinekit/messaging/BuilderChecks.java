package io.spinekit.messaging;

import io.spinekit.core.Text;
import io.spinekit.env.PartyKey;
import io.spinekit.tls.SpineTlsContext;
import java.time.Duration;
import java.util.Objects;

/** The checks of {@link SpineMessaging.Builder}: each refusal names the setting, the value and what is expected. */
final class BuilderChecks {
    private BuilderChecks() {
    }

    static void required(SpineTlsContext tls, PartyKey fromPartyKey) {
        if (tls == null) {
            throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "no TLS context: set "
                    + "tls(SpineTlsContext) with the environment's trust and your endpoint certificate");
        }
        if (fromPartyKey == null) {
            throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "no party key: set "
                    + "fromPartyKey(PartyKey) to your MHS's party key (from SDS, nhsMhsPartyKey)");
        }
    }

    /** A lease, when set, must cover a whole attempt: the request timeout times the transport tries. */
    static void lease(Duration lease, Duration requestTimeout, int transportRetries) {
        Duration attempt = requestTimeout.multipliedBy(transportRetries + 1L);
        if (lease != null && lease.compareTo(attempt) < 0) {
            throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, "lease is "
                    + Text.quote(lease.toString()) + ": expected at least " + attempt + " (the request timeout "
                    + "times the transport tries), so no other client takes a message while it is being sent");
        }
    }

    static Duration duration(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, name + " is "
                    + Text.quote(value.toString()) + ": expected 1 ms to 5 minutes");
        }
        return value;
    }

    static int positive(String name, int value) {
        if (value < 1) {
            throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, name + " is " + value
                    + ": expected at least 1");
        }
        return value;
    }

    static int notNegative(String name, int value) {
        if (value < 0) {
            throw new MessagingException(MessagingException.Reason.INVALID_ARGUMENT, name + " is " + value
                    + ": expected 0 or more");
        }
        return value;
    }
}
