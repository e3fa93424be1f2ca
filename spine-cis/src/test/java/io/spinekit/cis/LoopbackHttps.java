package io.spinekit.cis;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.spinekit.tls.SpineTlsContext;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTPS WireMock server on loopback with a key pair made by the JDK's keytool (this module
 * cannot use the testkit's PKI), and a client TLS context that trusts it.
 */
final class LoopbackHttps implements AutoCloseable {
    final WireMockServer server;
    final SpineTlsContext tls;

    private LoopbackHttps(WireMockServer server, SpineTlsContext tls) {
        this.server = server;
        this.tls = tls;
    }

    static LoopbackHttps start(Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate("server");
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .httpDisabled(true).dynamicHttpsPort().keystorePath(store.toString()).keystoreType("PKCS12")
                .keystorePassword("changeit").keyManagerPassword("changeit").http2TlsDisabled(true));
        server.start();
        return new LoopbackHttps(server, SpineTlsContext.builder().trustCertificates(List.of(cert)).build());
    }

    URI url(String path) {
        return URI.create("https://localhost:" + server.httpsPort() + path);
    }

    @Override
    public void close() {
        server.stop();
    }
}
