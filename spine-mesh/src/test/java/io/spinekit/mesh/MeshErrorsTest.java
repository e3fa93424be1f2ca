package io.spinekit.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MeshErrorsTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheV2DetailOfTheSandboxsUnregisteredRecipient() {
        MeshException e = MeshErrors.status("send", 417,
                b("{\"detail\":[{\"event\":\"SEND\",\"code\":\"12\",\"msg\":\"Unregistered to address\"}]}"), 1, null);
        assertThat(e.reason()).isEqualTo(MeshException.Reason.REJECTED);
        assertThat(e.httpStatus()).isEqualTo(417);
        assertThat(e.meshCode()).contains("12");
        assertThat(e.meshDescription()).contains("Unregistered to address");
        assertThat(e.getMessage()).isEqualTo("MESH answered HTTP 417 to the send, error code \"12\": "
                + "\"Unregistered to address\". The recipient mailbox is not registered: check the mailbox id, or "
                + "find it with endpoint lookup (ODS code and workflow id).");
    }

    @Test
    void readsTheV1ErrorFields() {
        MeshException e = MeshErrors.status("send", 417,
                b("{\"messageID\":\"x\",\"errorEvent\":\"SEND\",\"errorCode\":\"02\",\"errorDescription\":\"Data file is missing\"}"),
                1, null);
        assertThat(e.meshCode()).contains("02");
        assertThat(e.meshDescription()).contains("Data file is missing");
        assertThat(e.getMessage()).contains("send some data");
    }

    @Test
    void readsAValidationErrorWithItsLocation() {
        MeshException e = MeshErrors.status("send", 400, b("{\"detail\":[{\"loc\":[\"header\",\"mex-workflowid\"],"
                + "\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}"), 1, null);
        assertThat(e.meshDescription()).contains("header.mex-workflowid: field required");
        assertThat(e.meshCode()).isEmpty();
    }

    @Test
    void excerptsAnXmlServerErrorAndSaysToTryLater() {
        MeshException e = MeshErrors.status("inbox list", 500, b("<soap:Envelope>\n  <fault>boom</fault>"), 4, null);
        assertThat(e.reason()).isEqualTo(MeshException.Reason.HTTP_STATUS);
        assertThat(e.meshCode()).isEmpty();
        assertThat(e.getMessage()).contains("(after 4 attempts)").contains("body starts \"<soap:Envelope> <fault>")
                .contains("try again later");
    }

    @Test
    void forbiddenSaysWhatToCheck() {
        MeshException e = MeshErrors.status("handshake", 403,
                b("{\"detail\":[{\"event\":\"\",\"code\":\"\",\"msg\":\"Invalid Authentication Token\"}]}"), 1, null);
        assertThat(e.reason()).isEqualTo(MeshException.Reason.FORBIDDEN);
        assertThat(e.meshCode()).isEmpty();
        assertThat(e.getMessage()).contains("shared key").contains("within 2 hours of UTC");
    }
}
