package io.spinekit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The send events: the interaction of a stored message from its SOAPAction, the checks, a listener that throws. */
class SendEventsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void theInteractionOfAStoredMessageIsItsSoapActionWithTheSlashAsAColon() {
        assertThat(SendEvents.interactionOf(Map.of("SOAPAction", "urn:nhs:names:services:psis/REPC_IN150016UK05")))
                .isEqualTo("urn:nhs:names:services:psis:REPC_IN150016UK05");
        assertThat(SendEvents.interactionOf(Map.of("SOAPAction", "\"urn:nhs:names:services:gp2gp/RCMR_IN030000UK06\"")))
                .isEqualTo("urn:nhs:names:services:gp2gp:RCMR_IN030000UK06");
        assertThat(SendEvents.interactionOf(Map.of())).isEmpty();
    }

    @Test
    void anEndedEventCarriesItsOutcomeAndNoOtherDoes() {
        SendOutcome out = outcome();
        assertThatThrownBy(() -> new SendEvent(SendEvent.Kind.SENT, "M1", Workflow.RELIABLE, "i", 1, 0,
                Duration.ZERO, Optional.of(out))).isInstanceOf(MessagingException.class)
                .hasMessageContaining("a SENT event has an outcome: expected one exactly for ENDED");
        assertThatThrownBy(() -> new SendEvent(SendEvent.Kind.ENDED, "M1", Workflow.RELIABLE, "i", 1, 0,
                Duration.ZERO, Optional.empty())).isInstanceOf(MessagingException.class)
                .hasMessageContaining("a ENDED event lacks an outcome");
        assertThat(new SendEvent(SendEvent.Kind.RETRYING, "M1", Workflow.RELIABLE, "i", 1, 1, Duration.ofMillis(-5),
                Optional.empty()).latency()).isZero();
    }

    @Test
    void theEndedLatencyRunsFromTheStartOnTheClientsClockAndAThrowingListenerIsContained() {
        List<SendEvent> seen = new ArrayList<>();
        SendEvents events = new SendEvents(e -> {
            seen.add(e);
            throw new IllegalStateException("listener bug");
        }, java.time.Clock.fixed(T0.plusSeconds(3), ZoneOffset.UTC));

        events.ended("urn:nhs:names:services:psis:REPC_IN150016UK05", 2, T0, outcome());

        assertThat(seen).singleElement().satisfies(e -> {
            assertThat(e.latency()).isEqualTo(Duration.ofSeconds(3));
            assertThat(e.attempt()).isEqualTo(2);
            assertThat(e.posts()).isEqualTo(2);
        });
    }

    private static SendOutcome outcome() {
        return new SendOutcome("M1", "C1", Workflow.RELIABLE, SendOutcome.Outcome.ACKNOWLEDGED, 2, Optional.empty(),
                List.of(), List.of(), Optional.empty(), "");
    }
}
