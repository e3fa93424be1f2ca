package io.spinekit.testkit;

import io.spinekit.cis.RoleAssertion;
import io.spinekit.cis.RoleProfile;
import io.spinekit.cis.SessionMode;
import io.spinekit.cis.SsoTicket;
import io.spinekit.cis.ValidityWindow;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sbapi bodies of {@link FakeCis}: SAML 1.1 role assertion responses shaped like the ones CIS's
 * {@code /saml/RoleAssertion} returns, and the hostile documents of {@link FakeCis.Hostile}. The SAML
 * is constructed, not a capture: it follows the published shape (namespace
 * {@code http://www.syntegra.com} attributes, subject {@code uid=<user UID>,ou=People,o=nhs}, the
 * ticket echoed in the nested assertion's {@code SubjectConfirmationData}) with made-up content.
 * Tests outside the package use {@link FakeCis#sampleAssertion(Instant)} and
 * {@link FakeCis#roleAssertionResponse(RoleAssertion, SsoTicket)}.
 */
final class FakeCisSaml {
    private static final String SYNTEGRA = "http://www.syntegra.com";

    private FakeCisSaml() {
    }

    /**
     * A realistic made-up assertion valid now: user {@code 900000000101} ("Example Alex Dr") with two
     * role profiles, the second selected, live mode, a window from 3 minutes ago to 1 minute ahead (as
     * real ones are about 4 minutes long).
     *
     * @param now the current time
     * @return the assertion
     */
    static RoleAssertion sampleAssertion(Instant now) {
        Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
        return new RoleAssertion("900000000101", "Example Alex Dr", "uid=900000000101,ou=People,o=nhs",
                Optional.of("C9999998"), "900000000202", Optional.of(SessionMode.LIVE), Optional.of("1.1"),
                Optional.of("fake0000000000000000000000000000000000001"), Optional.of("http://fake-cis:8080"),
                Optional.of(issued),
                new ValidityWindow(issued.minus(Duration.ofMinutes(3)), issued.plus(Duration.ofMinutes(1))),
                List.of(new RoleProfile("900000000201", "X99", Optional.of("EXAMPLE FIXTURE NHS TRUST"),
                                Optional.of("\"Clinical\":\"Clinical Provision\":\"Example Clinician Access Role\""),
                                Optional.of("S9000:G9000:R9003"), List.of("Example Function One", "Example Function Two"),
                                List.of("B9001", "B9002"), List.of(), List.of(), List.of(), List.of()),
                        new RoleProfile("900000000202", "X99001", Optional.of("EXAMPLE FIXTURE SURGERY"),
                                Optional.of("\"Admin & Clerical\":\"Admin\":\"Example Demographic Administrator\""),
                                Optional.of("S9080:G9440:R9110"), List.of("Example Function Three"), List.of("B9003"),
                                List.of("\"Primary Care\":\"General Practice\":\"Example Area\""),
                                List.of("P9001:Q9001:T9092"), List.of("ExampleWG"), List.of("900000000301"))),
                Map.of());
    }

    /**
     * Writes a successful response carrying an assertion; the ticket is echoed where CIS echoes it.
     *
     * @param a the assertion to write (every field is written; absent optional fields are omitted)
     * @param ticket the ticket to echo in the nested assertion
     * @return the response XML
     */
    static String successResponse(RoleAssertion a, SsoTicket ticket) {
        String issue = a.issueInstant().orElse(a.validity().notBefore()).toString();
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:1.0:protocol\" ResponseID=\"null\" "
                + "InResponseTo=\"null\" MajorVersion=\"1\" MinorVersion=\"1\" IssueInstant=\"").append(issue)
                .append("\" Recipient=\"127.0.0.1\">\n")
                .append("  <samlp:Status><samlp:StatusCode Value=\"samlp:Success\"/></samlp:Status>\n")
                .append("  <saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:1.0:assertion\" MajorVersion=\"1\" "
                        + "MinorVersion=\"1\"");
        a.assertionId().ifPresent(v -> sb.append(" AssertionID=\"").append(escape(v)).append('"'));
        a.issuer().ifPresent(v -> sb.append(" Issuer=\"").append(escape(v)).append('"'));
        sb.append(" IssueInstant=\"").append(issue).append("\">\n");
        String conditions = "<saml:Conditions NotBefore=\"" + a.validity().notBefore() + "\" NotOnOrAfter=\""
                + a.validity().notOnOrAfter() + "\"/>";
        sb.append("    ").append(conditions).append('\n');
        sb.append("    <saml:AttributeStatement>\n      <saml:Subject>\n        <saml:NameIdentifier "
                + "NameQualifier=\"o=nhs\">").append(escape(a.userDn())).append("</saml:NameIdentifier>\n"
                + "        <saml:SubjectConfirmation>\n          <saml:ConfirmationMethod>urn:com:sun:identity"
                + "</saml:ConfirmationMethod>\n          <saml:SubjectConfirmationData>\n"
                + "            <saml:Assertion MajorVersion=\"1\" MinorVersion=\"1\" AssertionID=\"inner\" IssueInstant=\"")
                .append(issue).append("\">").append(conditions)
                .append("<saml:AuthenticationStatement AuthenticationInstant=\"").append(issue)
                .append("\" AuthenticationMethod=\"urn:com:sun:identity:ExtendedLoginModule\"><saml:Subject>"
                        + "<saml:NameIdentifier NameQualifier=\"o=nhs\">").append(escape(a.userDn()))
                .append("</saml:NameIdentifier><saml:SubjectConfirmation><saml:ConfirmationMethod>"
                        + "urn:com:sun:identity</saml:ConfirmationMethod><saml:SubjectConfirmationData>")
                .append(escape(ticket.reveal()))
                .append("</saml:SubjectConfirmationData></saml:SubjectConfirmation></saml:Subject>"
                        + "<saml:SubjectLocality IPAddress=\"127.0.0.1\"/></saml:AuthenticationStatement>"
                        + "</saml:Assertion>\n          </saml:SubjectConfirmationData>\n"
                        + "        </saml:SubjectConfirmation>\n      </saml:Subject>\n");
        a.assertionVersion().ifPresent(v -> attribute(sb, "ssbAssertionVersion", List.of(v)));
        attribute(sb, "cn", List.of(a.userName()));
        attribute(sb, "uid", List.of(a.userUid()));
        a.ocsPractitionerCode().ifPresent(v -> attribute(sb, "nhsOcsPrCode", List.of(v)));
        attribute(sb, "ssbSessionRoleUid", List.of(a.sessionRoleUid()));
        a.mode().ifPresent(m -> attribute(sb, "ssbMode", List.of(m.ssbMode())));
        for (RoleProfile p : a.roleProfiles()) {
            attribute(sb, "nhsIdCode", List.of(p.orgCode()));
            p.orgName().ifPresent(v -> attribute(sb, "o", List.of(v)));
            attribute(sb, "nhsBusinessFunctions", p.businessFunctions());
            attribute(sb, "nhsBusinessFunctionsCodes", p.businessFunctionCodes());
            attribute(sb, "nhsAreaOfWork", p.areasOfWork());
            attribute(sb, "nhsAreaOfWorkCodes", p.areaOfWorkCodes());
            p.jobRole().ifPresent(v -> attribute(sb, "nhsJobRole", List.of(v)));
            attribute(sb, "uniqueIdentifier", List.of(p.uniqueIdentifier()));
            p.jobRoleCode().ifPresent(v -> attribute(sb, "nhsJobRoleCode", List.of(v)));
            attribute(sb, "nhsWorkGroups", p.workgroups());
            attribute(sb, "nhsWorkGroupsCodes", p.workgroupCodes());
        }
        for (Map.Entry<String, List<String>> e : a.otherAttributes().entrySet()) {
            attribute(sb, e.getKey(), e.getValue());
        }
        sb.append("    </saml:AttributeStatement>\n  </saml:Assertion>\n</samlp:Response>\n");
        return sb.toString();
    }

    /**
     * Writes a response with a failure status and no assertion. What CIS sends for a bad ticket is
     * not published; this uses standard SAML 1.1 codes ({@code samlp:Responder} /
     * {@code samlp:RequestDenied}) with the given message.
     *
     * @param message the status message
     * @return the response XML
     */
    static String failureResponse(String message) {
        return "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:1.0:protocol\" ResponseID=\"null\" "
                + "InResponseTo=\"null\" MajorVersion=\"1\" MinorVersion=\"1\" IssueInstant=\""
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\">\n  <samlp:Status>\n"
                + "    <samlp:StatusCode Value=\"samlp:Responder\"><samlp:StatusCode Value=\"samlp:RequestDenied\"/>"
                + "</samlp:StatusCode>\n    <samlp:StatusMessage>" + escape(message) + "</samlp:StatusMessage>\n"
                + "  </samlp:Status>\n</samlp:Response>\n";
    }

    /**
     * A hostile document: external entities (a local file, or {@code /xxe-canary} on
     * {@code baseUrl}) in an otherwise valid response, nested entity expansion, elements nested
     * 10,000 deep, or a valid response padded to over 3 MiB.
     *
     * @param kind which attack
     * @param baseUrl the fake's base URL, for {@link FakeCis.Hostile#XXE_HTTP}
     * @return the document
     */
    static String hostile(FakeCis.Hostile kind, URI baseUrl) {
        String saml = successResponse(sampleAssertion(Instant.now()), SsoTicket.of("hostile"));
        return switch (kind) {
            case XXE_FILE -> "<?xml version=\"1.0\"?>\n<!DOCTYPE samlp:Response [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                    + saml.replace("Example Alex Dr", "&xxe;");
            case XXE_HTTP -> "<?xml version=\"1.0\"?>\n<!DOCTYPE samlp:Response [<!ENTITY xxe SYSTEM \"" + baseUrl
                    + "/xxe-canary\">]>\n" + saml.replace("Example Alex Dr", "&xxe;");
            case BILLION_LAUGHS -> billionLaughs();
            case DEEP_NESTING -> "<a>".repeat(10_000) + "</a>".repeat(10_000);
            case OVERSIZED -> saml.replace("</samlp:Response>", "<!-- " + "x".repeat(3 * 1024 * 1024) + " -->"
                    + "</samlp:Response>");
        };
    }

    private static String billionLaughs() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            String prev = i == 1 ? "lol" : "lol" + (i - 1);
            sb.append("<!ENTITY lol").append(i).append(" \"").append(("&" + prev + ";").repeat(10)).append("\">\n");
        }
        return sb.append("]>\n<lolz>&lol9;</lolz>\n").toString();
    }

    private static void attribute(StringBuilder sb, String name, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        sb.append("      <saml:Attribute AttributeName=\"").append(escape(name)).append("\" AttributeNamespace=\"")
                .append(SYNTEGRA).append("\">\n");
        for (String v : values) {
            sb.append("        <saml:AttributeValue>").append(escape(v)).append("</saml:AttributeValue>\n");
        }
        sb.append("      </saml:Attribute>\n");
    }

    static String escape(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
