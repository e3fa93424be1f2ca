package io.spinekit.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.schema.Schema;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LDAP filter injection at the filter-building level: each filter {@link SdsFilters} builds from a
 * hostile value is sent to a real directory (UnboundID in-memory, with the real SDS schema that
 * spine-ldap ships) and finds nothing and changes nothing, while the legitimate values still match.
 * Entry points that take text are tested end to end over LDAPS in spine-integration-tests
 * ({@code SdsInjectionTest}).
 */
class SdsFiltersDirectoryTest {
    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    static final List<String> HOSTILE = List.of(
            "X26)(objectClass=*",
            "*",
            "X26)(|(objectClass=*)",
            "X26\\2a",
            "X26)(nhsIDCode=*))(|(objectClass=*",
            "\u0000",
            "X26*");

    static InMemoryDirectoryServer server;
    static LDAPConnection connection;

    @BeforeAll
    static void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("o=nhs");
        try (InputStream in = SdsFiltersDirectoryTest.class.getResourceAsStream("/io/spinekit/ldap/sds-schema.ldif")) {
            config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), Schema.getSchema(in)));
        }
        server = new InMemoryDirectoryServer(config);
        server.startListening();
        server.add("dn: o=nhs", "objectClass: top", "objectClass: organization", "o: nhs");
        server.add("dn: ou=services,o=nhs", "objectClass: top", "objectClass: organizationalUnit", "ou: services");
        server.add("dn: ou=organisations,o=nhs", "objectClass: top", "objectClass: organizationalUnit",
                "ou: organisations");
        server.add("dn: uniqueIdentifier=mhs1,ou=services,o=nhs", "objectClass: top", "objectClass: nhsMhs",
                "uniqueIdentifier: mhs1", "nhsIDCode: X26", "nhsMhsPartyKey: X26-823848", "nhsMhsSvcIA: " + PSIS,
                "nhsMhsSN: urn:nhs:names:services:psis", "nhsMhsIN: REPC_IN150016UK05",
                "nhsMhsEndPoint: https://x26.example/reliablemessaging", "nhsMhsIsAuthenticated: persistent",
                "nhsMhsCPAId: S1001A1630", "nhsProductKey: 7374", "nhsEPInteractionType: HL7",
                "nhsMhsFQDN: x26.example", "nhsApproverURP: uniqueIdentifier=1", "nhsDateApproved: 20240101000000",
                "nhsDateDNSApproved: 20240101000000", "nhsDNSApprover: uniqueIdentifier=1",
                "nhsContractPropertyTemplateKey: 14",
                "nhsRequestorURP: uniqueIdentifier=1", "nhsDateRequested: 20240101000000");
        server.add("dn: uniqueIdentifier=918999198738,ou=services,o=nhs", "objectClass: top", "objectClass: nhsAs",
                "uniqueIdentifier: 918999198738", "nhsIDCode: X26", "nhsMhsPartyKey: X26-823848",
                "nhsAsSvcIA: " + PSIS, "nhsApproverURP: uniqueIdentifier=1", "nhsDateApproved: 20240101000000",
                "nhsRequestorURP: uniqueIdentifier=1", "nhsDateRequested: 20240101000000");
        server.add("dn: uniqueIdentifier=X26,ou=organisations,o=nhs", "objectClass: top", "objectClass: organization",
                "objectClass: nhsOrg", "uniqueIdentifier: X26", "nhsIDCode: X26", "o: NHS ENGLAND", "nhsOrgType: GP PRACTICE",
                "nhsOrgTypeCode: PR", "postalAddress: 1 Test Street", "l: LEEDS", "postalCode: LS1 4HR");
        connection = server.getConnection();
    }

    @AfterAll
    static void stop() {
        connection.close();
        server.shutDown(true);
    }

    static int search(Filter filter) throws Exception {
        return connection.search("o=nhs", SearchScope.SUB, filter).getEntryCount();
    }

    @Test
    void hostileValuesInEveryFilterFindNothingAndChangeNothing() throws Exception {
        int entries = server.countEntries();
        List<Function<String, Filter>> builders = List.of(
                v -> SdsFilters.mhs(v, PSIS, null),
                v -> SdsFilters.mhs("X26", v, null),
                v -> SdsFilters.mhs("X26", PSIS, v),
                v -> SdsFilters.accreditedSystemsForInteraction(v, PSIS),
                v -> SdsFilters.accreditedSystemsForInteraction("X26", v),
                v -> SdsFilters.accreditedSystemsForPartyKey(v, "X26-823848"),
                v -> SdsFilters.accreditedSystemsForPartyKey("X26", v),
                v -> SdsFilters.accreditedSystem(v),
                v -> SdsFilters.organisation(v));

        for (Function<String, Filter> build : builders) {
            for (String hostile : HOSTILE) {
                Filter f = build.apply(hostile);
                assertThat(search(f)).as(f.toString()).isZero();
            }
        }

        assertThat(server.countEntries()).isEqualTo(entries);
        assertThat(SdsFilters.mhs("X26)(objectClass=*", PSIS, null)).hasToString(
                "(&(objectClass=nhsMhs)(nhsIDCode=X26\\29\\28objectClass=\\2a)(nhsMhsSvcIA=" + PSIS + "))");
        // the legitimate values still match
        assertThat(search(SdsFilters.mhs("X26", PSIS, "X26-823848"))).isEqualTo(1);
        assertThat(search(SdsFilters.organisation("X26"))).isEqualTo(1);
    }

    @Test
    void hostileTextIsMatchedLiterallyOnlyAgainstTheSameLiteralValue() throws Exception {
        server.add("dn: uniqueIdentifier=LITERAL,ou=organisations,o=nhs", "objectClass: top", "objectClass: organization",
                "objectClass: nhsOrg", "uniqueIdentifier: LITERAL", "nhsIDCode: X26)(objectClass=*", "o: LITERAL", "nhsOrgType: GP PRACTICE",
                "nhsOrgTypeCode: PR", "postalAddress: 1 Test Street", "l: LEEDS", "postalCode: LS1 4HR");
        try {
            assertThat(search(SdsFilters.organisation("X26)(objectClass=*"))).isEqualTo(1);
            assertThat(search(SdsFilters.organisation("X26"))).isEqualTo(1);
        } finally {
            server.delete("uniqueIdentifier=LITERAL,ou=organisations,o=nhs");
        }
    }
}
