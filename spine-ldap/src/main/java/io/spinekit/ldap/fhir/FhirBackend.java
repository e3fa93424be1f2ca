package io.spinekit.ldap.fhir;

import io.spinekit.core.Text;
import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.AccreditedSystem;
import io.spinekit.ldap.ForwardReliable;
import io.spinekit.ldap.MhsRecord;
import io.spinekit.ldap.Organisation;
import io.spinekit.ldap.internal.SdsBackend;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SDS FHIR API back-end: {@code GET /Device} for accredited systems and {@code GET /Endpoint}
 * for MHS records, with the parameters of docs/reference/SDS-FHIR.md sections 2 and 3, every value
 * checked before it is sent. What the API cannot answer fails at once, saying so: an accredited
 * system by ASID or by party key alone ({@code /Device} needs an organisation and an interaction),
 * an organisation (no Organization resource), and the route of a forward-express interaction (the
 * API swaps its endpoint for Spine's express intermediary). Thread-safe.
 */
final class FhirBackend implements SdsBackend {
    private final URI base;
    private final FhirHttp http;

    FhirBackend(SdsFhir settings, URI base) {
        this.base = base;
        this.http = new FhirHttp(settings, d -> Thread.sleep(d.toMillis()));
    }

    @Override
    public String name() {
        return "fhir";
    }

    @Override
    public List<String> servers() {
        return List.of(base.toString());
    }

    @Override
    public List<MhsRecord> mhs(OdsCode odsCode, InteractionId interactionId, Optional<PartyKey> partyKey) {
        String what = "Endpoint search for ODS code " + odsCode + " and interaction " + interactionId
                + partyKey.map(p -> " with party key " + p).orElse("");
        if (ForwardReliable.forwardExpress(interactionId)) {
            throw unsupported("The SDS FHIR API replaces the endpoint of forward-express interaction " + interactionId
                    + " with Spine's express intermediary, so its own endpoint cannot be read over FHIR; spinekit"
                    + " sends it direct (as NHS's MHS adaptor does): use the LDAP back-end for it");
        }
        List<String> q = new ArrayList<>();
        q.add(param("organization", FhirJson.ODS_SYSTEM, odsCode.value(), "ODS code"));
        q.add(param("identifier", FhirJson.INTERACTION_SYSTEM, interactionId.value(), "interaction id"));
        partyKey.ifPresent(p -> q.add(param("identifier", FhirJson.PARTY_KEY_SYSTEM, p.value(), "party key")));
        FhirHttp.Answer a = http.get(url("Endpoint", q), what);
        List<MhsRecord> out = new ArrayList<>();
        for (var r : FhirJson.resources(a.body(), "Endpoint", what, a.correlationId())) {
            out.add(FhirJson.endpoint(r));
        }
        return out;
    }

    @Override
    public List<AccreditedSystem> accreditedSystems(OdsCode odsCode, InteractionId interactionId) {
        String what = "Device search for ODS code " + odsCode + " and interaction " + interactionId;
        FhirHttp.Answer a = http.get(url("Device", List.of(
                param("organization", FhirJson.ODS_SYSTEM, odsCode.value(), "ODS code"),
                param("identifier", FhirJson.INTERACTION_SYSTEM, interactionId.value(), "interaction id"))), what);
        List<AccreditedSystem> out = new ArrayList<>();
        for (var r : FhirJson.resources(a.body(), "Device", what, a.correlationId())) {
            out.add(FhirJson.device(r, odsCode));
        }
        return out;
    }

    @Override
    public List<AccreditedSystem> accreditedSystems(OdsCode odsCode, PartyKey partyKey) {
        throw unsupported("The SDS FHIR API cannot list the accredited systems of ODS code " + odsCode
                + " by party key " + partyKey + " alone: GET /Device needs an organisation and an interaction."
                + " Look them up by interaction, or use the LDAP back-end");
    }

    @Override
    public List<AccreditedSystem> accreditedSystem(Asid asid) {
        throw unsupported("The SDS FHIR API cannot find an accredited system by ASID " + asid
                + ": GET /Device needs an organisation and an interaction. Look it up by ODS code and interaction,"
                + " or use the LDAP back-end");
    }

    @Override
    public List<Organisation> organisation(OdsCode odsCode) {
        throw unsupported("The SDS FHIR API has no organisation look-up (no Organization resource), so ODS code "
                + odsCode + " cannot be looked up over FHIR: use the LDAP back-end");
    }

    private static SdsFhirException unsupported(String message) {
        return new SdsFhirException(SdsFhirException.Kind.UNSUPPORTED, message, null, null);
    }

    /**
     * {@code name=system|value}, URL-encoded ({@code |} as {@code %7C}, as MHS sends it). The API puts
     * values into its LDAP filter unescaped, so {@code *} would match anything (SDS-FHIR.md section 2),
     * and in FHIR search a comma separates alternatives: a value holding either, a {@code |},
     * white space or a control character is refused before anything is sent.
     */
    static String param(String name, String system, String value, String kind) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '*' || c == ',' || c == '|' || c == '\\' || c == '(' || c == ')' || c <= ' ' || c == 0x7f) {
                throw new SdsFhirException(SdsFhirException.Kind.INVALID_VALUE, "The " + kind + " "
                        + Text.quote(value, 200) + " cannot be sent to the SDS FHIR API: it holds "
                        + Text.quote(String.valueOf(c)) + " at position " + (i + 1) + "; expected no '*', ',', '|',"
                        + " '\\\\', parentheses, white space or control characters", null, null);
            }
        }
        return name + "=" + URLEncoder.encode(system + "|" + value, StandardCharsets.UTF_8);
    }

    private URI url(String resource, List<String> query) {
        return URI.create(base + "/" + resource + "?" + String.join("&", query));
    }

    @Override
    public void close() {
        http.close();
    }
}
