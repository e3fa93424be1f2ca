package io.spinekit.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.spinekit.env.OdsCode;
import org.junit.jupiter.api.Test;

/**
 * Messages that echo a URL or what the server said quote it ({@code Text.quote}): a line break in either
 * cannot forge a log line, and a huge one is cut (issue 15 item 5).
 */
class SdsQuotedMessagesTest {
    @Test
    void plainUrlWithALineBreakIsQuotedInTheRefusal() {
        // LdapServer.parse trims the URL, so the line break passes parsing and reached the message raw
        String url = "ldap://localhost:389\r\n";

        SdsLookupException e = assertThrows(SdsLookupException.class, () -> SdsClient.builder().ldapUrls(url).build());

        assertThat(e).hasMessage("Plain LDAP URL \"ldap://localhost:389\\r\\n\" refused: SDS is reached over LDAPS"
                + " (ldaps://host:636); for a local test directory call allowPlainLdap()");
    }

    @Test
    void plainUrlPaddedToAHugeLengthIsCutInTheRefusal() {
        String url = "ldap://localhost:389" + " ".repeat(100_000) + "\t";

        SdsLookupException e = assertThrows(SdsLookupException.class, () -> SdsClient.builder().ldapUrls(url).build());

        assertThat(e.getMessage()).hasSizeLessThan(500).contains("(cut: ");
    }

    @Test
    void serverMessageWithALineBreakIsQuotedInTheFailure() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("o=nhs");
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
                throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "no\n2026-12-02 INFO all is well");
            }
        });
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.startListening();
        try (SdsClient client = SdsClient.builder().ldapUrls("ldap://localhost:" + server.getListenPort())
                .allowPlainLdap().noCache().build()) {
            SdsLookupException e = assertThrows(SdsLookupException.class, () -> client.organisation(OdsCode.of("X26")));

            assertThat(e.getMessage()).doesNotContain("\n").contains("(unwilling to perform)")
                    .contains("\"no\\n2026-12-02 INFO all is well\"");
        } finally {
            server.shutDown(true);
        }
    }
}
