package io.spinekit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.Asid;
import io.spinekit.ldap.SdsClient;
import io.spinekit.messaging.OutboundMessage;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.testkit.FakeMhs;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.PemFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;

/** The health contributors, meters and info contributor, with their names. */
class ObservabilityTest {
    static final String ODS = Fixture.ODS;
    static final String INTERACTION = Fixture.INTERACTION;

    @TempDir
    static Path dir;
    static Fixture f;
    static EmbeddedSds sds;

    @BeforeAll
    static void start() {
        f = new Fixture(dir);
        sds = f.startSds();
    }

    @AfterAll
    static void stop() {
        sds.close();
    }

    private static Health health(org.springframework.context.ApplicationContext c, String name) {
        return c.getBean(name + "HealthIndicator", HealthIndicator.class).health();
    }

    @Test
    void theFourHealthContributorsHaveTheirNames() {
        f.runner(sds.url()).withPropertyValues("spinekit.messaging.party-key=X99-123456").run(c -> {
            assertThat(c).hasNotFailed().hasBean("spinekitCertificateHealthIndicator").hasBean("spinekitSdsHealthIndicator")
                    .hasBean("spinekitMaintenanceHealthIndicator").hasBean("spinekitMessageStoreHealthIndicator");
            Health cert = health(c, "spinekitCertificate");
            assertThat(cert.getStatus()).isEqualTo(Status.UP);
            assertThat(cert.getDetails()).containsEntry("subject", f.client.certificate().getSubjectX500Principal().getName())
                    .containsEntry("warningThresholdDays", 30L).containsKey("daysLeft").doesNotContainKey("warning");
            Health store = health(c, "spinekitMessageStore");
            assertThat(store.getStatus()).isEqualTo(Status.UP);
            assertThat(store.getDetails()).containsEntry("pending", 0L).containsEntry("failed", 0L)
                    .containsEntry("store", "InMemoryMessageStore");
        });
    }

    @Test
    void eachContributorCanBeTurnedOffAndAllGoWithoutBootsHealthModule() {
        f.runner(sds.url()).withPropertyValues("management.health.spinekit-sds.enabled=false",
                "management.health.spinekit-certificate.enabled=false").run(c -> assertThat(c).hasNotFailed()
                        .doesNotHaveBean("spinekitSdsHealthIndicator").doesNotHaveBean("spinekitCertificateHealthIndicator")
                        .hasBean("spinekitMaintenanceHealthIndicator"));
        f.runner(sds.url()).withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(c -> assertThat(c)
                .hasNotFailed().doesNotHaveBean("spinekitMaintenanceHealthIndicator"));
    }

    @Test
    void theCertificateIsDownWhenExpiredOrNotYetValidAndWarnsUnderTheThreshold() throws Exception {
        IssuedCertificate expired = f.pki.certificate("localhost").expired().issue();
        IssuedCertificate early = f.pki.certificate("localhost").notYetValid().issue();
        IssuedCertificate soon = f.pki.certificate("localhost")
                .validity(Instant.now().minus(300, ChronoUnit.DAYS), Instant.now().plus(10, ChronoUnit.DAYS).plusSeconds(3600))
                .issue();
        check(expired, Status.DOWN, "expired on");
        check(early, Status.DOWN, "not yet valid");
        Health h = check(soon, Status.UP, null);
        assertThat(h.getDetails()).containsEntry("daysLeft", 10L);
        assertThat((String) h.getDetails().get("warning")).contains("expires in 10 days, under the threshold of 30");
    }

    private static Health check(IssuedCertificate cert, Status status, String reason) throws Exception {
        Path d = Files.createDirectories(dir.resolve("cert-" + cert.certificate().getSerialNumber()));
        PemFiles files = cert.writePem(d, "c");
        Health[] out = new Health[1];
        f.trusting().withPropertyValues("spinekit.tls.certificate=" + files.certificate(),
                "spinekit.tls.private-key=" + files.privateKey()).run(c -> {
                    assertThat(c).hasNotFailed();
                    out[0] = health(c, "spinekitCertificate");
                });
        assertThat(out[0].getStatus()).isEqualTo(status);
        if (reason != null) {
            assertThat((String) out[0].getDetails().get("reason")).contains(reason);
        }
        return out[0];
    }

    @Test
    void sdsHealthChecksTheDirectoryAndReusesItsResult() {
        try (EmbeddedSds own = EmbeddedSds.builder().pki(f.pki).clientAuth(EmbeddedSds.ClientAuth.REQUIRED).start()) {
            f.runner(own.url()).withPropertyValues("spinekit.sds.health.cache-for=1h").run(c -> {
                Health up = health(c, "spinekitSds");
                assertThat(up.getStatus()).isEqualTo(Status.UP);
                assertThat(up.getDetails()).containsEntry("backend", "ldap").containsEntry("server", own.url())
                        .containsEntry("check", "ldap");
                own.stop();
                assertThat(health(c, "spinekitSds")).as("reused for cache-for, not asked again").isSameAs(up);
            });
            f.runner(own.url()).withPropertyValues("spinekit.sds.health.cache-for=0s", "spinekit.sds.health.timeout=2s")
                    .run(c -> {
                        Health down = health(c, "spinekitSds");
                        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(down.getDetails()).containsKey("detail").containsKey("fix");
                    });
        }
    }

    @Test
    void maintenanceIsUpWithTheScheduleOrUnknownWithoutOne() {
        new org.springframework.boot.test.context.runner.ApplicationContextRunner().withConfiguration(Fixture.all())
                .withPropertyValues("spinekit.environment=dev", "spinekit.catalog.system-overrides=false").run(c -> {
                    Health h = health(c, "spinekitMaintenance");
                    assertThat(h.getStatus()).isEqualTo(Status.UP);
                    assertThat(h.getDetails()).containsKey("inMaintenance").containsKey("core");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> core = (Map<String, Object>) h.getDetails().get("core");
                    assertThat(core).containsKeys("state", "openNow", "nextStart", "nextEnd", "nextConditional");
                });
        f.runner().run(c -> assertThat(health(c, "spinekitMaintenance").getStatus()).isEqualTo(Status.UNKNOWN));
    }

    @Test
    void sdsMetersHaveTheirNamesAndTags() {
        f.runner(sds.url()).run(c -> {
            MeterRegistry registry = new SimpleMeterRegistry();
            c.getBean(SpinekitMetrics.class).bindTo(registry);
            assertThat(registry.get("spinekit.tls.certificate.expiry").gauge().value()).isBetween(360d, 370d);
            SdsClient client = c.getBean(SdsClient.class);
            client.route(OdsCode.of(ODS), InteractionId.of(INTERACTION));
            client.route(OdsCode.of(ODS), InteractionId.of(INTERACTION));
            client.accreditedSystem(Asid.of("918999198993"));
            assertThat(registry.get("spinekit.sds.lookups").tags("backend", "ldap", "kind", "route", "outcome", "found",
                    "cache", "miss").timer().count()).isEqualTo(1);
            assertThat(registry.get("spinekit.sds.lookups").tags("kind", "route", "cache", "hit").timer().count())
                    .isEqualTo(1);
            assertThat(registry.get("spinekit.sds.lookups").tags("kind", "accredited_system", "outcome", "found")
                    .timer().count()).as("every look-up of the client, not only routes").isEqualTo(1);
            assertThat(registry.get("spinekit.sds.cache.hits").tag("backend", "ldap").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("spinekit.sds.cache.misses").functionCounter().count()).isEqualTo(2);
            assertThat(registry.get("spinekit.sds.cache.size").gauge().value()).isEqualTo(2);
            registry.get("spinekit.sds.cache.loads").functionCounter();
            registry.get("spinekit.sds.cache.stale").functionCounter();
            registry.get("spinekit.sds.cache.errors").functionCounter();
        });
    }

    @Test
    void messagingMetersCountARealRetriedSendWithItsInteraction() {
        try (FakeMhs mhs = FakeMhs.start(f.pki);
                EmbeddedSds own = EmbeddedSds.builder().pki(f.pki).clientAuth(EmbeddedSds.ClientAuth.REQUIRED).start()) {
            own.addMhs(EmbeddedSds.mhs(ODS, INTERACTION).partyKey(ODS + "-823848").fqdn("localhost")
                    .endpoint(mhs.endpoint("/reliablemessaging/reliablerequest").toString()).cpaId("S20001A000182")
                    .names("urn:nhs:names:services:psis", "REPC_IN150016UK05").attribute("nhsMhsAckRequested", "always")
                    .attribute("nhsMhsRetries", "1").attribute("nhsMhsRetryInterval", "PT0.1S"));
            own.addAccreditedSystem(EmbeddedSds.accreditedSystem("918999198993", ODS).partyKey(ODS + "-823848")
                    .interactions(INTERACTION));
            mhs.script(FakeMhs.Answer.soapFault("206"), FakeMhs.Answer.ack());
            f.runner(own.url()).withPropertyValues("spinekit.messaging.party-key=X99-123456").run(c -> {
                MeterRegistry registry = new SimpleMeterRegistry();
                c.getBean(SpinekitMetrics.class).bindTo(registry);
                SendOutcome out = c.getBean(SpineMessaging.class).send(OdsCode.of(ODS), InteractionId.of(INTERACTION),
                        OutboundMessage.of("<REPC_IN150016UK05 xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8)));
                assertThat(out.outcome()).as(out.failureDetail()).isEqualTo(SendOutcome.Outcome.ACKNOWLEDGED);

                for (String outcome : new String[] {"sent", "retried", "acknowledged"}) {
                    assertThat(registry.get("spinekit.messaging.messages").tags("outcome", outcome, "workflow", "reliable",
                            "interaction", INTERACTION).counter().count()).as(outcome).isEqualTo(1);
                }
                assertThat(registry.find("spinekit.messaging.messages").tag("interaction", "unknown").counters()).isEmpty();
                assertThat(registry.get("spinekit.messaging.send").tags("outcome", "acknowledged", "workflow", "reliable",
                        "interaction", INTERACTION).timer().count()).isEqualTo(1);
                assertThat(registry.get("spinekit.sds.lookups").tags("kind", "route", "outcome", "found", "cache", "miss")
                        .timer().count()).as("the send's route look-up").isEqualTo(1);
                Health store = health(c, "spinekitMessageStore");
                assertThat(store.getDetails()).containsEntry("pending", 0L).containsEntry("ended", 1L)
                        .containsEntry("failed", 0L);
            });
        }
    }

    @Test
    void theInfoContributorNamesEditionEnvironmentAndCertificate() {
        f.runner().run(c -> {
            Info.Builder b = new Info.Builder();
            c.getBean("spinekitInfoContributor", InfoContributor.class).contribute(b);
            @SuppressWarnings("unchecked")
            Map<String, Object> d = (Map<String, Object>) b.build().getDetails().get("spinekit");
            assertThat(d).containsEntry("environment", Fixture.ENV).containsKey("catalogEdition")
                    .containsEntry("certificateSubject", f.client.certificate().getSubjectX500Principal().getName())
                    .containsEntry("certificateNotAfter", f.client.certificate().getNotAfter().toInstant().toString());
        });
    }
}
