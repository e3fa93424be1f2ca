package io.spinekit.it.sdsfhir;

import static io.spinekit.testkit.EmbeddedSds.accreditedSystem;
import static io.spinekit.testkit.EmbeddedSds.mhs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.RouteResult;
import io.spinekit.ldap.SdsClient;
import io.spinekit.ldap.SdsUnavailableException;
import io.spinekit.ldap.fhir.SdsFhir;
import io.spinekit.ldap.fhir.SdsFhirException;
import io.spinekit.ldap.fhir.SdsFhirUnavailableException;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.FakeSdsFhir;
import io.spinekit.tls.SpineTlsContext;
import io.spinekit.tls.TlsFailure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The FHIR back-end's requests, errors, retries, stale-if-error and TLS against {@link FakeSdsFhir}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hang, not a timing assertion
class SdsFhirBackendTest {
    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    static final OdsCode X26 = OdsCode.of("X26");
    static final InteractionId PSIS_ID = InteractionId.of(PSIS);
    static EmbeddedSds sds;
    static FakeSdsFhir fhir;

    @BeforeAll
    static void start() {
        sds = EmbeddedSds.startDefault();
        fhir = FakeSdsFhir.over(sds).apiKey("the-key").start();
    }

    @AfterAll
    static void stop() {
        fhir.close();
        sds.close();
    }

    @BeforeEach
    void fixture() {
        sds.clear();
        fhir.reset();
        fhir.retryAfter(0);
        sds.addMhs(mhs("X26", PSIS).uniqueIdentifier("S918999198738").partyKey("X26-823848"));
        sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848").interactions(PSIS));
    }

    @Test
    void aRouteIsTwoGetsWithTheHeadersSdsFhirMdAsksFor() {
        try (SdsClient c = fhir.clientBuilder().build()) {
            assertThat(c.route(X26, PSIS_ID).orElseThrow().asid()).isEqualTo(Asid.of("918999198738"));
            assertThat(c.backend()).isEqualTo("fhir");
        }
        List<String> log = fhir.requests();
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).startsWith("GET /spine-directory/FHIR/R4/Endpoint?organization=https%3A%2F%2Ffhir.nhs.uk"
                + "%2FId%2Fods-organization-code%7CX26&identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2FnhsServiceInteractionId"
                + "%7Curn%3Anhs%3Anames%3Aservices%3Apsis%3AREPC_IN150016UK05 ");
        assertThat(log.get(1)).startsWith("GET /spine-directory/FHIR/R4/Device?");
        assertThat(log).allSatisfy(l -> assertThat(l).contains("apikey=yes", "accept=application/fhir+json"));
        List<String> ids = log.stream().map(l -> l.substring(l.indexOf("correlation=") + 12)).toList();
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(UUID.fromString(id)).isNotNull());
    }

    @Test
    void theFakeAnswersTheApisErrors() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(fhir.trust().sslContext()).build();
        String q = "?organization=https://fhir.nhs.uk/Id/ods-organization-code%7CX26"
                + "&identifier=https://fhir.nhs.uk/Id/nhsServiceInteractionId%7C" + PSIS;
        assertThat(get(http, "/Endpoint" + q, "the-key", "application/fhir+json").statusCode()).isEqualTo(200);
        assertThat(get(http, "/Endpoint" + q, null, "application/fhir+json").statusCode()).isEqualTo(401);
        assertThat(get(http, "/Endpoint" + q, "the-key", "text/xml").statusCode()).isEqualTo(406);
        assertThat(get(http, "/endpoint" + q, "the-key", null).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongSystem = get(http, "/Endpoint?organization=https://fhir.nhs.uk/Id/wrong%7CX26", "the-key",
                null);
        assertThat(wrongSystem.statusCode()).isEqualTo(400);
        assertThat(wrongSystem.body()).contains("OperationOutcome", "BAD_REQUEST");
        fhir.fail(502, 1);
        assertThat(get(http, "/Endpoint" + q, "the-key", null).statusCode()).isEqualTo(502);
    }

    private static HttpResponse<String> get(HttpClient http, String path, String key, String accept) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(fhir.url() + path));
        if (key != null) {
            r.header("apikey", key);
        }
        if (accept != null) {
            r.header("Accept", accept);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutTheKeyA401IsTypedAndCarriesTheCorrelationIdAndIsNeverRetriedOrCached() {
        try (SdsClient c = SdsClient.builder().fhir(SdsFhir.builder().baseUrl(fhir.url().toString())
                .trust(fhir.trust()).build()).build()) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> c.route(X26, PSIS_ID)).isInstanceOfSatisfying(SdsFhirException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SdsFhirException.Kind.UNAUTHORIZED);
                    assertThat(e.outcome()).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(401));
                    assertThat(e.correlationId()).hasValueSatisfying(id -> assertThat(e.getMessage()).contains(id));
                });
            }
        }
        assertThat(fhir.requestCount()).as("one request per call: no retry, no cached error").isEqualTo(2);
    }

    @Test
    void a429IsRetriedAfterRetryAfterAndTooManyAreRateLimited() {
        try (SdsClient c = fhir.clientBuilder().noCache().build()) {
            fhir.fail(429, 1);
            assertThat(c.route(X26, PSIS_ID).found()).isTrue();
            assertThat(fhir.requestCount()).isEqualTo(3);

            fhir.fail(429, 10);
            assertThatThrownBy(() -> c.route(X26, PSIS_ID)).isInstanceOfSatisfying(SdsFhirUnavailableException.class,
                    e -> assertThat(e.reason()).isEqualTo(SdsUnavailableException.Reason.RATE_LIMITED))
                    .hasMessageContaining("about 5 requests a second");
            fhir.fail(429, 1);
            fhir.retryAfter(60);
            assertThatThrownBy(() -> c.route(X26, PSIS_ID)).hasMessageContaining("Retry-After 60000 ms");
        }
    }

    @Test
    void a502Or504ServesTheStaleAnswerAndWithoutOneIsUnavailable() {
        AtomicLong now = new AtomicLong();
        try (SdsClient c = fhir.clientBuilder().nanoTime(now::get).build()) {
            RouteResult first = c.route(X26, PSIS_ID);
            now.addAndGet(Duration.ofMinutes(16).toNanos());
            fhir.fail(502, 100);
            RouteResult stale = c.route(X26, PSIS_ID);
            assertThat(stale.freshness().stale()).isTrue();
            assertThat(stale.asOptional()).isEqualTo(first.asOptional());
            fhir.fail(504, 100);
            assertThatThrownBy(() -> c.accreditedSystems(X26, PSIS_ID))
                    .isInstanceOfSatisfying(SdsFhirUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(SdsUnavailableException.Reason.TIMEOUT));
        } finally {
            fhir.fail(502, 0);
        }
    }

    @Test
    void aSlowApiTimesOutWithinTheResponseTimeout() {
        fhir.delay(Duration.ofSeconds(3));
        try (SdsClient c = SdsClient.builder().fhir(fhir.settings().responseTimeout(Duration.ofMillis(300)).build())
                .build()) {
            assertThatThrownBy(() -> c.route(X26, PSIS_ID)).isInstanceOfSatisfying(SdsFhirUnavailableException.class,
                    e -> assertThat(e.reason()).isEqualTo(SdsUnavailableException.Reason.TIMEOUT));
        } finally {
            fhir.delay(Duration.ZERO);
        }
    }

    @Test
    void whatTheApiCannotDoFailsAtOnceSayingSo() {
        try (SdsClient c = fhir.clientBuilder().build()) {
            assertThatThrownBy(() -> c.accreditedSystem(Asid.of("918999198738")))
                    .isInstanceOfSatisfying(SdsFhirException.class,
                            e -> assertThat(e.kind()).isEqualTo(SdsFhirException.Kind.UNSUPPORTED))
                    .hasMessageContaining("cannot find an accredited system by ASID 918999198738");
            assertThatThrownBy(() -> c.accreditedSystems(X26, PartyKey.of("X26-823848")))
                    .hasMessageContaining("by party key X26-823848 alone");
            assertThatThrownBy(() -> c.organisation(X26)).hasMessageContaining("no organisation look-up");
            assertThatThrownBy(() -> c.route(X26, InteractionId.of("urn:nhs:names:services:ebs:PRSC_IN080000UK03")))
                    .hasMessageContaining("forward-express");
        }
        assertThat(fhir.requestCount()).isZero();
    }

    /** A Spine-trust-only context refuses a public-CA server; the FHIR default does not trust the NHS chain. */
    @Test
    void theFhirTrustIsKeptApartFromTheSpineTrust() {
        SpineTlsContext spineOnly = sds.tlsContext(); // the NHS-like test PKI, as a Spine connection holds
        try (SdsClient c = SdsClient.builder().fhir(fhir.settings().trust(spineOnly).build()).build()) {
            assertThatThrownBy(() -> c.route(X26, PSIS_ID)).isInstanceOfSatisfying(SdsFhirUnavailableException.class,
                    e -> {
                        assertThat(e.reason()).isEqualTo(SdsUnavailableException.Reason.TLS_HANDSHAKE_FAILED);
                        assertThat(e.tlsFailure()).contains(TlsFailure.UNKNOWN_CA);
                    });
        }
        try (SdsClient c = SdsClient.builder().fhir(SdsFhir.builder().baseUrl(fhir.url().toString())
                .apiKey("the-key".toCharArray()).build()).build()) {
            assertThatThrownBy(() -> c.route(X26, PSIS_ID)).isInstanceOfSatisfying(SdsFhirUnavailableException.class,
                    e -> assertThat(e.reason()).isEqualTo(SdsUnavailableException.Reason.TLS_HANDSHAKE_FAILED));
        }
        assertThat(SdsFhir.publicTrust().trustedCertificates()).doesNotContainAnyElementsOf(
                spineOnly.trustedCertificates());
    }
}
