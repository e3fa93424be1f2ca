package io.spinekit.cis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.cis.SamlDocs.Attr;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RoleAssertionParserTest {
    private static final Instant IN_WINDOW = Instant.parse("2025-03-14T10:02:10Z");
    private static final RoleAssertionParser PARSER = parserAt(IN_WINDOW);

    private static RoleAssertionParser parserAt(Instant now) {
        return RoleAssertionParser.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    private static RoleProfile profile(String uid, String ods, String org, String jobRole, String code,
            List<String> bf, List<String> bfCodes, List<String> aow, List<String> aowCodes, List<String> wg,
            List<String> wgCodes) {
        return new RoleProfile(uid, ods, Optional.ofNullable(org), Optional.ofNullable(jobRole),
                Optional.ofNullable(code), bf, bfCodes, aow, aowCodes, wg, wgCodes);
    }

    @Test
    void readsEveryFieldOfTheConstructedFixture() {
        RoleAssertion a = PARSER.parse(SamlDocs.fixture("role-assertion-success.xml"));

        RoleAssertion expected = new RoleAssertion("900000000101", "Example Alex Dr",
                "uid=900000000101,ou=People,o=nhs", Optional.of("C9999998"), "900000000202",
                Optional.of(SessionMode.LIVE), Optional.of("1.1"),
                Optional.of("a1b2c3d4e5f60718293a4b5c6d7e8f9001122334"), Optional.of("http://cis-fixture.example:8080"),
                Optional.of(Instant.parse("2025-03-14T10:02:00Z")),
                new ValidityWindow(Instant.parse("2025-03-14T09:59:00Z"), Instant.parse("2025-03-14T10:03:00Z")),
                List.of(
                        profile("900000000201", "X99", "EXAMPLE FIXTURE NHS TRUST",
                                "\"Clinical\":\"Clinical Provision\":\"Example Clinician Access Role\"",
                                "S9000:G9000:R9003", List.of("Example Function One", "Example Function Two"),
                                List.of("B9001", "B9002"), List.of(), List.of(), List.of(), List.of()),
                        profile("900000000202", "X99001", "EXAMPLE FIXTURE SURGERY",
                                "\"Admin & Clerical\":\"Admin\":\"Example Demographic Administrator\"",
                                "S9080:G9440:R9110", List.of("Example Function Three"), List.of("B9003"),
                                List.of("\"Primary Care\":\"General Practice\":\"Example Area\""),
                                List.of("P9001:Q9001:T9092"), List.of("ExampleWG"), List.of("900000000301")),
                        profile("900000000203", "X99002", null,
                                "\"Clinical\":\"Clinical Support\":\"Example Secretary Access Role\"", null,
                                List.of(), List.of(), List.of(), List.of(), List.of(), List.of())),
                Map.of());
        assertThat(a).isEqualTo(expected);
        assertThat(a.validity().length()).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void selectedRoleIsTheProfileNamedBySsbSessionRoleUid() {
        RoleAssertion a = PARSER.parse(SamlDocs.fixture("role-assertion-success.xml"));

        RoleProfile selected = a.selectedRole().orElseThrow();
        assertThat(selected.uniqueIdentifier()).isEqualTo("900000000202");
        assertThat(selected.orgCode()).isEqualTo("X99001");
        assertThat(selected.jobRoleName()).contains("Example Demographic Administrator");
        assertThat(selected.roleCode()).contains("R9110");
        assertThat(a.roleProfile("900000000203").map(RoleProfile::roleCode)).contains(Optional.empty());
        assertThat(a.roleProfile("nope")).isEmpty();
    }

    @Test
    void resultIsTheSameWhateverTheAttributeOrder() {
        List<Attr> person = SamlDocs.person();
        List<Attr> b1 = SamlDocs.block("A11", "900000001001");
        List<Attr> b2 = SamlDocs.block("B22", "900000002002");
        List<Attr> b3 = SamlDocs.block("C33", "900000003003");
        List<Attr> documented = new ArrayList<>(person);
        documented.addAll(b1);
        documented.addAll(b2);
        documented.addAll(b3);
        RoleAssertion reference = PARSER.parse(SamlDocs.response(documented));
        assertThat(reference.roleProfiles()).extracting(RoleProfile::orgCode).containsExactly("A11", "B22", "C33");

        Random random = new Random(42);
        for (int round = 0; round < 25; round++) {
            List<Attr> shuffledPerson = new ArrayList<>(person);
            Collections.shuffle(shuffledPerson, random);
            List<List<Attr>> blocks = new ArrayList<>();
            for (List<Attr> b : List.of(b1, b2, b3)) {
                List<Attr> copy = new ArrayList<>(b);
                Collections.shuffle(copy, random);
                blocks.add(copy);
            }
            // person attributes scattered between and after the role blocks
            List<Attr> doc = new ArrayList<>();
            doc.addAll(shuffledPerson.subList(0, 2));
            doc.addAll(blocks.get(0));
            doc.add(shuffledPerson.get(2));
            doc.addAll(blocks.get(1));
            doc.addAll(blocks.get(2));
            doc.addAll(shuffledPerson.subList(3, shuffledPerson.size()));

            assertThat(PARSER.parse(SamlDocs.response(doc))).as("round %d", round).isEqualTo(reference);
        }
    }

    @Test
    void attributeNamesMatchWhateverTheirCase() {
        List<Attr> doc = SamlDocs.person();
        List<Attr> block = SamlDocs.block("A11", "900000001001");
        block.set(0, Attr.of("NHSIDCODE", "A11"));
        block.set(4, Attr.of("UniqueIdentifier", "900000001001"));
        doc.addAll(block);
        doc.set(1, Attr.of("CN", "Example Alex Dr"));

        RoleAssertion a = PARSER.parse(SamlDocs.response(doc));

        assertThat(a.userName()).isEqualTo("Example Alex Dr");
        assertThat(a.roleProfiles()).singleElement().satisfies(p -> {
            assertThat(p.orgCode()).isEqualTo("A11");
            assertThat(p.uniqueIdentifier()).isEqualTo("900000001001");
        });
    }

    @Test
    void ssbModeOneIsTrainingAndAbsentModeIsUnknown() {
        List<Attr> training = SamlDocs.person();
        training.set(4, Attr.of("ssbMode", "1"));
        assertThat(PARSER.parse(SamlDocs.response(training)).mode()).contains(SessionMode.TRAINING);

        List<Attr> absent = SamlDocs.person();
        absent.remove(4);
        assertThat(PARSER.parse(SamlDocs.response(absent)).mode()).isEmpty();
    }

    @Test
    void ssbModeOtherThanZeroOrOneIsMalformed() {
        List<Attr> doc = SamlDocs.person();
        doc.set(4, Attr.of("ssbMode", "2"));

        assertThatThrownBy(() -> PARSER.parse(SamlDocs.response(doc)))
                .isInstanceOfSatisfying(CisException.class, e -> assertThat(e.reason())
                        .isEqualTo(CisException.Reason.MALFORMED))
                .hasMessageContaining("ssbMode is '2'").hasMessageContaining("0 (live) or 1 (training)");
    }

    @Test
    void unknownAttributesAreKeptAsOtherAttributes() {
        List<Attr> doc = SamlDocs.person();
        doc.add(Attr.of("nhsPersonStatus", "1"));

        assertThat(PARSER.parse(SamlDocs.response(doc)).otherAttributes())
                .isEqualTo(Map.of("nhsPersonStatus", List.of("1")));
    }

    @Test
    void failedStatusIsAClearCisExceptionWithCodesAndMessage() {
        String status = "<samlp:Status><samlp:StatusCode Value=\"samlp:Responder\">"
                + "<samlp:StatusCode Value=\"samlp:RequestDenied\"/></samlp:StatusCode>"
                + "<samlp:StatusMessage>Invalid SSO token</samlp:StatusMessage></samlp:Status>";
        String xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:1.0:protocol\" MajorVersion=\"1\" "
                + "MinorVersion=\"1\">" + status + "</samlp:Response>";

        assertThatThrownBy(() -> PARSER.parse(xml))
                .isInstanceOfSatisfying(CisException.class, e -> assertThat(e.reason())
                        .isEqualTo(CisException.Reason.FAILED_STATUS))
                .hasMessage("role assertion response has status \"samlp:Responder\" / \"samlp:RequestDenied\", message "
                        + "\"Invalid SSO token\": expected samlp:Success; the SSO ticket may have expired or been "
                        + "logged out, or the user has not selected a role");
    }

    @Test
    void successInAnotherNamespaceIsNotSuccess() {
        String xml = SamlDocs.response("<samlp:Status><samlp:StatusCode xmlns:x=\"urn:other\" Value=\"x:Success\"/>"
                + "</samlp:Status>", "2025-03-14T09:59:00Z", "2025-03-14T10:03:00Z", SamlDocs.person());

        assertThatThrownBy(() -> PARSER.parse(xml)).isInstanceOfSatisfying(CisException.class,
                e -> assertThat(e.reason()).isEqualTo(CisException.Reason.FAILED_STATUS));
    }

    @Test
    void expiredAssertionIsRefused() {
        RoleAssertionParser late = parserAt(Instant.parse("2025-03-14T10:04:00Z"));

        assertThatThrownBy(() -> late.parse(SamlDocs.fixture("role-assertion-success.xml")))
                .isInstanceOfSatisfying(CisException.class, e -> assertThat(e.reason())
                        .isEqualTo(CisException.Reason.EXPIRED))
                .hasMessage("role assertion expired at 2025-03-14T10:03:00Z (now 2025-03-14T10:04:00Z, allowed "
                        + "clock skew 60s): ask for a fresh assertion, and check this machine's clock")
                .message().doesNotContain(SamlDocs.TICKET);
    }

    @Test
    void clockSkewIsAllowedAtBothEndsAndNoFurther() {
        byte[] doc = SamlDocs.fixture("role-assertion-success.xml");
        assertThat(parserAt(Instant.parse("2025-03-14T10:03:59Z")).parse(doc).userUid()).isEqualTo("900000000101");
        assertThat(parserAt(Instant.parse("2025-03-14T09:58:00Z")).parse(doc).userUid()).isEqualTo("900000000101");

        assertThatThrownBy(() -> parserAt(Instant.parse("2025-03-14T09:57:59Z")).parse(doc))
                .isInstanceOfSatisfying(CisException.class, e -> assertThat(e.reason())
                        .isEqualTo(CisException.Reason.NOT_YET_VALID))
                .hasMessageContaining("not valid until 2025-03-14T09:59:00Z");
        RoleAssertionParser strict = RoleAssertionParser.builder().clockSkew(Duration.ZERO)
                .clock(Clock.fixed(Instant.parse("2025-03-14T10:03:00Z"), ZoneOffset.UTC)).build();
        assertThatThrownBy(() -> strict.parse(doc)).isInstanceOfSatisfying(CisException.class,
                e -> assertThat(e.reason()).isEqualTo(CisException.Reason.EXPIRED));
    }

    @Test
    void validityCheckCanBeTurnedOffToInspectAStoredAssertion() {
        RoleAssertionParser inspect = RoleAssertionParser.builder().checkValidity(false)
                .clock(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC)).build();

        RoleAssertion a = inspect.parse(SamlDocs.fixture("role-assertion-success.xml"));

        assertThat(a.isValidAt(Instant.parse("2030-01-01T00:00:00Z"))).isFalse();
        assertThat(a.isValidAt(IN_WINDOW)).isTrue();
    }

    @Test
    void assertionWithoutConditionsIsRefused() {
        String xml = SamlDocs.response(SamlDocs.success(), null, null, SamlDocs.person());

        assertThatThrownBy(() -> PARSER.parse(xml)).isInstanceOfSatisfying(CisException.class,
                e -> assertThat(e.reason()).isEqualTo(CisException.Reason.MALFORMED))
                .hasMessageContaining("has no <saml:Conditions>");
    }

    @Test
    void secondConditionsElementIsRefusedAsASecondAssertionIs() {
        String xml = SamlDocs.response(SamlDocs.person()).replace("<saml:AttributeStatement>",
                "<saml:Conditions NotBefore=\"2020-01-01T00:00:00Z\" NotOnOrAfter=\"2099-01-01T00:00:00Z\"/>"
                        + "<saml:AttributeStatement>");
        RoleAssertionParser inspect = RoleAssertionParser.builder().checkValidity(false).build();

        assertThatThrownBy(() -> PARSER.parse(xml)).isInstanceOfSatisfying(CisException.class,
                e -> assertThat(e.reason()).isEqualTo(CisException.Reason.MALFORMED))
                .hasMessageContaining("has 2 <saml:Conditions> elements: expected exactly one");
        assertThatThrownBy(() -> inspect.parse(xml)).isInstanceOfSatisfying(CisException.class,
                e -> assertThat(e.reason()).isEqualTo(CisException.Reason.MALFORMED));
    }

    @Test
    void htmlPageIsNotARoleAssertion() {
        assertThatThrownBy(() -> PARSER.parse("<!DOCTYPE html><html><body>Login</body></html>"))
                .isInstanceOfSatisfying(CisException.class, e -> assertThat(e.reason())
                        .isEqualTo(CisException.Reason.NOT_A_ROLE_ASSERTION))
                .hasMessageContaining("is an HTML page");
    }

    @Test
    void otherXmlIsNotARoleAssertion() {
        assertThatThrownBy(() -> PARSER.parse("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>"))
                .isInstanceOfSatisfying(CisException.class, e -> assertThat(e.reason())
                        .isEqualTo(CisException.Reason.NOT_A_ROLE_ASSERTION))
                .hasMessage("role assertion response has root <{urn:oasis:names:tc:SAML:2.0:protocol}Response>: "
                        + "expected a SAML 1.1 <samlp:Response> in namespace urn:oasis:names:tc:SAML:1.0:protocol");

        String noNhsAttributes = SamlDocs.response(List.of());
        assertThatThrownBy(() -> PARSER.parse(noNhsAttributes)).isInstanceOfSatisfying(CisException.class,
                e -> assertThat(e.reason()).isEqualTo(CisException.Reason.NOT_A_ROLE_ASSERTION));

        String successWithoutAssertion = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:1.0:protocol\">"
                + SamlDocs.success() + "</samlp:Response>";
        assertThatThrownBy(() -> PARSER.parse(successWithoutAssertion)).isInstanceOfSatisfying(CisException.class,
                e -> assertThat(e.reason()).isEqualTo(CisException.Reason.NOT_A_ROLE_ASSERTION));
    }

    @Test
    void roleProfileWithoutUniqueIdentifierIsMalformed() {
        List<Attr> doc = SamlDocs.person();
        List<Attr> block = SamlDocs.block("A11", "900000001001");
        block.remove(4);
        doc.addAll(block);

        assertThatThrownBy(() -> PARSER.parse(SamlDocs.response(doc)))
                .isInstanceOfSatisfying(CisException.class, e -> assertThat(e.reason())
                        .isEqualTo(CisException.Reason.MALFORMED))
                .hasMessageContaining("role profile 1 (\"A11\") has no uniqueIdentifier");
    }

    @Test
    void subjectThatNamesAnotherUserIsMalformed() {
        List<Attr> doc = SamlDocs.person();
        doc.set(2, Attr.of("uid", "900000000999"));

        assertThatThrownBy(() -> PARSER.parse(SamlDocs.response(doc)))
                .isInstanceOfSatisfying(CisException.class, e -> assertThat(e.reason())
                        .isEqualTo(CisException.Reason.MALFORMED))
                .hasMessageContaining("names user \"900000000101\" but the uid attribute is \"900000000999\"");
    }

    @Test
    void repeatedPersonAttributeIsMalformed() {
        List<Attr> doc = SamlDocs.person();
        doc.add(Attr.of("ssbSessionRoleUid", "900000000203"));

        assertThatThrownBy(() -> PARSER.parse(SamlDocs.response(doc)))
                .isInstanceOfSatisfying(CisException.class, e -> assertThat(e.reason())
                        .isEqualTo(CisException.Reason.MALFORMED))
                .hasMessageContaining("has attribute \"ssbSessionRoleUid\" twice");
    }

    @Test
    void missingRequiredPersonAttributeIsMalformed() {
        List<Attr> doc = SamlDocs.person();
        doc.remove(3);

        assertThatThrownBy(() -> PARSER.parse(SamlDocs.response(doc)))
                .isInstanceOfSatisfying(CisException.class, e -> assertThat(e.reason())
                        .isEqualTo(CisException.Reason.MALFORMED))
                .hasMessageContaining("has no ssbSessionRoleUid attribute");
    }

    @Test
    void hostileXmlInsideASamlResponseIsRefusedBeforeAnythingIsRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + SamlDocs.fixtureText("role-assertion-success.xml").replaceFirst("(?s)^<\\?xml[^>]*>", "")
                        .replace("Example Alex Dr", "&x;");

        assertThatThrownBy(() -> PARSER.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CisException.class, e -> assertThat(e.reason())
                        .isEqualTo(CisException.Reason.REJECTED_XML));
    }

    @Test
    void resultAndErrorsNeverContainTheEmbeddedTicket() {
        RoleAssertion a = PARSER.parse(SamlDocs.fixture("role-assertion-success.xml"));
        assertThat(a.toString()).doesNotContain(SamlDocs.TICKET).doesNotContain("FIXTUREticket");

        String broken = SamlDocs.fixtureText("role-assertion-success.xml").replace("</samlp:Response>", "");
        assertThatThrownBy(() -> PARSER.parse(broken)).isInstanceOfSatisfying(CisException.class, e -> {
            assertThat(e.reason()).isEqualTo(CisException.Reason.MALFORMED);
            assertThat(e.getMessage()).doesNotContain("FIXTUREticket");
        });
    }
}
