package io.spinekit.ldap;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The ebXML reliability settings of an MHS record. Every one is optional in SDS (a {@code MAY}
 * attribute of {@code nhsMhs}); an attribute the record does not have is empty here, never guessed.
 *
 * @param persistDuration how long the receiver keeps a message for duplicate elimination
 *        ({@code nhsMhsPersistDuration}, ISO 8601 such as {@code PT5M})
 * @param retryInterval how long to wait before resending ({@code nhsMhsRetryInterval}, ISO 8601)
 * @param retries how many times to resend ({@code nhsMhsRetries})
 * @param ackRequested whether an acknowledgement is requested ({@code nhsMhsAckRequested})
 * @param duplicateElimination whether duplicates are eliminated ({@code nhsMhsDuplicateElimination})
 * @param syncReplyMode the synchronous reply mode ({@code nhsMhsSyncReplyMode})
 * @param actor who acknowledges ({@code nhsMhsActor})
 */
public record Reliability(Optional<Duration> persistDuration, Optional<Duration> retryInterval,
        Optional<Integer> retries, Optional<AlwaysOrNever> ackRequested, Optional<AlwaysOrNever> duplicateElimination,
        Optional<SyncReplyMode> syncReplyMode, Optional<Actor> actor) {

    /** Settings with nothing set. */
    public static final Reliability NONE = new Reliability(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Checks that no component is {@code null}.
     *
     * @param persistDuration persist duration
     * @param retryInterval retry interval
     * @param retries retries
     * @param ackRequested ack requested
     * @param duplicateElimination duplicate elimination
     * @param syncReplyMode sync reply mode
     * @param actor actor
     */
    public Reliability {
        Objects.requireNonNull(persistDuration, "persistDuration");
        Objects.requireNonNull(retryInterval, "retryInterval");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(ackRequested, "ackRequested");
        Objects.requireNonNull(duplicateElimination, "duplicateElimination");
        Objects.requireNonNull(syncReplyMode, "syncReplyMode");
        Objects.requireNonNull(actor, "actor");
    }

    /**
     * Whether the record asks for reliable delivery: an acknowledgement is requested.
     *
     * @return {@code true} when {@code nhsMhsAckRequested} is {@code always}
     */
    public boolean reliable() {
        return ackRequested.orElse(AlwaysOrNever.NEVER) == AlwaysOrNever.ALWAYS;
    }
}
