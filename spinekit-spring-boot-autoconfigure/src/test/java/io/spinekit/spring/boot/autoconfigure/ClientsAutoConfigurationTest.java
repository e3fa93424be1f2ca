package io.spinekit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.cis.CisClient;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.ldap.Route;
import io.spinekit.ldap.RouteResult;
import io.spinekit.ldap.SdsClient;
import io.spinekit.mesh.MeshClient;
import io.spinekit.messaging.InMemoryMessageStore;
import io.spinekit.messaging.InboundHandler;
import io.spinekit.messaging.InboundServer;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.OutboundMessage;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.testkit.EmbeddedSds;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** SDS, CIS, messaging, MESH and HttpClient beans: their conditions, properties and failure analyses. */
class ClientsAutoConfigurationTest {
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

    // ------------------------------------------------------------------ SDS

    @Test
    void sdsOverLdapsResolvesARouteAndReportsEveryLookUpMissThenHit() {
        f.runner(sds.url()).run(c -> {
            assertThat(c).hasNotFailed().hasSingleBean(SdsClient.class);
            assertThat(c.getBean(SdsClient.class).backend()).isEqualTo("ldap");
            assertThat(c.getBean(SdsClient.class).servers()).containsExactly(sds.url());
            List<String> seen = new CopyOnWriteArrayList<>();
            c.getBean(SpinekitEvents.class).addListener(new SpinekitEvents.Listener() {
                @Override
                public void lookup(String backend, String kind, String outcome, String cache, Duration elapsed) {
                    seen.add(backend + " " + kind + " " + outcome + " " + cache);
                }
            });
            SdsClient client = c.getBean(SdsClient.class);
            RouteResult r = client.route(OdsCode.of(ODS), InteractionId.of(INTERACTION));
            assertThat(r).isInstanceOf(RouteResult.Found.class);
            client.route(OdsCode.of(ODS), InteractionId.of(INTERACTION));
            client.route(OdsCode.of("Y99"), InteractionId.of(INTERACTION));
            client.organisation(OdsCode.of(ODS));
            assertThat(seen).containsExactly("ldap route found miss", "ldap route found hit", "ldap route not_found miss",
                    "ldap organisation not_found miss");
        });
    }

    @Test
    void sdsPropertiesReachTheClient() {
        f.runner("ldaps://unused.example:636").withPropertyValues("spinekit.sds.ldap-urls=" + sds.url()
                + ",ldaps://backup.example:636", "spinekit.sds.cache.enabled=false").run(c -> {
                    SdsClient client = c.getBean(SdsClient.class);
                    assertThat(client.servers()).containsExactly(sds.url(), "ldaps://backup.example:636");
                    client.route(OdsCode.of(ODS), InteractionId.of(INTERACTION));
                    client.route(OdsCode.of(ODS), InteractionId.of(INTERACTION));
                    assertThat(client.cacheStats().hits()).as("no cache").isZero();
                });
    }

    @Test
    void sdsBacksOffWhenDisabledOrAbsentOrReplaced() {
        f.runner(sds.url()).withPropertyValues("spinekit.sds.enabled=false")
                .run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(SdsClient.class));
        f.runner(sds.url()).withClassLoader(new FilteredClassLoader(SdsClient.class))
                .run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(SdsClient.class));
        f.runner(sds.url()).withUserConfiguration(OwnSds.class).run(c -> {
            assertThat(c).hasNotFailed().hasSingleBean(SdsClient.class);
            assertThat(c.getBean(SdsClient.class).servers()).containsExactly("ldaps://mine.example:636");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSds {
        @Bean
        SdsClient mySds() {
            return SdsClient.builder().ldapUrls("ldaps://mine.example:636").tls(sds.tlsContext()).build();
        }
    }

    @Test
    void theFhirBackEndTakesItsBaseUrlAndApiKeyFile() throws IOException {
        Path key = Files.writeString(dir.resolve("sds-api.key"), "not-a-real-key\n");
        f.runner(sds.url()).withPropertyValues("spinekit.sds.backend=fhir",
                "spinekit.sds.fhir.base-url=https://sds.example/spine-directory/FHIR/R4",
                "spinekit.sds.fhir.api-key-file=" + key).run(c -> {
                    assertThat(c).hasNotFailed();
                    assertThat(c.getBean(SdsClient.class).backend()).isEqualTo("fhir");
                    assertThat(c.getBean(SdsClient.class).servers()).containsExactly("https://sds.example/spine-directory/FHIR/R4");
                });
    }

    @Test
    void sdsFailureAnalyses() {
        f.runner(sds.url()).withPropertyValues("spinekit.sds.backend=fhir",
                "spinekit.sds.fhir.base-url=https://sds.example/FHIR/R4")
                .run(c -> Fixture.analysis(c, "spinekit.sds.fhir.api-key-file", "not set"));
        f.runner(sds.url()).withPropertyValues("spinekit.sds.backend=fhir", "spinekit.sds.fhir.api-key=k",
                "spinekit.sds.fhir.base-url=http://sds.example/FHIR/R4")
                .run(c -> Fixture.analysis(c, "spinekit.sds.fhir.base-url", "http://sds.example/FHIR/R4"));
        f.runner(sds.url()).withPropertyValues("spinekit.sds.ldap-urls=http://sds.example")
                .run(c -> Fixture.analysis(c, "spinekit.sds.ldap-urls", "http://sds.example"));
        f.runner(sds.url()).withPropertyValues("spinekit.sds.cache.ttl=0s")
                .run(c -> Fixture.analysis(c, "spinekit.sds.cache.ttl", "PT0S"));
        f.runner(sds.url()).withPropertyValues("spinekit.sds.max-connections=0")
                .run(c -> Fixture.analysis(c, "spinekit.sds.max-connections", "\"0\""));
        f.runner(sds.url()).withPropertyValues("spinekit.sds.health.timeout=0s")
                .run(c -> Fixture.analysis(c, "spinekit.sds.health.timeout", "PT0S"));
        f.runner().withPropertyValues("spinekit.environment=no-sds", "spinekit.catalog.overrides[no-sds.spine.partykey]=YES-0000806")
                .run(c -> assertThat(Fixture.analysis(c, "spinekit.sds.ldap-urls", "not set").getAction())
                        .contains("spinekit.catalog.overrides[no-sds.ldap.url]"));
    }

    // ------------------------------------------------------------------ CIS

    @Test
    void cisIsConfiguredUnlessDisabledOrAbsent() {
        f.runner().run(c -> assertThat(c).hasNotFailed().hasSingleBean(CisClient.class));
        f.runner().withPropertyValues("spinekit.cis.enabled=false").run(c -> assertThat(c).doesNotHaveBean(CisClient.class));
        f.runner().withClassLoader(new FilteredClassLoader(CisClient.class))
                .run(c -> assertThat(c).hasNotFailed().doesNotHaveBean("cisClient"));
        f.runner().withPropertyValues("spinekit.cis.connect-timeout=10m")
                .run(c -> Fixture.analysis(c, "spinekit.cis.connect-timeout", "PT10M"));
    }

    // ------------------------------------------------------------------ messaging

    @Test
    void messagingNeedsAPartyKeyAndSharesOneStore() {
        f.runner().run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(SpineMessaging.class)
                .doesNotHaveBean(InboundHandler.class));
        f.runner(sds.url()).withPropertyValues("spinekit.messaging.party-key=x99-123456", "spinekit.messaging.asid=200000000001")
                .run(c -> {
                    assertThat(c).hasNotFailed().hasSingleBean(SpineMessaging.class).hasSingleBean(InboundHandler.class)
                            .hasSingleBean(MessageStore.class).doesNotHaveBean(InboundServer.class);
                    SpineMessaging m = c.getBean(SpineMessaging.class);
                    assertThat(m.fromPartyKey().value()).isEqualTo("X99-123456");
                    assertThat(m.fromAsid().orElseThrow().value()).isEqualTo("200000000001");
                    assertThat(c).hasSingleBean(MessageTracker.class);
                    assertThat(m.store()).isSameAs(c.getBean(MessageStore.class)).isInstanceOf(InMemoryMessageStore.class);
                });
        f.runner().withPropertyValues("spinekit.messaging.party-key=X99-123456").withUserConfiguration(OwnStore.class)
                .run(c -> assertThat(c.getBean(SpineMessaging.class).store()).isSameAs(OwnStore.STORE));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStore {
        static final MessageStore STORE = new InMemoryMessageStore(10);

        @Bean
        MessageStore myStore() {
            return STORE;
        }
    }

    @Test
    void theInboundServerStartsOnTheSpineTlsContextAndStopsWithTheContext() {
        int[] port = new int[1];
        f.runner().withPropertyValues("spinekit.messaging.party-key=X99-123456", "spinekit.messaging.inbound.enabled=true",
                "spinekit.messaging.inbound.port=0", "spinekit.messaging.inbound.address=127.0.0.1",
                "spinekit.messaging.inbound.grace-period=0s").run(c -> {
                    assertThat(c).hasNotFailed();
                    port[0] = c.getBean(InboundServer.class).port();
                    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port[0])) {
                        assertThat(s.isConnected()).isTrue();
                    }
                });
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port[0]).close())
                .as("closed with the context").isInstanceOf(IOException.class);
    }

    @Test
    void theInboundRequestTimeoutCutsOffAClientStalledInTheHandshake() {
        f.runner().withPropertyValues("spinekit.messaging.party-key=X99-123456", "spinekit.messaging.inbound.enabled=true",
                "spinekit.messaging.inbound.port=0", "spinekit.messaging.inbound.address=127.0.0.1",
                "spinekit.messaging.inbound.grace-period=0s", "spinekit.messaging.inbound.request-timeout=200ms")
                .run(c -> {
                    assertThat(c).hasNotFailed();
                    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), c.getBean(InboundServer.class).port())) {
                        s.setSoTimeout(20_000); // far beyond the 200 ms: a read that ends is the server closing
                        s.getOutputStream().write(0x16); // the first byte of a TLS handshake record, then nothing
                        s.getOutputStream().flush();
                        long start = System.nanoTime();
                        int read;
                        try {
                            read = s.getInputStream().read();
                        } catch (IOException reset) {
                            read = -1;
                        }
                        assertThat(read).as("the handshake never completed, so nothing comes back but the close").isEqualTo(-1);
                        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("cut off by the request timeout, "
                                + "not by the client's read timeout").isLessThan(Duration.ofSeconds(15));
                    }
                });
    }

    @Test
    void anInboundRequestTimeoutOutOfRangeFailsStartUpNamingTheProperty() {
        f.runner().withPropertyValues("spinekit.messaging.party-key=X99-123456", "spinekit.messaging.inbound.enabled=true",
                "spinekit.messaging.inbound.port=0", "spinekit.messaging.inbound.request-timeout=0s")
                .run(c -> assertThat(Fixture.analysis(c, "spinekit.messaging.inbound.request-timeout", "PT0S")
                        .getDescription()).contains("from 1ms to 1h"));
    }

    @Test
    void theMessagingClientIsClosedWithTheContext() {
        SpineMessaging[] m = new SpineMessaging[1];
        Route[] route = new Route[1];
        f.runner(sds.url()).withPropertyValues("spinekit.messaging.party-key=X99-123456").run(c -> {
            m[0] = c.getBean(SpineMessaging.class);
            route[0] = ((RouteResult.Found) c.getBean(SdsClient.class).route(OdsCode.of(ODS),
                    InteractionId.of(INTERACTION))).route();
        });
        SendOutcome out = m[0].send(route[0],
                OutboundMessage.of("<x/>".getBytes(StandardCharsets.UTF_8)));
        assertThat(out.failure()).contains(SendOutcome.Failure.CLOSED);
    }

    @Test
    void messagingFailureAnalyses() throws IOException {
        f.runner().withPropertyValues("spinekit.messaging.party-key=X99 123456")
                .run(c -> Fixture.analysis(c, "spinekit.messaging.party-key", "\"X99 123456\""));
        f.runner().withPropertyValues("spinekit.messaging.party-key=X99-123456", "spinekit.messaging.asid=123")
                .run(c -> Fixture.analysis(c, "spinekit.messaging.asid", "\"123\""));
        f.runner().withPropertyValues("spinekit.messaging.party-key=X99-123456", "spinekit.messaging.connect-timeout=0s")
                .run(c -> Fixture.analysis(c, "spinekit.messaging.connect-timeout", "PT0S"));
        f.runner().withPropertyValues("spinekit.messaging.party-key=X99-123456", "spinekit.messaging.inbound.enabled=true",
                "spinekit.messaging.inbound.port=70000")
                .run(c -> Fixture.analysis(c, "spinekit.messaging.inbound.port", "\"70000\""));
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            f.runner().withPropertyValues("spinekit.messaging.party-key=X99-123456", "spinekit.messaging.inbound.enabled=true",
                    "spinekit.messaging.inbound.address=127.0.0.1", "spinekit.messaging.inbound.port=" + busy.getLocalPort())
                    .run(c -> assertThat(Fixture.analysis(c, "spinekit.messaging.inbound.port",
                            "\"" + busy.getLocalPort() + "\"").getDescription()).contains("cannot listen"));
        }
    }

    // ------------------------------------------------------------------ MESH

    @Test
    void meshNeedsAMailboxAndItsSecrets() throws IOException {
        Path pw = Files.writeString(dir.resolve("mesh.pw"), "password\n");
        Path key = Files.writeString(dir.resolve("mesh.key"), "TestKey\n");
        f.runner().run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(MeshClient.class));
        f.runner().withPropertyValues("spinekit.mesh.mailbox=x26abc1", "spinekit.mesh.url=https://localhost:8700",
                "spinekit.mesh.password-file=" + pw, "spinekit.mesh.shared-key-file=" + key).run(c -> {
                    assertThat(c).hasNotFailed();
                    assertThat(c.getBean(MeshClient.class).mailboxId()).isEqualTo("X26ABC1");
                    assertThat(c.getBean(MeshClient.class).apiUrl().toString()).startsWith("https://localhost:8700");
                });
        f.runner().withPropertyValues("spinekit.mesh.mailbox=X26ABC1", "spinekit.mesh.url=https://localhost:8700",
                "spinekit.mesh.shared-key-file=" + key)
                .run(c -> Fixture.analysis(c, "spinekit.mesh.password-file", "not set"));
        f.runner().withPropertyValues("spinekit.mesh.mailbox=X26ABC1", "spinekit.mesh.url=http://localhost:8700",
                "spinekit.mesh.password-file=" + pw, "spinekit.mesh.shared-key-file=" + key)
                .run(c -> Fixture.analysis(c, "spinekit.mesh.url", "http://localhost:8700"));
        f.runner().withPropertyValues("spinekit.mesh.mailbox=X26ABC1", "spinekit.mesh.password-file=" + pw,
                "spinekit.mesh.shared-key-file=" + key)
                .run(c -> Fixture.analysis(c, "spinekit.mesh.url", "not set"));
    }

    // ------------------------------------------------------------------ HttpClient 5

    @Test
    void httpClientBuildersApplyTheCustomizers() {
        f.runner().withUserConfiguration(Customizer.class).run(c -> {
            assertThat(c).hasNotFailed();
            HttpClientBuilder b = c.getBean(SpinekitHttpClients.class).builder();
            assertThat(b).isNotNull();
            assertThat(Customizer.CALLS).hasValue(1);
            b.build().close();
        });
        f.runner().withClassLoader(new FilteredClassLoader(HttpClientBuilder.class))
                .run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(SpinekitHttpClients.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizer {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Bean
        SpinekitHttpClientCustomizer userAgent() {
            return b -> {
                CALLS.incrementAndGet();
                b.setUserAgent("spinekit-test");
            };
        }
    }
}
