package io.spinekit.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.spinekit.cis.CisClient;
import io.spinekit.cis.RoleAssertion;
import io.spinekit.cis.SsoTicket;
import io.spinekit.ldap.Route;
import io.spinekit.messaging.InboundHandler;
import io.spinekit.messaging.InboundMessage;
import io.spinekit.messaging.InboundServer;
import io.spinekit.messaging.OutboundMessage;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.FakeCis;
import io.spinekit.testkit.FakeMhs;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.PemFiles;
import io.spinekit.testpki.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Boot application started against the testkit, configured by properties only: SDS over LDAPS
 * (EmbeddedSds, client certificate required), a fake Spine MHS and a fake CIS, one test PKI. It
 * resolves a route, sends a reliable message that is acknowledged and answered asynchronously on
 * the auto-configured inbound server, asks CIS for a role assertion, and reads the actuator's
 * health, metrics and info over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SpinekitBootExampleTest {
    static final String ENV = "boot-loopback";
    static final String ODS = "X26";
    static final String INTERACTION = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    static final String PARTY_KEY = "X99-123456";

    static TestPki pki;
    static EmbeddedSds sds;
    static FakeMhs mhs;
    static FakeCis cis;
    static Path dir;

    @DynamicPropertySource
    static void spine(DynamicPropertyRegistry r) throws Exception {
        pki = TestPki.create("Boot example");
        sds = EmbeddedSds.builder().pki(pki).clientAuth(EmbeddedSds.ClientAuth.REQUIRED).start();
        mhs = FakeMhs.start(pki);
        cis = FakeCis.start(pki);
        sds.addOrganisation(EmbeddedSds.organisation(ODS, "SPINEKIT BOOT TRUST"));
        sds.addMhs(EmbeddedSds.mhs(ODS, INTERACTION).partyKey(ODS + "-823848")
                .endpoint(mhs.endpoint("/reliablemessaging/reliablerequest").toString()).fqdn("localhost")
                .authenticated("persistent").reliability("PT5M", "2", "PT1M")
                .messaging("always", "always", "MSHSignalsOnly", "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"));
        sds.addAccreditedSystem(EmbeddedSds.accreditedSystem("918999198993", ODS).partyKey(ODS + "-823848")
                .interactions(INTERACTION));
        dir = Files.createTempDirectory("spinekit-boot");
        IssuedCertificate endpoint = pki.certificate("localhost").issue();   // client and server auth
        PemFiles files = endpoint.writePem(dir, "endpoint");
        Path root = Files.writeString(dir.resolve("root.pem"), pki.rootPem(), StandardCharsets.US_ASCII);

        r.add("spinekit.environment", () -> ENV);
        r.add("spinekit.catalog.system-overrides", () -> "false");
        r.add("spinekit.catalog.overrides[" + ENV + ".ldap.url]", sds::url);
        r.add("spinekit.catalog.overrides[" + ENV + ".spine.partykey]", () -> "YES-0000806");
        for (Map.Entry<Object, Object> e : cis.overrides(ENV).entrySet()) {
            String key = ((String) e.getKey()).substring(("spinekit." + ENV + ".").length());
            r.add("spinekit.catalog.overrides[" + ENV + "." + key + "]", e::getValue);
        }
        r.add("spinekit.tls.trust-certificates", root::toString);
        r.add("spinekit.tls.certificate", () -> files.certificate().toString());
        r.add("spinekit.tls.private-key", () -> files.privateKey().toString());
        r.add("spinekit.messaging.party-key", () -> PARTY_KEY);
        r.add("spinekit.messaging.asid", () -> "200000000001");
        r.add("spinekit.messaging.inbound.enabled", () -> "true");
        r.add("spinekit.messaging.inbound.port", () -> "0");
        r.add("spinekit.messaging.inbound.address", () -> "127.0.0.1");
    }

    /**
     * The application's DataSource, as spring-boot-jdbc would make it from spring.datasource.url: the
     * starter keeps the message store in it (a JdbcMessageStore, schema by Flyway).
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class AppDataSource {
        @Bean(destroyMethod = "close")
        HikariDataSource dataSource() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("app").toAbsolutePath());
            config.setPoolName("app");
            return new HikariDataSource(config);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        cis.close();
        mhs.close();
        sds.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @LocalServerPort
    int port;
    @Autowired
    ReferralSender sender;
    @Autowired
    InboundHandler inbound;
    @Autowired
    InboundServer inboundServer;
    @Autowired
    CisClient cisClient;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(path + ": " + res.body()).isIn(200, 503);
        return json.readTree(res.body());
    }

    @Test
    void routeSendHealthMetricsAndInfoThroughTheAutoConfiguredBeans() throws Exception {
        Route route = sender.route(ODS, INTERACTION).orElseThrow();
        assertThat(route.endpoint().toString()).isEqualTo(mhs.endpoint("/reliablemessaging/reliablerequest").toString());

        String messageId = UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
        CompletableFuture<InboundMessage> reply = inbound.expectReply(messageId);
        URI inboundUrl = URI.create("https://localhost:" + inboundServer.port() + "/");
        mhs.expect(route.partyKey().toString(), route.cpaId());
        mhs.script(FakeMhs.Answer.ackThenRespond(inboundUrl, "MCCI_IN010000UK13",
                "<MCCI_IN010000UK13 xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8)));
        SendOutcome out = sender.send(ODS, INTERACTION, OutboundMessage.of(
                "<REPC_IN150016UK05 xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8)).withMessageId(messageId));
        assertThat(out.outcome()).as(out.failureDetail() + out.ebxmlErrors()).isEqualTo(SendOutcome.Outcome.ACKNOWLEDGED);
        assertThat(mhs.received().get(mhs.received().size() - 1).problems()).isEmpty();
        InboundMessage in = reply.get(10, TimeUnit.SECONDS);
        assertThat(in.message().header().refToMessageId()).contains(messageId);

        SsoTicket ticket = SsoTicket.of("boot-" + UUID.randomUUID());
        cis.givenAssertion(ticket);
        RoleAssertion assertion = cisClient.roleAssertion(ticket);
        assertThat(assertion).isNotNull();

        JsonNode health = get("/actuator/health");
        JsonNode components = health.path("components");
        assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("UP");
        assertThat(components.path("spinekitCertificate").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("spinekitCertificate").path("details").path("subject").asText()).contains("CN=localhost");
        assertThat(components.path("spinekitSds").path("status").asText()).as(health.toString()).isEqualTo("UP");
        assertThat(components.path("spinekitSds").path("details").path("backend").asText()).isEqualTo("ldap");
        assertThat(components.path("spinekitMaintenance").path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(components.path("spinekitMessageStore").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("spinekitMessageStore").path("details").path("pending").asLong()).isZero();
        assertThat(components.path("spinekitMessageStore").path("details").path("store").asText())
                .as("the application's DataSource").isEqualTo("JdbcMessageStore");

        JsonNode names = get("/actuator/metrics").path("names");
        assertThat(names.toString()).contains("spinekit.sds.lookups", "spinekit.sds.cache.hits", "spinekit.sds.cache.size",
                "spinekit.tls.certificate.expiry", "spinekit.messaging.messages", "spinekit.messaging.send");
        String tagged = "?tag=workflow:reliable&tag=interaction:" + INTERACTION;
        assertThat(count(get("/actuator/metrics/spinekit.messaging.messages" + tagged + "&tag=outcome:acknowledged")))
                .isEqualTo(1);
        assertThat(count(get("/actuator/metrics/spinekit.messaging.messages" + tagged + "&tag=outcome:sent"))).isEqualTo(1);
        assertThat(count(get("/actuator/metrics/spinekit.messaging.send" + tagged + "&tag=outcome:acknowledged")))
                .isEqualTo(1);
        JsonNode interactions = get("/actuator/metrics/spinekit.messaging.messages").path("availableTags");
        assertThat(interactions.toString()).contains(INTERACTION).doesNotContain("unknown");
        assertThat(count(get("/actuator/metrics/spinekit.sds.lookups?tag=kind:route&tag=outcome:found")))
                .as("the test's look-up and the send's").isEqualTo(2);
        assertThat(count(get("/actuator/metrics/spinekit.sds.lookups?tag=kind:route&tag=cache:hit"))).isEqualTo(1);
        JsonNode expiry = get("/actuator/metrics/spinekit.tls.certificate.expiry");
        assertThat(expiry.path("baseUnit").asText()).isEqualTo("days");
        assertThat(expiry.path("measurements").get(0).path("value").asDouble()).isBetween(360d, 370d);

        JsonNode info = get("/actuator/info").path("spinekit");
        assertThat(info.path("environment").asText()).isEqualTo(ENV);
        assertThat(info.path("certificateSubject").asText()).contains("CN=localhost");
    }

    private static double count(JsonNode metric) {
        for (JsonNode m : metric.path("measurements")) {
            if ("COUNT".equals(m.path("statistic").asText())) {
                return m.path("value").asDouble();
            }
        }
        throw new AssertionError("no COUNT in " + metric);
    }
}
