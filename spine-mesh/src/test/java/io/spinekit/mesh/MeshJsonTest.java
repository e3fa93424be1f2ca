package io.spinekit.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeshJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsV2Tracking() throws Exception {
        TrackingInfo t = MeshJson.tracking(JSON.readTree("{\"message_id\":\"20200601122152994285_D59900\","
                + "\"local_id\":\"l-1\",\"workflow_id\":\"TEST_WORKFLOW\",\"filename\":\"a.txt\","
                + "\"recipient\":\"X26ABC2\",\"status\":\"acknowledged\",\"status_success\":true,"
                + "\"status_code\":\"00\",\"upload_timestamp\":\"2024-01-15T12:30:00\",\"expiry_time\":\"20200606122153\"}"));
        assertThat(t).isEqualTo(new TrackingInfo("20200601122152994285_D59900", Optional.of("l-1"),
                Optional.of("TEST_WORKFLOW"), Optional.of("a.txt"), Optional.of("X26ABC2"), "acknowledged",
                Optional.of(true), Optional.of("00"), Optional.empty(), Optional.of("2024-01-15T12:30:00"),
                Optional.of("20200606122153")));
    }

    @Test
    void readsV1TrackingWithTitleCaseStatus() throws Exception {
        TrackingInfo t = MeshJson.tracking(JSON.readTree("{\"messageId\":\"ABC\",\"localId\":\"l-1\","
                + "\"status\":\"Accepted\",\"statusSuccess\":true}"));
        assertThat(t.messageId()).isEqualTo("ABC");
        assertThat(t.status()).isEqualTo("accepted");
        assertThat(t.localId()).contains("l-1");
    }

    @Test
    void trackingWithoutAnIdIsABadResponse() {
        assertThatThrownBy(() -> MeshJson.tracking(JSON.readTree("{\"status\":\"accepted\"}")))
                .isInstanceOfSatisfying(MeshException.class,
                        e -> assertThat(e.reason()).isEqualTo(MeshException.Reason.BAD_RESPONSE));
    }

    @Test
    void readsEndpointLookupInV2AndV1() throws Exception {
        assertThat(MeshJson.endpoints(JSON.readTree("{\"results\":[{\"mailbox_id\":\"X26ABC2\",\"mailbox_name\":\"B\"}]}")))
                .containsExactly(new MailboxEndpoint("X26ABC2", "B"));
        assertThat(MeshJson.endpoints(JSON.readTree("{\"query_id\":\"q\",\"results\":[{\"address\":\"X26ABC3\","
                + "\"description\":\"C\",\"endpoint_type\":\"MESH\"}]}")))
                .containsExactly(new MailboxEndpoint("X26ABC3", "C"));
    }

    @Test
    void messageIdsAndSegmentsThatWouldBreakAPathAreRefused() {
        assertThat(MeshIds.checkMessageId("20200601122152994285_D59900")).isEqualTo("20200601122152994285_D59900");
        for (String bad : new String[] {"", "a/b", "..", "a b", "x?y", "a\nb"}) {
            assertThatThrownBy(() -> MeshIds.checkMessageId(bad)).isInstanceOf(MeshException.class)
                    .hasMessageContaining("message id");
        }
        assertThat(MeshIds.checkMailbox("x26abc1")).isEqualTo("X26ABC1");
    }

    @Test
    void onlyNcrsHostsAreHscn() {
        assertThat(MeshHttp.isHscn("msg.int.spine2.ncrs.nhs.uk")).isTrue();
        assertThat(MeshHttp.isHscn("mesh-sync.national.ncrs.nhs.uk")).isTrue();
        assertThat(MeshHttp.isHscn("msg.intspineservices.nhs.uk")).isFalse();
        assertThat(MeshHttp.isHscn("localhost")).isFalse();
    }

    @Test
    void retryWaitsAreZeroThenDoubling() {
        assertThat(RetryPolicy.DEFAULT.delayBefore(1)).isZero();
        assertThat(RetryPolicy.DEFAULT.delayBefore(2)).hasSeconds(1);
        assertThat(RetryPolicy.DEFAULT.delayBefore(3)).hasSeconds(2);
        assertThatThrownBy(() -> new RetryPolicy(11, java.time.Duration.ZERO, java.time.Duration.ZERO,
                java.util.Set.of())).isInstanceOf(MeshException.class).hasMessageContaining("0 to 10");
    }

    @Test
    void outgoingHeadersAreBoundedAndPrintable() {
        assertThatThrownBy(() -> OutgoingMessage.to("X26ABC2", "W").subject("a\r\nmex-To: EVIL").build())
                .isInstanceOf(MeshException.class).hasMessageContaining("mex-Subject")
                .hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> OutgoingMessage.to("X".repeat(101), "W").build())
                .isInstanceOf(MeshException.class).hasMessageContaining("1 to 100");
    }
}
