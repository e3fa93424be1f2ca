package io.spinekit.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The total answer deadline, against a real loopback server that answers one byte every 50 ms. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AnswerDeadlineSocketTest {
    static final Duration DEADLINE = Duration.ofMillis(400);
    ServerSocket server;
    Thread trickler;

    @BeforeEach
    void startTrickler() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        trickler = new Thread(() -> {
            try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                while (in.read() >= 0) { // each byte we are sent is a request: answer it with a slow stream
                    for (int i = 0; i < 1000; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(50);
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the client closed
            }
        });
        trickler.setDaemon(true);
        trickler.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        trickler.interrupt();
    }

    AnswerDeadlineSocket connect() throws IOException {
        AnswerDeadlineSocket s = new AnswerDeadlineSocket("ldaps://localhost:" + server.getLocalPort(), DEADLINE);
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 1000);
        s.setSoTimeout(5_000); // a per-read timeout that one byte every 50 ms never trips
        return s;
    }

    /** Reads until the deadline cuts the answer off; returns how many bytes came. */
    static int readUntilCutOff(InputStream in, SocketTimeoutException[] cut) {
        int n = 0;
        try {
            while (in.read() >= 0) {
                n++;
            }
        } catch (SocketTimeoutException e) {
            cut[0] = e;
        } catch (IOException e) {
            throw new AssertionError("expected a timeout, got " + e, e);
        }
        return n;
    }

    @Test
    void answerTricklingFasterThanThePerReadTimeoutIsCutOffAtTheTotalDeadline() throws IOException {
        try (AnswerDeadlineSocket s = connect()) {
            s.getOutputStream().write('?');
            long start = System.nanoTime();
            SocketTimeoutException[] cut = new SocketTimeoutException[1];

            int bytes = readUntilCutOff(s.getInputStream(), cut);

            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(cut[0]).hasMessageContaining("ldaps://localhost:" + server.getLocalPort())
                    .hasMessageContaining("did not answer in full within 400 ms of the last request");
            assertThat(bytes).isBetween(1, 20); // about 8 at one per 50 ms; far fewer than the 1000 sent
            assertThat(elapsedMs).isLessThan(3_000); // generous: the point is that it ends
            assertThat(s.getSoTimeout()).isEqualTo(5_000); // the caller's setting is kept
        }
    }

    @Test
    void eachRequestStartsANewDeadline() throws IOException {
        try (AnswerDeadlineSocket s = connect()) {
            s.getOutputStream().write('?');
            SocketTimeoutException[] cut = new SocketTimeoutException[1];
            assertThat(readUntilCutOff(s.getInputStream(), cut)).isPositive();

            s.getOutputStream().write('?');

            assertThat(s.getInputStream().read()).isEqualTo('x'); // a new request, a new deadline
        }
    }

    @Test
    void theDeadlineFailsOneReadThenReadsWaitTheCallersTimeoutSoAReaderThatReadsAgainDoesNotSpin() throws IOException {
        try (AnswerDeadlineSocket s = connect()) {
            s.getOutputStream().write('?');
            SocketTimeoutException[] cut = new SocketTimeoutException[1];
            assertThat(readUntilCutOff(s.getInputStream(), cut)).isPositive();
            assertThat(cut[0]).hasMessageContaining("did not answer in full within 400 ms");

            // the trickle goes on: the next read waits for it (the caller's 5 s), as UnboundID's reader thread
            // expects of an idle connection, instead of failing at once again and again
            assertThat(s.getInputStream().read()).isEqualTo('x');
        }
    }

    @Test
    void readAfterTheDeadlinePassedFailsAtOnce() throws Exception {
        try (AnswerDeadlineSocket s = connect()) {
            s.getOutputStream().write('?');
            Thread.sleep(DEADLINE.toMillis() + 100);

            SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read());

            assertThat(e).hasMessageContaining("did not answer in full within 400 ms");
        }
    }
}
