package io.spinekit.cis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SsoTicketTest {
    // The example ticket shape from NHS's public SAML example page (an expired, published value).
    private static final String NHS_EXAMPLE = "AQIC5wM2LY4Sfcy73z2zeTRzPNXOdr5U6mC2NyUVxy0BffY=@AAJTSQACMDE=#";

    @Test
    void urlEncodingMatchesTheNhsDocumentedRequest() {
        assertThat(SsoTicket.of(NHS_EXAMPLE).urlEncoded())
                .isEqualTo("AQIC5wM2LY4Sfcy73z2zeTRzPNXOdr5U6mC2NyUVxy0BffY%3D%40AAJTSQACMDE%3D%23");
    }

    @Test
    void toStringNeverShowsTheTicket() {
        SsoTicket t = SsoTicket.of(NHS_EXAMPLE);

        assertThat(t.toString()).isEqualTo("SsoTicket[redacted, 62 chars]");
        assertThat(RoleSelection.of(t, "555006304103").toString()).doesNotContain("AQIC5");
    }

    @Test
    void redactsTheTicketRawAndUrlEncodedInAnyCase() {
        SsoTicket t = SsoTicket.of(NHS_EXAMPLE);
        String text = "a " + NHS_EXAMPLE + " b " + t.urlEncoded() + " c " + t.urlEncoded().replace("%3D", "%3d");

        assertThat(t.redact(text)).isEqualTo("a [redacted SSO ticket] b [redacted SSO ticket] c [redacted SSO ticket]");
        assertThat(t.appearsIn(text)).isTrue();
        assertThat(t.appearsIn("nothing here")).isFalse();
        assertThat(t.redact(null)).isNull();
    }

    @Test
    void invalidTicketsAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> SsoTicket.of("   ")).isInstanceOf(CisException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> SsoTicket.of("secret part\npart two")).isInstanceOf(CisException.class)
                .hasMessage("SSO ticket contains a control or white-space character at position 6: expected one "
                        + "token with no spaces or line breaks")
                .message().doesNotContain("secret");
        assertThatThrownBy(() -> SsoTicket.of("x".repeat(5000))).isInstanceOf(CisException.class)
                .hasMessageStartingWith("SSO ticket is 5000 characters long");
        assertThatThrownBy(() -> SsoTicket.of(null)).isInstanceOf(CisException.class);
    }

    @Test
    void surroundingWhiteSpaceFromAFileIsIgnoredAndEqualityIsByValue() {
        assertThat(SsoTicket.of(NHS_EXAMPLE + "\n")).isEqualTo(SsoTicket.of(NHS_EXAMPLE))
                .hasSameHashCodeAs(SsoTicket.of(NHS_EXAMPLE));
        assertThat(SsoTicket.of(NHS_EXAMPLE + "\n").reveal()).isEqualTo(NHS_EXAMPLE);
        assertThat(SsoTicket.of("a")).isNotEqualTo(SsoTicket.of("b"));
    }
}
