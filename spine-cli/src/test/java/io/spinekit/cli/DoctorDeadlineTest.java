package io.spinekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every doctor check has a total deadline: a server that completes the TLS handshake and then
 * trickles its HTTP answer one byte at a time (each read within the per-read timeout) gets a
 * TIMEOUT verdict instead of holding the doctor (issue 15 item 9).
 */
class DoctorDeadlineTest {
    private static final TestPki PKI = TestPki.create("Deadline");

    @TempDir
    Path dir;

    /** A loopback HTTPS server that answers each request one byte every 200 ms, for as long as the client stays. */
    static final class TricklingHttpsServer implements AutoCloseable {
        private final SSLServerSocket server;
        private final List<Socket> accepted = new ArrayList<>();
        private final Thread acceptor;

        TricklingHttpsServer(IssuedCertificate cert) throws Exception {
            char[] pw = "pw".toCharArray();
            KeyStore ks = cert.keyStore("server", pw);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(this::accept, "trickling-https");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    SSLSocket s = (SSLSocket) server.accept();
                    synchronized (accepted) {
                        accepted.add(s);
                    }
                    Thread t = new Thread(() -> trickle(s), "trickle");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void trickle(SSLSocket s) {
            try (s) {
                s.setSoTimeout(10_000);
                s.startHandshake();
                InputStream in = s.getInputStream();
                in.read(new byte[4096]);
                OutputStream out = s.getOutputStream();
                byte[] header = "HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; !s.isClosed(); i++) {
                    out.write(i < header.length ? header[i] : 'a');
                    out.flush();
                    TimeUnit.MILLISECONDS.sleep(200);
                }
            } catch (IOException e) {
                // the client gave up: the point of the test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (accepted) {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }

    @Test
    @Timeout(value = 45, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a guard against a hang, not a timing assertion
    void aTricklingCisServerGetsATimeoutVerdict() throws Exception {
        try (TricklingHttpsServer slow = new TricklingHttpsServer(PKI.certificate("localhost").issue())) {
            Path trust = Files.writeString(dir.resolve("trust.pem"), PKI.rootPem());
            Path overrides = Files.writeString(dir.resolve("slow.properties"),
                    "spinekit.slow.sbapi.roleassertion.url=https://localhost:" + slow.port() + "/saml/RoleAssertion\n"
                            + "spinekit.slow.gas.validate.url=https://localhost:" + slow.port() + "/validate\n"
                            + "spinekit.slow.tls.trust=nhs-ptl-root-authority-g2\n");

            CliRun run = CliRun.run("doctor", "--env", "slow", "--overrides", overrides.toString(), "--trust",
                    trust.toString(), "--timeout", "1", "--json");

            assertThat(run.code()).as(run.out() + run.err()).isEqualTo(Cli.FAILURE);
            List<JsonNode> cis = new ArrayList<>();
            run.json().get("checks").forEach(c -> {
                if (c.get("check").asText().equals("cis")) {
                    cis.add(c);
                }
            });
            assertThat(cis).as(run.out()).hasSize(2).allSatisfy(c -> {
                assertThat(c.get("status").asText()).isEqualTo("FAIL");
                assertThat(c.get("detail").asText()).startsWith("TIMEOUT");
            });
        }
    }
}
