package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.PemFiles;
import io.spinekit.testpki.TestPki;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe's verdict against servers that used to fool it: one that trickles a byte at a time
 * (overall deadline), one that requires a client certificate and closes cleanly after a TLS 1.3
 * handshake, and a plain HTTP port. Real servers on loopback.
 */
class TlsProbeVerdictTest {
    private static TestPki pki;
    private static SpineTlsContext tls;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        pki = TestPki.create();
        tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate())).build();
    }

    /** Accepts, reads the ClientHello, then announces a 16 KB handshake record and sends it a byte every 200 ms. */
    private static final class TricklingServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> accepted = new ArrayList<>();

        TricklingServer() throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::run, "trickling-server");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void run() {
            try {
                Socket s = socket.accept();
                synchronized (accepted) {
                    accepted.add(s);
                }
                s.getInputStream().read(new byte[4096]);
                OutputStream out = s.getOutputStream();
                out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
                out.flush();
                for (int i = 0; i < 16_384; i++) {
                    out.write(0x02);
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException e) {
                // the probe closed the connection
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (accepted) {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void tricklingServerIsCutOffAtTheProbeDeadline() throws IOException {
        try (TricklingServer server = new TricklingServer()) {
            HandshakeReport r = TlsProbe.handshake(tls, "localhost", server.port(), Duration.ofSeconds(1),
                    Duration.ZERO, Duration.ofSeconds(2));

            assertThat(r.success()).isFalse();
            assertThat(r.failure()).as(r.message()).contains(TlsFailure.TIMEOUT);
            assertThat(r.message()).contains("deadline").contains("2000 ms");
        }
    }

    @Test
    void plainHttpPortIsReportedAsNotTls() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        http.createContext("/", ex -> {
            ex.sendResponseHeaders(200, 2);
            ex.getResponseBody().write("ok".getBytes(StandardCharsets.US_ASCII));
            ex.close();
        });
        http.start();
        try {
            HandshakeReport r = TlsProbe.handshake(tls, "localhost", http.getAddress().getPort(), Duration.ofSeconds(2),
                    Duration.ofSeconds(1));

            assertThat(r.failure()).as(r.message()).contains(TlsFailure.NOT_TLS);
            assertThat(r.message()).contains("not a TLS port").contains("HTTP/1.1");
        } finally {
            http.stop(0);
        }
    }

    @Test
    void jdkHttpsServerRequiringAClientCertificateRejectsTheProbeEveryTime() throws Exception {
        IssuedCertificate serverCert = pki.certificate("localhost").serverAuth().issue();
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        https.setHttpsConfigurator(new HttpsConfigurator(pki.sslContext(serverCert)) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        https.createContext("/", ex -> {
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        https.start();
        try {
            for (int run = 0; run < 20; run++) {
                HandshakeReport r = TlsProbe.handshake(tls, "localhost", https.getAddress().getPort());

                assertThat(r.failure()).as("run " + run + ": " + r.message()).contains(TlsFailure.CLIENT_CERTIFICATE_REJECTED);
                assertThat(r.success()).isFalse();
            }
        } finally {
            https.stop(0);
        }
    }

    @Test
    void opensslServerWithVerifyRejectsTheProbeEveryTime() throws Exception {
        assumeTrue(onPath("openssl"), "openssl is not on the PATH");
        IssuedCertificate serverCert = pki.certificate("localhost").serverAuth().issue();
        PemFiles files = serverCert.writePem(dir, "server");
        Path ca = Files.writeString(dir.resolve("ca.pem"), pki.rootPem());
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Process openssl = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-cert", files.certificate().toString(), "-cert_chain", files.certificate().toString(),
                "-key", files.privateKey().toString(),
                "-CAfile", ca.toString(), "-Verify", "1", "-quiet")
                .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        try {
            waitForPort(port, openssl);
            for (int run = 0; run < 20; run++) {
                HandshakeReport r = TlsProbe.handshake(tls, "localhost", port);

                assertThat(r.failure()).as("run " + run + ": " + r.message()).contains(TlsFailure.CLIENT_CERTIFICATE_REJECTED);
            }
        } finally {
            openssl.destroy();
            openssl.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void waitForPort(int port, Process p) throws Exception {
        for (int i = 0; i < 100 && p.isAlive(); i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("openssl s_server did not start listening on " + port);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
