package io.spinekit.ldap;

import static io.spinekit.testkit.EmbeddedSds.accreditedSystem;
import static io.spinekit.testkit.EmbeddedSds.mhs;
import static io.spinekit.testkit.EmbeddedSds.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.InvalidIdentifierException;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.EmbeddedSdsExtension;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * LDAP filter injection: hostile values find nothing and change nothing, at the filter-building level
 * (raw strings sent to the real directory) and at every entry point that takes text.
 */
class SdsInjectionTest {
    @RegisterExtension
    static final EmbeddedSdsExtension SDS = EmbeddedSdsExtension.forEnvironment(SpineEnvironment.INTEGRATION);

    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    static final List<String> HOSTILE = List.of(
            "X26)(objectClass=*",
            "*",
            "X26)(|(objectClass=*)",
            "X26\\2a",
            "X26)(nhsIDCode=*))(|(objectClass=*",
            "\u0000",
            "X26*");

    static void seed(EmbeddedSds sds) {
        sds.addMhs(mhs("X26", PSIS).partyKey("X26-823848"));
        sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848").interactions(PSIS));
        sds.addOrganisation(organisation("X26", "NHS ENGLAND"));
    }

    LDAPConnection connection;

    @BeforeEach
    void connect(EmbeddedSds sds) throws Exception {
        connection = new LDAPConnection(sds.tlsContext().ldapSocketFactory(), "localhost", sds.port());
    }

    @AfterEach
    void disconnect() {
        connection.close();
    }

    int search(EmbeddedSds sds, String base, Filter filter) throws Exception {
        SearchResult r = connection.search(base, SearchScope.SUB, filter);
        return r.getEntryCount();
    }

    @Test
    void hostileValuesInEveryFilterFindNothingAndChangeNothing(EmbeddedSds sds) throws Exception {
        seed(sds);
        int entries = sds.entryCount();
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
                assertThat(search(sds, EmbeddedSds.ROOT, f)).as(f.toString()).isZero();
            }
        }

        assertThat(sds.entryCount()).isEqualTo(entries);
        assertThat(sds.searchFilters()).contains(
                "(&(objectClass=nhsMhs)(nhsIDCode=X26\\29\\28objectClass=\\2a)(nhsMhsSvcIA=" + PSIS + "))");
        // the legitimate values still match
        assertThat(search(sds, EmbeddedSds.ROOT, SdsFilters.mhs("X26", PSIS, "X26-823848"))).isEqualTo(1);
        assertThat(search(sds, EmbeddedSds.ROOT, SdsFilters.organisation("X26"))).isEqualTo(1);
    }

    @Test
    void hostileTextIsMatchedLiterallyOnlyAgainstTheSameLiteralValue(EmbeddedSds sds) throws Exception {
        seed(sds);
        sds.addOrganisation(organisation("X26)(objectClass=*", "LITERAL").attribute("uniqueIdentifier", "LITERAL"));

        assertThat(search(sds, EmbeddedSds.ORGANISATIONS, SdsFilters.organisation("X26)(objectClass=*"))).isEqualTo(1);
        assertThat(search(sds, EmbeddedSds.ORGANISATIONS, SdsFilters.organisation("X26"))).isEqualTo(1);
    }

    @Test
    void everyTextEntryPointRejectsHostileValuesBeforeAnySearch(EmbeddedSds sds, SdsClient client) {
        seed(sds);
        String hostile = "X26)(objectClass=*";

        assertThatThrownBy(() -> client.route(OdsCode.of(hostile), InteractionId.of(PSIS)))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("'" + hostile + "'");
        assertThatThrownBy(() -> client.route(OdsCode.of("X26"), InteractionId.of(PSIS + ")(objectClass=*")))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("interaction id");
        assertThatThrownBy(() -> client.route(OdsCode.of("X26"), InteractionId.of(PSIS), PartyKey.of("X26-1)(x=*")))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("party key");
        assertThatThrownBy(() -> client.accreditedSystem(Asid.of("*")))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("ASID");
        assertThatThrownBy(() -> client.organisation(OdsCode.of("*")))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("ODS code");
        assertThatThrownBy(() -> SdsClient.builder().ldapUrls("ldaps://localhost:636/o=nhs??sub?(objectClass=*)")
                .tls(sds.tlsContext()).build())
                .isInstanceOf(SdsLookupException.class).hasMessageContaining("carries a base DN");

        assertThat(sds.searchCount()).isZero();
        assertThat(client.route(OdsCode.of("X26"), InteractionId.of(PSIS)).found()).isTrue();
    }
}
