package io.spinekit.it.cis;

import io.spinekit.cis.CisClient;
import io.spinekit.cis.CisException;
import io.spinekit.cis.CisUrls;
import io.spinekit.cis.SsoTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spinekit.testkit.TestPkiExtension;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server that announces a huge body, sends more than the limit and then goes quiet: the client must
 * stop at the limit and abort, not drain the rest (which would wait for the response timeout, here
 * two minutes, and fail the generous {@link Timeout}).
 */
@ExtendWith(TestPkiExtension.class)
class CisClientBodyLimitTest {
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void oversizedBodyIsAbortedAtTheLimitNotDrained(TestPki pki) throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) pki.sslContext(pki.certificate("localhost").serverAuth().issue())
                .getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> serveHugeThenHang(server), "huge-body-server");
            t.setDaemon(true);
            t.start();
            SpineTlsContext tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate())).build();
            CisUrls urls = CisUrls.builder("huge").url(CisUrls.ROLE_ASSERTION,
                    URI.create("https://localhost:" + server.getLocalPort() + "/saml/RoleAssertion")).build();

            try (CisClient client = CisClient.builder().urls(urls).spineTls(tls).responseTimeout(Duration.ofMinutes(2))
                    .build()) {
                CisException e = assertThrows(CisException.class,
                        () -> client.roleAssertion(SsoTicket.of("huge-body-ticket")));
                assertThat(e.reason()).isEqualTo(CisException.Reason.RESPONSE_TOO_LARGE);
                assertThat(e.getMessage()).contains("(Content-Length 10000000000)");
            }
        }
    }

    private static void serveHugeThenHang(SSLServerSocket server) {
        try (SSLSocket s = (SSLSocket) server.accept()) {
            InputStream in = s.getInputStream();
            StringBuilder head = new StringBuilder();
            int c;
            while (!head.toString().endsWith("\r\n\r\n") && (c = in.read()) >= 0) {
                head.append((char) c);
            }
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 10000000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 32; i++) {
                out.write(chunk);
            }
            out.flush();
            while (in.read() >= 0) {
                // hold the connection open until the client goes away
            }
        } catch (IOException e) {
            // the client aborting is the expected end
        }
    }
}
