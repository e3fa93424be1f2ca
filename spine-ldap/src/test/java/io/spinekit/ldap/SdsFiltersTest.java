package io.spinekit.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import org.junit.jupiter.api.Test;

class SdsFiltersTest {
    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";

    @Test
    void buildsTheUsualSdsFilters() {
        assertThat(SdsFilters.mhs("X26", PSIS, null)).hasToString(
                "(&(objectClass=nhsMhs)(nhsIDCode=X26)(nhsMhsSvcIA=" + PSIS + "))");
        assertThat(SdsFilters.mhs("X26", PSIS, "X26-823848")).hasToString(
                "(&(objectClass=nhsMhs)(nhsIDCode=X26)(nhsMhsSvcIA=" + PSIS + ")(nhsMhsPartyKey=X26-823848))");
        assertThat(SdsFilters.accreditedSystemsForInteraction("X26", PSIS)).hasToString(
                "(&(objectClass=nhsAs)(nhsIDCode=X26)(nhsAsSvcIA=" + PSIS + "))");
        assertThat(SdsFilters.accreditedSystemsForPartyKey("X26", "X26-823848")).hasToString(
                "(&(objectClass=nhsAs)(nhsIDCode=X26)(nhsMhsPartyKey=X26-823848))");
        assertThat(SdsFilters.accreditedSystem("918999198738")).hasToString(
                "(&(objectClass=nhsAs)(uniqueIdentifier=918999198738))");
        assertThat(SdsFilters.organisation("X26")).hasToString(
                "(&(|(objectClass=nhsOrg)(objectClass=nhsGPPractice))(nhsIDCode=X26))");
    }

    @Test
    void everyInteractionIdFormSdsHoldsGoesIntoTheFilterAsIs() {
        // FACTS.md section 3: ITK, ebXML and GP Connect ids are held in nhsMhsSvcIA / nhsAsSvcIA.
        for (String id : new String[] {"urn:nhs-itk:services:201005:getNHSNumberRequest-v1-0",
            "urn:oasis:names:tc:ebxml-msg:service:Ping", "urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1"}) {
            assertThat(SdsFilters.mhs("X26", id, null)).hasToString(
                    "(&(objectClass=nhsMhs)(nhsIDCode=X26)(nhsMhsSvcIA=" + id + "))");
            assertThat(SdsFilters.accreditedSystemsForInteraction("X26", id)).hasToString(
                    "(&(objectClass=nhsAs)(nhsIDCode=X26)(nhsAsSvcIA=" + id + "))");
        }
    }

    @Test
    void escapesFilterSyntaxInEveryValue() {
        assertThat(SdsFilters.mhs("X26)(objectClass=*", PSIS, null)).hasToString(
                "(&(objectClass=nhsMhs)(nhsIDCode=X26\\29\\28objectClass=\\2a)(nhsMhsSvcIA=" + PSIS + "))");
        assertThat(SdsFilters.organisation("*")).hasToString(
                "(&(|(objectClass=nhsOrg)(objectClass=nhsGPPractice))(nhsIDCode=\\2a))");
        assertThat(SdsFilters.accreditedSystem("a\\b\u0000")).hasToString(
                "(&(objectClass=nhsAs)(uniqueIdentifier=a\\5cb\\00))");
    }

    @Test
    void escapedFilterStaysOneEqualityTestOnTheLiteralValue() throws Exception {
        Filter f = Filter.create(SdsFilters.organisation("X26)(|(objectClass=*)").toString());

        assertThat(f.getComponents()).hasSize(2);
        assertThat(f.getComponents()[1].getAssertionValue()).isEqualTo("X26)(|(objectClass=*)");
        Entry x26 = new Entry("uniqueIdentifier=X26,ou=organisations,o=nhs");
        x26.addAttribute("objectClass", "nhsOrg");
        x26.addAttribute("nhsIDCode", "X26");
        assertThat(f.matchesEntry(x26)).isFalse();
        assertThat(Filter.create(SdsFilters.organisation("X26").toString()).matchesEntry(x26)).isTrue();
    }
}
