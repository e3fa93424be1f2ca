package io.spinekit.cis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds constructed SAML 1.1 role assertion responses for tests (not real NHS captures). */
final class SamlDocs {
    static final String TICKET = "FIXTUREticketZm9yIHRlc3RzIG9ubHk=@AAJTSQACMDE=#";

    /** One saml:Attribute. */
    record Attr(String name, List<String> values) {
        static Attr of(String name, String... values) {
            return new Attr(name, List.of(values));
        }
    }

    private SamlDocs() {
    }

    static byte[] fixture(String name) {
        try (InputStream in = SamlDocs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fixtureText(String name) {
        return new String(fixture(name), StandardCharsets.UTF_8);
    }

    static List<Attr> person() {
        return new ArrayList<>(List.of(
                Attr.of("ssbAssertionVersion", "1.1"),
                Attr.of("cn", "Example Alex Dr"),
                Attr.of("uid", "900000000101"),
                Attr.of("ssbSessionRoleUid", "900000000202"),
                Attr.of("ssbMode", "0")));
    }

    static List<Attr> block(String odsCode, String roleUid) {
        return new ArrayList<>(List.of(
                Attr.of("nhsIdCode", odsCode),
                Attr.of("o", "ORG " + odsCode),
                Attr.of("nhsJobRole", "\"Clinical\":\"Clinical Provision\":\"Role " + roleUid + "\""),
                Attr.of("nhsJobRoleCode", "S9000:G9000:R" + roleUid.substring(roleUid.length() - 4)),
                Attr.of("uniqueIdentifier", roleUid),
                Attr.of("nhsBusinessFunctions", "Function A " + roleUid, "Function B " + roleUid),
                Attr.of("nhsBusinessFunctionsCodes", "B0001", "B0002"),
                Attr.of("nhsAreaOfWork", "\"Area\":\"" + roleUid + "\""),
                Attr.of("nhsAreaOfWorkCodes", "P0001:Q0001"),
                Attr.of("nhsWorkGroups", "WG" + roleUid),
                Attr.of("nhsWorkGroupsCodes", "W" + roleUid)));
    }

    static String response(String statusXml, String notBefore, String notOnOrAfter, List<Attr> attributes) {
        StringBuilder sb = new StringBuilder();
        sb.append("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:1.0:protocol\" MajorVersion=\"1\" "
                + "MinorVersion=\"1\" IssueInstant=\"2025-03-14T10:02:00Z\">");
        sb.append(statusXml);
        sb.append("<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:1.0:assertion\" MajorVersion=\"1\" "
                + "MinorVersion=\"1\" AssertionID=\"id1\" Issuer=\"http://cis.example\" "
                + "IssueInstant=\"2025-03-14T10:02:00Z\">");
        if (notBefore != null || notOnOrAfter != null) {
            sb.append("<saml:Conditions");
            if (notBefore != null) {
                sb.append(" NotBefore=\"").append(notBefore).append('"');
            }
            if (notOnOrAfter != null) {
                sb.append(" NotOnOrAfter=\"").append(notOnOrAfter).append('"');
            }
            sb.append("/>");
        }
        sb.append("<saml:AttributeStatement><saml:Subject><saml:NameIdentifier NameQualifier=\"o=nhs\">"
                + "uid=900000000101,ou=People,o=nhs</saml:NameIdentifier><saml:SubjectConfirmation>"
                + "<saml:SubjectConfirmationData>" + TICKET + "</saml:SubjectConfirmationData>"
                + "</saml:SubjectConfirmation></saml:Subject>");
        for (Attr a : attributes) {
            sb.append("<saml:Attribute AttributeName=\"").append(a.name())
                    .append("\" AttributeNamespace=\"http://www.syntegra.com\">");
            for (String v : a.values()) {
                sb.append("<saml:AttributeValue>").append(escape(v)).append("</saml:AttributeValue>");
            }
            sb.append("</saml:Attribute>");
        }
        sb.append("</saml:AttributeStatement></saml:Assertion></samlp:Response>");
        return sb.toString();
    }

    static String success() {
        return "<samlp:Status><samlp:StatusCode Value=\"samlp:Success\"/></samlp:Status>";
    }

    static String response(List<Attr> attributes) {
        return response(success(), "2025-03-14T09:59:00Z", "2025-03-14T10:03:00Z", attributes);
    }

    static String escape(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
