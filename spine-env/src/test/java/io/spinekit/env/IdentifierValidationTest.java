package io.spinekit.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.core.Text;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierValidationTest {

    @ParameterizedTest(name = "ODS code {0} -> {1}")
    @CsvSource({
        "X26, X26",
        "YES, YES",
        "A81001, A81001",
        "x26, X26",
        "rr8, RR8",
        "Y12345678Z, Y12345678Z",
        "99, 99",
    })
    void acceptsOdsCodesAndNormalisesCase(String input, String expected) {
        assertThat(OdsCode.of(input).value()).isEqualTo(expected);
        assertThat(OdsCode.of(input).toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "ODS code ''{0}'' rejected")
    @ValueSource(strings = {"", "X", "ABCDEFGHIJK", "X-26", " X26", "X26 ", "X2_6", "YES-0000806", "£26"})
    void rejectsMalformedOdsCodesNamingValueAndFormat(String input) {
        assertThatThrownBy(() -> OdsCode.of(input))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("Invalid ODS code " + Text.quote(input) + ": expected 2 to 10 letters or digits, such as 'X26', 'YES' or 'A81001'")
                .satisfies(e -> {
                    InvalidIdentifierException iie = (InvalidIdentifierException) e;
                    assertThat(iie.kind()).isEqualTo("ODS code");
                    assertThat(iie.value()).isEqualTo(input);
                });
    }

    @ParameterizedTest
    @NullSource
    void rejectsNullIdentifiers(String input) {
        assertThatThrownBy(() -> OdsCode.of(input)).isInstanceOf(InvalidIdentifierException.class).hasMessageStartingWith("Invalid ODS code null");
        assertThatThrownBy(() -> PartyKey.of(input)).isInstanceOf(InvalidIdentifierException.class).hasMessageStartingWith("Invalid party key null");
        assertThatThrownBy(() -> Asid.of(input)).isInstanceOf(InvalidIdentifierException.class).hasMessageStartingWith("Invalid ASID null");
        assertThatThrownBy(() -> InteractionId.of(input)).isInstanceOf(InvalidIdentifierException.class).hasMessageStartingWith("Invalid interaction id null");
    }

    @ParameterizedTest(name = "party key {0} -> {1}, ODS {2}")
    @CsvSource({
        "YES-0000806, YES-0000806, YES",
        "X26-823848, X26-823848, X26",
        "YEU-1808939, YEU-1808939, YEU",
        "YEF-820397, YEF-820397, YEF",
        "YEO-11809150, YEO-11809150, YEO",
        "yes-0000806, YES-0000806, YES",
        "A81001-1, A81001-1, A81001",
    })
    void acceptsPartyKeysWithTheirOdsCode(String input, String expected, String ods) {
        PartyKey key = PartyKey.of(input);
        assertThat(key.value()).isEqualTo(expected);
        assertThat(key.odsCode()).isEqualTo(OdsCode.of(ods));
    }

    @ParameterizedTest(name = "party key ''{0}'' rejected")
    @ValueSource(strings = {"", "YES", "YES-", "-0000806", "YES0000806", "YES_0000806", "YES-00A0806", "YES-0000806 ",
        "Y-0000806", "YES-1234567890123", "YES--0000806"})
    void rejectsMalformedPartyKeysNamingValueAndFormat(String input) {
        assertThatThrownBy(() -> PartyKey.of(input))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("Invalid party key " + Text.quote(input)
                        + ": expected an ODS code, a hyphen and digits, such as 'YES-0000806' or 'X26-823848'");
    }

    @ParameterizedTest(name = "ASID {0}")
    @ValueSource(strings = {"200000000296", "753468248012", "176887180519", "606179841014", "000000000000"})
    void acceptsTwelveDigitAsids(String input) {
        assertThat(Asid.of(input).value()).isEqualTo(input);
    }

    @ParameterizedTest(name = "ASID ''{0}'' rejected")
    @ValueSource(strings = {"", "20000000029", "2000000002960", "20000000029A", " 200000000296", "200-000-000-296", "２00000000296"})
    void rejectsMalformedAsidsNamingValueAndFormat(String input) {
        assertThatThrownBy(() -> Asid.of(input))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("Invalid ASID " + Text.quote(input) + ": expected 12 digits, such as '200000000296'");
    }

    @ParameterizedTest(name = "interaction {0}")
    @CsvSource({
        "urn:nhs:names:services:psis:REPC_IN150016UK05, psis, REPC_IN150016UK05",
        "urn:nhs:names:services:pds:QUPA_IN000008UK02, pds, QUPA_IN000008UK02",
        "urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1, gpconnect, fhir:rest:read:metadata-1",
        "urn:nhs:names:services:tms:ReliableIntermediary, tms, ReliableIntermediary",
        "urn:oasis:names:tc:ebxml-msg:service:Ping, ebxml-msg, Ping",
    })
    void parsesInteractionIdsIntoServiceAndInteraction(String input, String service, String interaction) {
        InteractionId id = InteractionId.of(input);
        assertThat(id).isEqualTo(new InteractionId(input, service, interaction));
        assertThat(id.toString()).isEqualTo(input);
    }

    @ParameterizedTest(name = "interaction ''{0}'' rejected")
    @ValueSource(strings = {"", "REPC_IN150016UK05", "urn:nhs:names:services:psis", "urn:nhs:names:services:psis:",
        "urn:nhs:names:services::REPC_IN150016UK05", "URN:NHS:NAMES:SERVICES:psis:REPC_IN150016UK05",
        "urn:nhs:names:services:psis:REPC IN150016UK05", "urn:oasis:names:tc:ebxml-msg:service:",
        "urn:nhs:names:services:psis:REPC_IN150016UK05:"})
    void rejectsMalformedInteractionIdsNamingValueAndFormat(String input) {
        assertThatThrownBy(() -> InteractionId.of(input))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageStartingWith("Invalid interaction id " + Text.quote(input) + ": expected 'urn:nhs:names:services:<service>:<interaction>'")
                .hasMessageContaining("urn:oasis:names:tc:ebxml-msg:service:<name>");
    }

    @org.junit.jupiter.api.Test
    void refusesAFourKilobyteInteractionIdWithoutOverflowingTheStack() {
        String huge = "urn:nhs:names:services:psis:" + "a:".repeat(2_000) + "b";
        assertThatThrownBy(() -> InteractionId.of(huge))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("at most 255 characters")
                .hasMessageContaining("more of " + huge.length() + " characters");
        String wideButShort = "urn:nhs:names:services:psis:" + "a:".repeat(100) + "b";
        assertThat(InteractionId.of(wideButShort).service()).isEqualTo("psis");
    }

    @ParameterizedTest(name = "interaction id form {0}")
    @CsvSource({
        "urn:nhs-itk:services:201005:getNHSNumberRequest-v1-0, OTHER, nhs-itk, getNHSNumberRequest-v1-0",
        "urn:oasis:names:tc:ebxml-msg:service:Ping, EBXML, ebxml-msg, Ping",
        "urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1, NHS, gpconnect, fhir:rest:read:metadata-1",
        "urn:nhs:names:services:psis:REPC_IN150016UK05, NHS, psis, REPC_IN150016UK05",
    })
    void acceptsEveryInteractionIdFormSdsHolds(String input, InteractionId.Form form, String service, String interaction) {
        InteractionId id = InteractionId.of(input);
        assertThat(id.value()).isEqualTo(input);
        assertThat(id.form()).isEqualTo(form);
        assertThat(id.service()).isEqualTo(service);
        assertThat(id.interaction()).isEqualTo(interaction);
    }

    @ParameterizedTest(name = "interaction id with LDAP metacharacter or space {0}")
    @ValueSource(strings = {"urn:nhs-itk:services:201005:get(x)", "urn:nhs-itk:services:201005:get*",
        "urn:nhs-itk:services:201005:get\\2a", "urn:nhs-itk:services:201005:get\u0000x",
        "urn:nhs-itk:services:201005:get\nx", "urn:nhs-itk:services:201005:get x", "urn:nhs-itk:services:201005:get\tx",
        "urn:nhs-itk:services:201005:ge\u017ft", "urn:nhs-itk", "urn:nhs-itk:", "urn::x", "sdfsd:AccreditedSystemSearchRequest_1_0"})
    void refusesFilterMetacharactersControlsAndWhitespaceInEveryForm(String input) {
        assertThatThrownBy(() -> InteractionId.of(input)).isInstanceOf(InvalidIdentifierException.class);
    }

    @ParameterizedTest(name = "non-ASCII {0} refused, not upper-cased into ASCII")
    @ValueSource(strings = {"ye\u017f", "x26\u00df", "\uff58\uff12\uff16", "x\u0131"})
    void refusesNonAsciiIdentifiersInsteadOfUpperCasingThemIntoValidOnes(String input) {
        assertThatThrownBy(() -> OdsCode.of(input)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining(Text.quote(input));
        assertThatThrownBy(() -> PartyKey.of(input + "-0000806")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> Asid.of("20000000029" + input)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> InteractionId.of("urn:nhs:names:services:psis:" + input))
                .isInstanceOf(InvalidIdentifierException.class);
    }

    @ParameterizedTest(name = "a line break or a huge value in a {0} is quoted and cut")
    @ValueSource(strings = {"ods", "party", "asid", "interaction"})
    void messagesQuoteLineBreaksAndCutHugeValues(String kind) {
        java.util.function.Consumer<String> parse = switch (kind) {
            case "ods" -> OdsCode::of;
            case "party" -> PartyKey::of;
            case "asid" -> Asid::of;
            default -> InteractionId::of;
        };
        assertThatThrownBy(() -> parse.accept("X26\nINFO forged log line")).isInstanceOf(InvalidIdentifierException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains("X26\\nINFO forged"));
        String huge = "X".repeat(100_000);
        assertThatThrownBy(() -> parse.accept(huge)).isInstanceOf(InvalidIdentifierException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1_000).contains("more of 100000 characters"));
    }

    @ParameterizedTest(name = "interaction parts disagreeing with {0}")
    @CsvSource({
        "urn:nhs:names:services:psis:REPC_IN150016UK05, pds, REPC_IN150016UK05",
        "urn:nhs:names:services:psis:REPC_IN150016UK05, psis, QUPA_IN000008UK02",
    })
    void rejectsInteractionIdWhosePartsDisagree(String value, String service, String interaction) {
        assertThatThrownBy(() -> new InteractionId(value, service, interaction))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageStartingWith("Invalid interaction id " + Text.quote(value) + "");
    }

    @ParameterizedTest(name = "canonical constructor rejects lower-case {0}")
    @ValueSource(strings = {"yes-0000806"})
    void canonicalConstructorsRequireNormalisedForm(String input) {
        assertThatThrownBy(() -> new PartyKey(input)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> new OdsCode("yes")).isInstanceOf(InvalidIdentifierException.class);
    }

    @ParameterizedTest(name = "environment name {0}")
    @CsvSource({
        "DEVELOPMENT, DEVELOPMENT", "dev, DEVELOPMENT", "Development, DEVELOPMENT",
        "integration, INTEGRATION", "INT, INTEGRATION", "Deployment, DEPLOYMENT", "dep, DEPLOYMENT", "live, LIVE",
        "Spine Development, DEVELOPMENT", "Spine deployment, DEPLOYMENT", "Integration environments, INTEGRATION",
        "development environment, DEVELOPMENT",
    })
    void parsesEnvironmentNamesInAnyForm(String input, SpineEnvironment expected) {
        assertThat(SpineEnvironment.parse(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "", "integ", "Spine", "local-mock"})
    void unknownEnvironmentNameListsKnownOnes(String input) {
        assertThatThrownBy(() -> SpineEnvironment.parse(input))
                .isInstanceOf(CatalogException.class)
                .hasMessage("Unknown Spine environment " + Text.quote(input)
                        + ": expected one of DEVELOPMENT (dev), INTEGRATION (int), DEPLOYMENT (dep), LIVE (live)");
    }
}
