package io.spinekit.cli;

import io.spinekit.core.SpineException;
import io.spinekit.core.Text;
import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.ldap.SdsClient;
import io.spinekit.ldap.SdsResult;
import io.spinekit.ldap.MhsRecord;
import io.spinekit.ldap.fhir.SdsFhir;
import io.spinekit.tls.ConnectionCheck;
import io.spinekit.tls.SpineTlsContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * {@code spine doctor}'s SDS FHIR API check, run when {@code --sds-api-key-file} is given: DNS, TCP
 * and a TLS handshake with the JDK's public CAs (or {@code --sds-fhir-trust}), kept apart from the
 * Spine trust of the other checks, then an authenticated query (the Spine core's reliable
 * intermediary Endpoint), so a missing or refused key shows here.
 */
final class SdsFhirDoctor {
    /** Reports one check. */
    interface Reporter {
        void report(String check, String target, String status, String detail, String fix);
    }

    private SdsFhirDoctor() {
    }

    static void check(EnvironmentProfile profile, String url, Path keyFile, Path trustPem, Duration timeout,
            Predicate<ConnectionCheck.Step> step, Reporter report) {
        String base = url != null ? url : profile.url("sds.fhir.url").map(URI::toString).orElse(null);
        if (base == null) {
            report.report("sds-fhir", profile.name(), "FAIL", "no SDS FHIR API URL (sds.fhir.url) for this environment",
                    "give --sds-fhir-url or set " + profile.systemProperty("sds.fhir.url"));
            return;
        }
        SpineTlsContext trust;
        SdsFhir settings;
        try {
            trust = trustPem == null ? SdsFhir.publicTrust() : SpineTlsContext.builder().trustPem(trustPem).build();
            settings = SdsFhir.builder().baseUrl(base).apiKeyFile(keyFile).trust(trust).connectTimeout(timeout)
                    .responseTimeout(timeout).maxRetries(0).build();
        } catch (SpineException e) {
            report.report("sds-fhir", base, "FAIL", e.getMessage(), "check --sds-fhir-url, --sds-api-key-file and"
                    + " --sds-fhir-trust");
            return;
        }
        URI u = URI.create(base);
        int port = u.getPort() > 0 ? u.getPort() : 443;
        if (!step.test(ConnectionCheck.dns(u.getHost(), timeout)) || !step.test(ConnectionCheck.tcp(u.getHost(), port,
                timeout)) || !step.test(ConnectionCheck.tls(trust, u.getHost(), port, timeout))) {
            report.report("sds-fhir", base, "WARN", "not checked: the host or handshake failed above",
                    "fix the checks above first (the API has a public-CA certificate: its trust is the JDK's)");
            return;
        }
        OdsCode core = profile.spineCoreOdsCode().orElse(OdsCode.of("YES"));
        try (SdsClient c = SdsClient.builder().noCache().fhir(settings).build()) {
            SdsResult<MhsRecord> r = c.mhsRecords(core, InteractionId.of(SdsClient.RELIABLE_INTERMEDIARY));
            report.report("sds-fhir", base, "PASS", "authenticated Endpoint query answered (" + r.matches().size()
                    + " record(s) for Spine's reliable intermediary under " + core + ")", null);
        } catch (SpineException e) {
            report.report("sds-fhir", base, "FAIL", Text.quote(e.getMessage(), 1000), "check the API key"
                    + " (--sds-api-key-file) and that the application is subscribed to the SDS FHIR API");
        }
    }
}
