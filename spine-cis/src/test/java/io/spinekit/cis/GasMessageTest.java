package io.spinekit.cis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GasMessageTest {
    private static final SsoTicket TICKET = SsoTicket.of("FIXTUREticketZm9yIHRlc3RzIG9ubHk=@AAJTSQACMDE=#");

    private static CisException refused(String xml) {
        return assertThrows(CisException.class, () -> GasMessage.parse(xml));
    }

    @Test
    void readsAnAuthvalidateAnswerWithItsDoctypeAndBareAmpersands() {
        GasMessage m = GasMessage.parse(SamlDocs.fixture("gas-authvalidate-response.xml"));
        GasAuthenticationResponse r = GasAuthenticationResponse.from(m);

        assertThat(m.service()).contains(GasService.AUTHENTICATION);
        assertThat(m.doctypeSystemId()).contains("https://gas.example.invalid/login/dtd");
        assertThat(m.params()).hasSize(17);
        assertThat(r).isEqualTo(new GasAuthenticationResponse(TICKET, Optional.of("EXAMPLE Alex Dr"),
                Optional.of(URI.create("https://gas.example.invalid/login/authlogout")),
                Optional.of(Duration.ofMinutes(10)), Optional.of(Duration.ofMinutes(10)), List.of(
                        new GasRole(0, "900000000201", "X99", "EXAMPLE FIXTURE NHS TRUST, \"Clinical\":"
                                + "\"Clinical Provision\":\"Example Clinician Access Role\""),
                        new GasRole(1, "900000000202", "X99001", "EXAMPLE FIXTURE SURGERY (DR A & B), "
                                + "\"Admin & Clerical\":\"Admin\":\"Example Demographic Administrator\""),
                        new GasRole(2, "900000000203", "X99002", "EXAMPLE PHARMACY, \"Clinical\":"
                                + "\"Clinical Support\":\"Example Secretary Access Role\""))));
        GasRole surgery = r.role("900000000202").orElseThrow();
        assertThat(surgery.orgName()).contains("EXAMPLE FIXTURE SURGERY (DR A & B)");
        assertThat(surgery.jobRole()).contains("\"Admin & Clerical\":\"Admin\":\"Example Demographic Administrator\"");
        assertThat(surgery.jobRoleName()).contains("Example Demographic Administrator");
    }

    @Test
    void writesTheDocumentTheIdentityAgentSends() {
        GasActivationRequest req = new GasActivationRequest("3", "NHST", "ZtBJb9tU7T", "b02edd24,ClientIP=10.0.0.1");

        assertThat(req.toMessage().toXml()).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE USER SYSTEM "gpOBJECT.DTD">
                <gpOBJECT>
                <gpPARAM name="auth_method">3</gpPARAM>
                <gpPARAM name="app_url">NHST</gpPARAM>
                <gpPARAM name="log_session_id">ZtBJb9tU7T</gpPARAM>
                <gpPARAM name="device_id">b02edd24,ClientIP=10.0.0.1</gpPARAM>
                <gpPARAM name="service">ACTIVATION</gpPARAM>
                </gpOBJECT>
                """);
    }

    @Test
    void everyTypedMessageSurvivesWritingAndReading() {
        GasActivationRequest activate = new GasActivationRequest("3", "NHST", "s1", "d1,ClientIP=127.0.0.1");
        GasActivationResponse challenge = new GasActivationResponse("Y2hhbGxlbmdl", "c2lnbmF0dXJl");
        GasAuthenticationRequest validate = new GasAuthenticationRequest("3", "NHST", "s1", "d1,ClientIP=127.0.0.1",
                "Y2hhbGxlbmdl", "c2lnbmF0dXJl", "900000000101", "p11", "cmVzcG9uc2U=", "0");
        GasAuthenticationResponse validated = new GasAuthenticationResponse(TICKET, Optional.of("Alex <&> \"Q\""),
                Optional.of(URI.create("https://gas.example/login/authlogout")), Optional.of(Duration.ofSeconds(600)),
                Optional.empty(), List.of(GasRole.of(0, "900000000201", "X99", "TRUST & CO", "\"A\":\"B\":\"C\"")));
        GasLogoutRequest logout = new GasLogoutRequest(TICKET, "s1", "d1,ClientIP=127.0.0.1", "900000000101");

        assertThat(GasActivationRequest.from(GasMessage.parse(activate.toMessage().toXml()))).isEqualTo(activate);
        assertThat(GasActivationResponse.from(GasMessage.parse(challenge.toMessage().toXml()))).isEqualTo(challenge);
        assertThat(GasAuthenticationRequest.from(GasMessage.parse(validate.toMessage().toXml()))).isEqualTo(validate);
        assertThat(GasAuthenticationResponse.from(GasMessage.parse(validated.toMessage().toXml()))).isEqualTo(validated);
        assertThat(GasLogoutRequest.from(GasMessage.parse(logout.toMessage().toXml()))).isEqualTo(logout);
        assertThat(validate.toMessage().param("response").orElseThrow().attributes())
                .isEqualTo(Map.of("encoding", "base64"));
        byte[] utf8 = validated.toMessage().toXml().getBytes(StandardCharsets.UTF_8);
        assertThat(GasAuthenticationResponse.from(GasMessage.parse(utf8))).isEqualTo(validated);
    }

    @Test
    void secretsNeverAppearInToString() {
        GasMessage m = GasMessage.parse(SamlDocs.fixture("gas-authvalidate-response.xml"));
        GasAuthenticationRequest validate = new GasAuthenticationRequest("3", "NHST", "s1", "d1", "Y2hhbGxlbmdl",
                "c2lnbmF0dXJl", "900000000101", "p11", "cmVzcG9uc2U=", "0");

        assertThat(m.toString()).contains("sso_ticket=[redacted]").doesNotContain("FIXTUREticket");
        assertThat(GasAuthenticationResponse.from(m).toString()).doesNotContain("FIXTUREticket");
        assertThat(new GasLogoutRequest(TICKET, "s", "d", "u").toString()).doesNotContain("FIXTUREticket");
        assertThat(validate.toString()).doesNotContain("Y2hhbGxlbmdl").doesNotContain("cmVzcG9uc2U=")
                .doesNotContain("c2lnbmF0dXJl");
        assertThat(new GasActivationResponse("Y2hhbGxlbmdl", "c2lnbmF0dXJl").toString()).doesNotContain("Y2hh");
    }

    @Test
    void unknownEntityLikeTextIsReadLiterallyNeverExpanded() {
        GasMessage m = GasMessage.parse("<gpOBJECT><gpPARAM name=\"cn\">A &foo; B &amp; C &#65;</gpPARAM></gpOBJECT>");

        assertThat(m.value("cn")).contains("A &foo; B & C A");
        assertThat(m.doctypeSystemId()).isEmpty();
    }

    @Test
    void hostileDoctypesAreRefused() {
        assertThat(refused("<!DOCTYPE gpOBJECT [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><gpOBJECT>"
                + "<gpPARAM name=\"cn\">&x;</gpPARAM></gpOBJECT>").reason()).isEqualTo(CisException.Reason.REJECTED_XML);
        assertThat(refused("<!DOCTYPE USER SYSTEM \"gpOBJECT.DTD\" [<!ENTITY a \"aaaa\">]><gpOBJECT/>").getMessage())
                .isEqualTo("GAS message was refused: its <!DOCTYPE> is not of the form <!DOCTYPE USER SYSTEM \"...\">; "
                        + "internal subsets and entity declarations are never accepted");
        assertThat(refused("<!DOCTYPE USER SYSTEM \"a\"><!DOCTYPE USER SYSTEM \"b\"><gpOBJECT/>").getMessage())
                .contains("more than one <!DOCTYPE>");
        assertThat(refused("<gpOBJECT>" + "<x>".repeat(100) + "</x>".repeat(100) + "</gpOBJECT>").reason())
                .isEqualTo(CisException.Reason.REJECTED_XML);
    }

    @Test
    void malformedMessagesAreRejectedClearly() {
        assertThat(refused("<gpObject/>").getMessage()).isEqualTo("GAS message has root \"<gpObject>\": expected <gpOBJECT>");
        assertThat(refused("<gpOBJECT><gpPARAM>x</gpPARAM></gpOBJECT>").getMessage())
                .isEqualTo("GAS message has a <gpPARAM> without a name");
        assertThat(refused("<gpOBJECT><other/></gpOBJECT>").getMessage())
                .isEqualTo("GAS message has \"<other>\" inside <gpOBJECT>: expected only <gpPARAM> elements");
        assertThat(refused("<gpOBJECT><gpPARAM name=\"a\">1</gpPARAM><gpPARAM name=\"a\">2</gpPARAM></gpOBJECT>")
                .getMessage()).isEqualTo("GAS message has parameter \"a\" twice: expected each name once");
        assertThat(refused("<gpOBJECT><gpPARAM name=\"a\"><b/></gpPARAM></gpOBJECT>").getMessage())
                .contains("elements nested inside a <gpPARAM>");
        assertThat(refused("<gpOBJECT>").reason()).isEqualTo(CisException.Reason.MALFORMED);
        assertThatThrownBy(() -> GasMessage.parse(new byte[] {(byte) 0xC3, (byte) 0x28}))
                .hasMessage("GAS message is not valid UTF-8");
    }

    @Test
    void typedViewsCheckTheServiceAndRequiredParameters() {
        GasMessage logout = new GasLogoutRequest(TICKET, "s", "d", "u").toMessage();
        assertThatThrownBy(() -> GasActivationRequest.from(logout))
                .hasMessage("GAS activation request has service \"LOGOUT\": expected ACTIVATION");
        GasMessage noTicket = GasMessage.builder().service(GasService.AUTHENTICATION).param("cn", "x").build();
        assertThatThrownBy(() -> GasAuthenticationResponse.from(noTicket))
                .hasMessage("GAS authentication response has no sso_ticket: the smartcard validation did not succeed");
        GasMessage roleWithoutOrg = GasMessage.builder().param("sso_ticket", "t")
                .param(new GasParam("nhsjobrole0", Map.of("id", "1"), "X, \"A\"")).build();
        assertThatThrownBy(() -> GasAuthenticationResponse.from(roleWithoutOrg))
                .hasMessage("GAS authentication response role nhsjobrole0 has no orgcode attribute");
        GasMessage badTime = GasMessage.builder().param("sso_ticket", "t").param("sso_session_time", "ten").build();
        assertThatThrownBy(() -> GasAuthenticationResponse.from(badTime))
                .hasMessage("GAS authentication response sso_session_time is \"ten\": expected a number of seconds");
        GasMessage activation = GasMessage.builder().service(GasService.ACTIVATION).param("auth_method", "3").build();
        assertThatThrownBy(() -> GasActivationRequest.from(activation)).hasMessage(
                "GAS activation request has no app_url parameter: expected <gpPARAM name=\"app_url\">...</gpPARAM>");
        assertThatThrownBy(() -> GasMessage.builder().doctypeSystemId("x\" [<!ENTITY")).isInstanceOf(CisException.class);
    }
}
