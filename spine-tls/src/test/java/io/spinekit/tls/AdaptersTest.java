package io.spinekit.tls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RootDSE;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.PemFiles;
import io.spinekit.testpki.TestPki;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapters against real servers: HttpClient 5 and the JDK client against WireMock over HTTPS, UnboundID over LDAPS. */
class AdaptersTest {
    private static final String PASSWORD = "changeit";
    private static TestPki pki;
    private static IssuedCertificate client;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() {
        pki = TestPki.create();
        client = pki.certificate("client.example.nhs.uk").clientAuth().issue();
    }

    private SpineTlsContext tls() {
        PemFiles files = client.writePem(dir, "client");
        return SpineTlsContext.builder()
                .trustCertificates(List.of(pki.root().certificate()))
                .clientIdentityPem(files.certificate(), files.privateKey())
                .build();
    }

    private WireMockServer mutualTlsWireMock(IssuedCertificate serverCert) throws Exception {
        Path keyStore = store(serverCert.keyStore("server", PASSWORD.toCharArray()), dir.resolve("server.p12"));
        Path trustStore = store(pki.trustStore(), dir.resolve("trust.p12"));
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                .keystorePath(keyStore.toString()).keystoreType("PKCS12")
                .keystorePassword(PASSWORD).keyManagerPassword(PASSWORD)
                .trustStorePath(trustStore.toString()).trustStoreType("PKCS12").trustStorePassword(PASSWORD)
                .needClientAuth(true).http2TlsDisabled(true));
        server.stubFor(get(urlEqualTo("/ping")).willReturn(aResponse().withStatus(200).withBody("pong")));
        server.start();
        return server;
    }

    private static Path store(KeyStore ks, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    private static CloseableHttpClient httpClient5(SpineTlsContext tls) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(tls.httpClientTlsStrategy()).build())
                .build();
    }

    @Test
    void httpClient5CallsWireMockOverMutualTls() throws Exception {
        WireMockServer server = mutualTlsWireMock(pki.certificate("localhost").serverAuth().issue());
        try (CloseableHttpClient http = httpClient5(tls())) {
            String body = http.execute(new HttpGet("https://localhost:" + server.httpsPort() + "/ping"),
                    response -> response.getCode() + " " + EntityUtils.toString(response.getEntity()));

            assertThat(body).isEqualTo("200 pong");
        } finally {
            server.stop();
        }
    }

    @Test
    void httpClient5AcceptsCnOnlyServerCertificateForTheRightHost() throws Exception {
        WireMockServer server = mutualTlsWireMock(pki.certificate("localhost").noSubjectAltNames().serverAuth().issue());
        try (CloseableHttpClient http = httpClient5(tls())) {
            int status = http.execute(new HttpGet("https://localhost:" + server.httpsPort() + "/ping"),
                    response -> response.getCode());

            assertThat(status).isEqualTo(200);
        } finally {
            server.stop();
        }
    }

    @Test
    void httpClient5RejectsServerCertificateForAnotherHost() throws Exception {
        WireMockServer server = mutualTlsWireMock(pki.certificate("spine.example.nhs.uk").noSubjectAltNames()
                .serverAuth().issue());
        try (CloseableHttpClient http = httpClient5(tls())) {
            assertThatThrownBy(() -> http.execute(new HttpGet("https://localhost:" + server.httpsPort() + "/ping"),
                    response -> response.getCode()))
                    .isInstanceOf(SSLException.class)
                    .hasMessageContaining("localhost");
        } finally {
            server.stop();
        }
    }

    @Test
    void jdkHttpClientFallsBackToTheCnWhenTheCertificateHasNoSubjectAltName() throws Exception {
        WireMockServer server = mutualTlsWireMock(pki.certificate("localhost").noSubjectAltNames().serverAuth().issue());
        try {
            HttpClient http = tls().jdkHttpClientBuilder().build();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + server.httpsPort() + "/ping")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("pong");
            assertThat(response.sslSession().orElseThrow().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
        } finally {
            server.stop();
        }
    }

    @Test
    void jdkHttpClientRejectsCnOnlyCertificateForAnotherHost() throws Exception {
        WireMockServer server = mutualTlsWireMock(pki.certificate("spine.example.nhs.uk").noSubjectAltNames()
                .serverAuth().issue());
        try {
            HttpClient http = tls().jdkHttpClientBuilder().build();
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + server.httpsPort() + "/ping")).build(),
                    HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLException.class)
                    .hasMessageContaining("host \"localhost\" does not match the certificate's CN spine.example.nhs.uk")
                    // the JDK's own check took its CN branch ("No name matching"), not the SAN branch
                    .hasStackTraceContaining("No name matching localhost found");
        } finally {
            server.stop();
        }
    }

    private InMemoryDirectoryServer ldaps(IssuedCertificate serverCert) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("o=nhs");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPSConfig("ldaps",
                java.net.InetAddress.getLoopbackAddress(), 0,
                pki.sslContext(serverCert).getServerSocketFactory(), null));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.startListening();
        return server;
    }

    @Test
    void unboundIdConnectsOverLdapsWithTheSocketFactoryAndVerifier() throws Exception {
        InMemoryDirectoryServer server = ldaps(pki.certificate("localhost").noSubjectAltNames().serverAuth().issue());
        SpineTlsContext tls = tls();
        try (LDAPConnection c = new LDAPConnection(tls.ldapSocketFactory(), tls.ldapConnectionOptions(), "localhost",
                server.getListenPort())) {
            RootDSE root = c.getRootDSE();

            assertThat(root.getNamingContextDNs()).containsExactly("o=nhs");
            assertThat(c.getSSLSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
            assertThat(c.getSSLSession().getPeerPrincipal().getName()).isEqualTo("CN=localhost,OU=Test,O=nhs");
        } finally {
            server.shutDown(true);
        }
    }

    @Test
    void unboundIdRefusesLdapsServerWhoseCertificateIsForAnotherHost() throws Exception {
        InMemoryDirectoryServer server = ldaps(pki.certificate("ldap.example.nhs.uk").serverAuth().issue());
        SpineTlsContext tls = tls();
        try {
            assertThatThrownBy(() -> new LDAPConnection(tls.ldapSocketFactory(), tls.ldapConnectionOptions(),
                    "localhost", server.getListenPort()))
                    .isInstanceOf(LDAPException.class)
                    .hasMessageContaining("localhost");
        } finally {
            server.shutDown(true);
        }
    }

    @Test
    void ldapSocketVerifierAloneRejectsAWrongHostEvenWithAPlainSocketFactory() throws Exception {
        InMemoryDirectoryServer server = ldaps(pki.certificate("ldap.example.nhs.uk").serverAuth().issue());
        SpineTlsContext tls = tls();
        try {
            assertThatThrownBy(() -> new LDAPConnection(tls.sslContext().getSocketFactory(),
                    tls.ldapConnectionOptions(), "localhost", server.getListenPort()))
                    .isInstanceOf(LDAPException.class)
                    .hasMessageContaining("presented a certificate for another host")
                    .hasMessageContaining("ldap.example.nhs.uk");
        } finally {
            server.shutDown(true);
        }
    }
}
