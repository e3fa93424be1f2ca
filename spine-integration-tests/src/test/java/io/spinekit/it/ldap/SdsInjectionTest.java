package io.spinekit.it.ldap;

import io.spinekit.ldap.SdsClient;
import io.spinekit.ldap.SdsLookupException;
import static io.spinekit.testkit.EmbeddedSds.accreditedSystem;
import static io.spinekit.testkit.EmbeddedSds.mhs;
import static io.spinekit.testkit.EmbeddedSds.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.InvalidIdentifierException;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.EmbeddedSdsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * LDAP filter injection at every entry point that takes text: hostile values are refused before any
 * search. The filter-building level (raw filters sent to a real directory) is tested in spine-ldap's
 * own {@code SdsFiltersDirectoryTest}.
 */
class SdsInjectionTest {
    @RegisterExtension
    static final EmbeddedSdsExtension SDS = EmbeddedSdsExtension.forEnvironment(SpineEnvironment.INTEGRATION);

    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";

    static void seed(EmbeddedSds sds) {
        sds.addMhs(mhs("X26", PSIS).partyKey("X26-823848"));
        sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848").interactions(PSIS));
        sds.addOrganisation(organisation("X26", "NHS ENGLAND"));
    }

    @Test
    void everyTextEntryPointRejectsHostileValuesBeforeAnySearch(EmbeddedSds sds, SdsClient client) {
        seed(sds);
        String hostile = "X26)(objectClass=*";

        assertThatThrownBy(() -> client.route(OdsCode.of(hostile), InteractionId.of(PSIS)))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("\"" + hostile + "\"");
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
