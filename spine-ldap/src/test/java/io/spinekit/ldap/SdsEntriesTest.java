package io.spinekit.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdsEntriesTest {
    static final String DN = "uniqueIdentifier=ABC,ou=services,o=nhs";
    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";

    static Entry mhsEntry() {
        Entry e = new Entry(DN);
        e.addAttribute("objectClass", "top", "nhsMhs");
        e.addAttribute("uniqueIdentifier", "ABC");
        e.addAttribute("nhsIDCode", "X26");
        e.addAttribute("nhsMHSPartyKey", "X26-823848");
        e.addAttribute("nhsMhsSvcIA", PSIS);
        e.addAttribute("nhsMHsSN", "urn:nhs:names:services:psis");
        e.addAttribute("nhsMHsIN", "REPC_IN150016UK05");
        e.addAttribute("nhsMHSEndPoint", "https://mhs.x26.test/reliablemessaging/reliablerequest");
        e.addAttribute("nhsMhsFQDN", "mhs.x26.test");
        e.addAttribute("nhsMhsCPAId", "S20001A000182");
        e.addAttribute("nhsMHSIsAuthenticated", "none");
        e.addAttribute("nhsEPInteractionType", "N/A");
        e.addAttribute("nhsProductKey", "6216");
        e.addAttribute("nhsDateApproved", "20200315093000");
        return e;
    }

    @Test
    void mapsAnMhsEntryWithAbsentOptionalAttributesEmpty() {
        MhsRecord m = SdsEntries.mhs(mhsEntry());

        assertThat(m).isEqualTo(new MhsRecord(DN, "ABC", OdsCode.of("X26"), PartyKey.of("X26-823848"),
                InteractionId.of(PSIS), "urn:nhs:names:services:psis", "REPC_IN150016UK05",
                URI.create("https://mhs.x26.test/reliablemessaging/reliablerequest"), "mhs.x26.test", "S20001A000182",
                Authentication.NONE, Optional.of(InteractionType.NOT_APPLICABLE), Optional.of("6216"),
                Reliability.NONE, LocalDateTime.of(2020, 3, 15, 9, 30, 0)));
    }

    @Test
    void mapsReliabilityWithAttributeNamesInAnyCase() {
        Entry e = mhsEntry();
        e.addAttribute("NHSMHSPERSISTDURATION", "PT4H");
        e.addAttribute("nhsmhsretries", "3");
        e.addAttribute("NhsMhsRetryInterval", "PT1M30S");
        e.addAttribute("nhsMhsAckRequested", "Always");
        e.addAttribute("nhsMhsDuplicateElimination", "never");
        e.addAttribute("nhsMhsSyncReplyMode", "SignalsAndResponse");
        e.addAttribute("nhsMhsActor", "urn:oasis:names:tc:ebxml-msg:actor:nextMSH");

        Reliability r = SdsEntries.mhs(e).reliability();

        assertThat(r).isEqualTo(new Reliability(Optional.of(Duration.ofHours(4)), Optional.of(Duration.ofSeconds(90)),
                Optional.of(3), Optional.of(AlwaysOrNever.ALWAYS), Optional.of(AlwaysOrNever.NEVER),
                Optional.of(SyncReplyMode.SIGNALS_AND_RESPONSE), Optional.of(Actor.NEXT_MSH)));
        assertThat(r.reliable()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nhsMhsPersistDuration|5 minutes|an ISO 8601 duration such as 'PT5M' or 'PT1H30M'",
        "nhsMhsPersistDuration|-PT5M|a non-negative ISO 8601 duration",
        "nhsMhsRetryInterval|P1M|an ISO 8601 duration such as 'PT5M' or 'PT1H30M'",
        "nhsMhsRetries|-1|a whole number, 0 or more",
        "nhsMhsRetries|lots|a whole number, 0 or more",
        "nhsMhsAckRequested|yes|one of 'always', 'never'",
        "nhsMhsDuplicateElimination|1|one of 'always', 'never'",
        "nhsMhsSyncReplyMode|sync|one of 'MSHSignalsOnly', 'never', 'none', 'SignalsAndResponse'",
        "nhsMhsActor|toPartyMSH|one of 'urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH', 'urn:oasis:names:tc:ebxml-msg:actor:nextMSH'",
    })
    void malformedOptionalValueNamesEntryAttributeValueAndExpectation(String attribute, String value, String expected) {
        Entry e = mhsEntry();
        e.addAttribute(attribute, value);

        assertThatThrownBy(() -> SdsEntries.mhs(e))
                .isInstanceOfSatisfying(SdsLookupException.class, ex -> {
                    assertThat(ex.entryDn()).contains(DN);
                    assertThat(ex.attribute()).contains(attribute);
                    assertThat(ex.value()).contains(value);
                })
                .hasMessage("SDS entry \"" + DN + "\" has a malformed " + attribute + " value \"" + value
                        + "\": expected " + expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nhsMhsIsAuthenticated|sometimes",
        "nhsEPInteractionType|SOAP",
        "nhsMhsEndPoint|ftp://mhs.x26.test/",
        "nhsMhsEndPoint|https:///no-host",
        "nhsDateApproved|20201301000000",
        "nhsDateApproved|2020-03-15",
        "nhsIDCode|X 26",
        "nhsMhsPartyKey|X26",
        "nhsMhsSvcIA|REPC_IN150016UK05",
    })
    void malformedRequiredValueIsReported(String attribute, String value) {
        Entry e = mhsEntry();
        e.setAttribute(attribute, value);

        assertThatThrownBy(() -> SdsEntries.mhs(e))
                .isInstanceOfSatisfying(SdsLookupException.class, ex -> {
                    assertThat(ex.entryDn()).contains(DN);
                    assertThat(ex.attribute()).contains(attribute);
                    assertThat(ex.value()).contains(value);
                })
                .hasMessageStartingWith("SDS entry \"" + DN + "\" has a malformed " + attribute + " value \"" + value + "\"");
    }

    @Test
    void missingRequiredAttributeIsReported() {
        Entry e = mhsEntry();
        e.removeAttribute("nhsMhsCPAId");

        assertThatThrownBy(() -> SdsEntries.mhs(e))
                .isInstanceOfSatisfying(SdsLookupException.class, ex -> {
                    assertThat(ex.attribute()).contains("nhsMhsCPAId");
                    assertThat(ex.value()).isEmpty();
                })
                .hasMessage("SDS entry \"" + DN + "\" has no value for required attribute nhsMhsCPAId: expected a value");
    }

    @Test
    void severalValuesForASingleValueAreReported() {
        Entry e = mhsEntry();
        e.setAttribute("nhsMhsEndPoint", "https://a.test/", "https://b.test/");

        assertThatThrownBy(() -> SdsEntries.mhs(e))
                .isInstanceOf(SdsLookupException.class)
                .hasMessage("SDS entry \"" + DN + "\" has 2 values for single-valued attribute nhsMhsEndPoint "
                        + "(\"https://a.test/\", \"https://b.test/\"): expected a single value");
    }

    @Test
    void mapsAnAccreditedSystem() {
        Entry e = new Entry("uniqueIdentifier=918999198738,ou=services,o=nhs");
        e.addAttribute("uniqueIdentifier", "918999198738");
        e.addAttribute("nhsIdCode", "X26");
        e.addAttribute("nhsMhsPartyKey", "x26-823848");
        e.addAttribute("nhsAsSvcIA", PSIS, "urn:oasis:names:tc:ebxml-msg:service:Ping");
        e.addAttribute("nhsAsClient", "A81001", "b82001");
        e.addAttribute("nhsProductName", "Spinekit");
        e.addAttribute("nhsProductVersion", "1.0");
        e.addAttribute("description", "test system");
        e.addAttribute("nhsDateApproved", "20240229235959");

        AccreditedSystem as = SdsEntries.accreditedSystem(e);

        assertThat(as).isEqualTo(new AccreditedSystem(e.getDN(), Asid.of("918999198738"), OdsCode.of("X26"),
                PartyKey.of("X26-823848"),
                List.of(InteractionId.of(PSIS), InteractionId.of("urn:oasis:names:tc:ebxml-msg:service:Ping")),
                List.of(OdsCode.of("A81001"), OdsCode.of("B82001")), Optional.of("Spinekit"), Optional.of("1.0"),
                Optional.empty(), Optional.of("test system"), LocalDateTime.of(2024, 2, 29, 23, 59, 59)));
    }

    @Test
    void accreditedSystemWithMalformedAsidIsReported() {
        Entry e = new Entry("uniqueIdentifier=12345,ou=services,o=nhs");
        e.addAttribute("uniqueIdentifier", "12345");

        assertThatThrownBy(() -> SdsEntries.accreditedSystem(e))
                .isInstanceOf(SdsLookupException.class)
                .hasMessage("SDS entry \"uniqueIdentifier=12345,ou=services,o=nhs\" has a malformed uniqueIdentifier "
                        + "value \"12345\": expected 12 digits, such as '200000000296'");
    }

    @Test
    void mapsAnOrganisationSplittingTheAddress() {
        Entry e = new Entry("uniqueIdentifier=A81001,ou=organisations,o=nhs");
        e.addAttribute("nhsIDCode", "A81001");
        e.addAttribute("o", "THE DENSHAM SURGERY");
        e.addAttribute("nhsOrgType", "GP PRACTICE");
        e.addAttribute("nhsOrgTypeCode", "PR");
        e.addAttribute("postalAddress", "THE HEALTH CENTRE$ LAWSON STREET $$");
        e.addAttribute("l", "STOCKTON-ON-TEES");
        e.addAttribute("postalCode", "TS18 1HU");
        e.addAttribute("nhsParentOrgCode", "00K");

        Organisation o = SdsEntries.organisation(e);

        assertThat(o.addressLines()).containsExactly("THE HEALTH CENTRE", "LAWSON STREET");
        assertThat(o.parentOrgCode()).contains("00K");
        assertThat(o.postcode()).isEqualTo("TS18 1HU");
        assertThat(o.name()).isEqualTo("THE DENSHAM SURGERY");
    }

    @Test
    void ordersNewestApprovalFirstThenByDn() {
        Entry a = mhsEntry();
        a.setDN("uniqueIdentifier=B,ou=services,o=nhs");
        Entry b = mhsEntry();
        b.setDN("uniqueIdentifier=A,ou=services,o=nhs");
        Entry c = mhsEntry();
        c.setDN("uniqueIdentifier=C,ou=services,o=nhs");
        c.setAttribute("nhsDateApproved", "20240101000000");

        List<MhsRecord> sorted = new java.util.ArrayList<>(List.of(SdsEntries.mhs(a), SdsEntries.mhs(b),
                SdsEntries.mhs(c)));
        sorted.sort(SdsEntries.MHS_ORDER);

        assertThat(sorted).extracting(MhsRecord::dn).containsExactly("uniqueIdentifier=C,ou=services,o=nhs",
                "uniqueIdentifier=A,ou=services,o=nhs", "uniqueIdentifier=B,ou=services,o=nhs");
    }
    // Shapes seen in NHS's OpenTest SDS (FACTS.md section 3), issue 15 item 23.

    static Entry accreditedSystemEntry(String asid, String... interactions) {
        Entry e = new Entry("uniqueIdentifier=918999198738,ou=services,o=nhs");
        e.addAttribute("objectClass", "top", "nhsAs");
        e.addAttribute("uniqueIdentifier", asid);
        e.addAttribute("nhsIDCode", "X26");
        e.addAttribute("nhsMhsPartyKey", "X26-823848");
        e.addAttribute("nhsAsSvcIA", interactions);
        e.addAttribute("nhsDateApproved", "20240229235959");
        return e;
    }

    @Test
    void skipsAndReportsAnAsSvcIaValueThatIsNotAnInteractionId() {
        String junk = "sdfsd:AccreditedSystemSearchRequest_1_0";
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < 326; i++) {
            values.add("urn:nhs:names:services:psis:REPC_IN" + (150000 + i) + "UK05");
        }
        values.add(200, junk);
        Entry e = accreditedSystemEntry("918999198738", values.toArray(new String[0]));

        AccreditedSystem as = SdsEntries.accreditedSystem(e);

        assertThat(as.interactionIds()).hasSize(326).doesNotContainNull();
        assertThat(as.interactionIds().get(200).value()).isEqualTo("urn:nhs:names:services:psis:REPC_IN150200UK05");
        assertThat(as.warnings()).containsExactly(new SdsWarning(e.getDN(), "nhsAsSvcIA", junk,
                "not an interaction id"));
        assertThat(as.warnings().get(0).message()).isEqualTo("SDS entry \"" + e.getDN()
                + "\": skipped nhsAsSvcIA value \"" + junk + "\" (not an interaction id)");
    }

    @Test
    void logsASkippedValueAtWarnQuotedOnceHoweverOftenItIsRead() {
        Entry e = accreditedSystemEntry("918999198738", PSIS, "not an id\nFORGED LINE");
        SdsWarnings warnings = new SdsWarnings();
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            // a route, the systems by interaction and by party key each read the same entry
            for (int i = 0; i < 3; i++) {
                warnings.logOnce(SdsEntries.accreditedSystem(e).warnings());
            }
        } finally {
            System.setErr(err);
        }

        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(log).contains("WARN")
                .contains("skipped nhsAsSvcIA value \"not an id\\nFORGED LINE\" (not an interaction id)")
                .doesNotContain("\nFORGED");
        assertThat(log.split("skipped nhsAsSvcIA", -1)).as("logged once").hasSize(2);
    }

    @Test
    void skipsAndReportsAMalformedClientOdsCode() {
        Entry e = accreditedSystemEntry("918999198738", PSIS);
        e.addAttribute("nhsAsClient", "A81001", "not an ods code", " B82001 ");

        AccreditedSystem as = SdsEntries.accreditedSystem(e);

        assertThat(as.clients()).containsExactly(OdsCode.of("A81001"), OdsCode.of("B82001"));
        assertThat(as.warnings()).extracting(SdsWarning::attribute, SdsWarning::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nhsAsClient", "not an ods code"));
    }

    @Test
    void readsAnAsidWithATrailingSpace() {
        AccreditedSystem as = SdsEntries.accreditedSystem(accreditedSystemEntry("918999198738 ", PSIS));

        assertThat(as.asid()).isEqualTo(Asid.of("918999198738"));
        assertThat(as.warnings()).isEmpty();
    }

    @Test
    void trimsValuesWithSurroundingWhiteSpace() {
        Entry e = mhsEntry();
        e.setAttribute("nhsIDCode", " X26");
        e.setAttribute("nhsMHSPartyKey", "X26-823848 ");
        e.setAttribute("nhsMhsSvcIA", " " + PSIS + " ");
        e.setAttribute("nhsMHSEndPoint", " https://mhs.x26.test/reliablemessaging/reliablerequest ");
        e.setAttribute("nhsMhsFQDN", "mhs.x26.test ");
        e.setAttribute("nhsMHSIsAuthenticated", " None");
        e.setAttribute("nhsDateApproved", "20200315093000 ");
        e.addAttribute("nhsMhsRetryInterval", " PT61S ");
        e.addAttribute("nhsMhsSyncReplyMode", "None ");

        MhsRecord m = SdsEntries.mhs(e);

        assertThat(m.odsCode()).isEqualTo(OdsCode.of("X26"));
        assertThat(m.partyKey()).isEqualTo(PartyKey.of("X26-823848"));
        assertThat(m.interactionId()).isEqualTo(InteractionId.of(PSIS));
        assertThat(m.endpoint()).isEqualTo(URI.create("https://mhs.x26.test/reliablemessaging/reliablerequest"));
        assertThat(m.fqdn()).isEqualTo("mhs.x26.test");
        assertThat(m.authentication()).contains(Authentication.NONE);
        assertThat(m.dateApproved()).contains(LocalDateTime.of(2020, 3, 15, 9, 30, 0));
        assertThat(m.reliability().retryInterval()).contains(Duration.ofSeconds(61));
        assertThat(m.reliability().syncReplyMode()).contains(SyncReplyMode.NONE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nhsEPInteractionType|ebXML", "nhsEPInteractionType|EBXML", "nhsEPInteractionType|fhir",
        "nhsEPInteractionType|FHIR", "nhsEPInteractionType|HL7", "nhsMhsSyncReplyMode|None",
        "nhsMhsSyncReplyMode|none", "nhsMhsSyncReplyMode|MSHSignalsOnly", "nhsMhsSyncReplyMode|never",
        "nhsMhsIsAuthenticated|None", "nhsMhsIsAuthenticated|transient", "nhsMhsPersistDuration|PT0M",
        "nhsMhsPersistDuration|PT2S", "nhsMhsPersistDuration|PT4H10M", "nhsMhsRetryInterval|PT90M",
        "nhsMhsRetries|0", "nhsMhsRetries|12",
    })
    void readsTheValueShapesSeenInOpenTest(String attribute, String value) {
        Entry e = mhsEntry();
        e.setAttribute(attribute, value);

        MhsRecord m = SdsEntries.mhs(e);

        assertThat(m.dn()).isEqualTo(DN);
    }

    @Test
    void readsAnMhsWithA20HexDigitUniqueIdentifierAndAnItkInteraction() {
        String itk = "urn:nhs-itk:services:201005:getNHSNumberRequest-v1-0";
        Entry e = mhsEntry();
        e.setAttribute("uniqueIdentifier", "1C4F2E9D0A7B3C5D6E8F");
        e.setAttribute("nhsMhsSvcIA", itk);

        MhsRecord m = SdsEntries.mhs(e);

        assertThat(m.uniqueIdentifier()).isEqualTo("1C4F2E9D0A7B3C5D6E8F");
        assertThat(m.interactionId()).isEqualTo(InteractionId.of(itk));
    }

    @Test
    void aValueTheAnswerNeedsStillFailsNamingEntryAndAttribute() {
        Entry e = accreditedSystemEntry("9189991987 38", PSIS);

        assertThatThrownBy(() -> SdsEntries.accreditedSystem(e))
                .isInstanceOfSatisfying(SdsLookupException.class, ex -> {
                    assertThat(ex.entryDn()).contains(e.getDN());
                    assertThat(ex.attribute()).contains("uniqueIdentifier");
                    assertThat(ex.value()).contains("9189991987 38");
                });
    }

    @Test
    void messagesQuoteALineBreakAndCutAHugeValue() {
        Entry e = mhsEntry();
        e.setAttribute("nhsMhsRetries", "1\nFORGED log line");
        assertThatThrownBy(() -> SdsEntries.mhs(e))
                .isInstanceOf(SdsLookupException.class)
                .hasMessageNotContaining("\n")
                .hasMessageContaining("\"1\\nFORGED log line\"");

        Entry huge = mhsEntry();
        huge.setAttribute("nhsMhsRetries", "9".repeat(100_000));
        assertThatThrownBy(() -> SdsEntries.mhs(huge))
                .isInstanceOfSatisfying(SdsLookupException.class, ex -> {
                    assertThat(ex.getMessage()).hasSizeLessThan(500).contains("(cut: 99800 more of 100000 characters)");
                    assertThat(ex.value()).hasValueSatisfying(v -> assertThat(v).hasSize(100_000));
                });
    }
}
