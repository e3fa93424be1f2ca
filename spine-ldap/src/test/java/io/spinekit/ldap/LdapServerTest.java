package io.spinekit.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LdapServerTest {
    @Test
    void parsesLdapsWithDefaultPort() {
        assertThat(LdapServer.parse("ldaps://ldap.nis1.national.ncrs.nhs.uk"))
                .isEqualTo(new LdapServer(true, "ldap.nis1.national.ncrs.nhs.uk", 636));
        assertThat(LdapServer.parse("LDAPS://ldap.vn03.national.ncrs.nhs.uk:636/").url())
                .isEqualTo("ldaps://ldap.vn03.national.ncrs.nhs.uk:636");
    }

    @Test
    void parsesPlainLdapWithDefaultPort() {
        assertThat(LdapServer.parse("ldap://localhost")).isEqualTo(new LdapServer(false, "localhost", 389));
        assertThat(LdapServer.parse("ldap://localhost:10389").port()).isEqualTo(10389);
    }

    @Test
    void rejectsWhatIsNotAServerUrl() {
        assertThatThrownBy(() -> LdapServer.parse("https://ldap.test/")).isInstanceOf(SdsLookupException.class)
                .hasMessageContaining("\"https://ldap.test/\"").hasMessageContaining("ldaps://host[:port]");
        assertThatThrownBy(() -> LdapServer.parse("ldaps://")).isInstanceOf(SdsLookupException.class)
                .hasMessage("SDS LDAP URL \"ldaps://\" has no host: expected 'ldaps://host[:port]'");
        assertThatThrownBy(() -> LdapServer.parse(" ")).isInstanceOf(SdsLookupException.class)
                .hasMessageContaining("Invalid SDS LDAP URL \" \"");
        assertThatThrownBy(() -> LdapServer.parse("ldaps://ldap.test:636/o=nhs?uid?sub?(objectClass=*)"))
                .isInstanceOf(SdsLookupException.class).hasMessageContaining("carries a base DN");
    }

    @Test
    void quotesAUrlWithALineBreakAndCutsAHugeOne() {
        assertThatThrownBy(() -> LdapServer.parse("ldaps://host.test/o=nhs\nFORGED"))
                .isInstanceOf(SdsLookupException.class)
                .hasMessageNotContaining("\n").hasMessageContaining("\"ldaps://host.test/o=nhs\\nFORGED\"");
        String hugeHost = "ldaps://" + "h".repeat(100_000);
        assertThatThrownBy(() -> LdapServer.parse(hugeHost))
                .isInstanceOfSatisfying(SdsLookupException.class, ex -> assertThat(ex.getMessage())
                        .hasSizeLessThan(1_000).contains("(cut: 99808 more of 100008 characters)")
                        .contains("host name of 100000 characters: expected at most 253"));
        assertThat(LdapServer.parse("ldaps://" + "h".repeat(253)).host()).hasSize(253);
        String huge = "https://" + "h".repeat(100_000);
        assertThatThrownBy(() -> LdapServer.parse(huge))
                .isInstanceOfSatisfying(SdsLookupException.class, ex -> assertThat(ex.getMessage())
                        .hasSizeLessThan(1_000).contains("(cut: 99808 more of 100008 characters)"));
    }
}
