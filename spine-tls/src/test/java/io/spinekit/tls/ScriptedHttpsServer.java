package io.spinekit.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A real HTTPS/1.1 server on 127.0.0.1 whose answers a test scripts byte by byte (to be silent, to
 * trickle, to stream without end), with keep-alive, counting connections and completed handshakes.
 */
final class ScriptedHttpsServer implements AutoCloseable {
    /** Answers one request on a kept-alive connection. */
    interface Script {
        void answer(String requestHead, OutputStream out, ScriptedHttpsServer server) throws Exception;
    }

    private final SSLServerSocket socket;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    ScriptedHttpsServer(SSLContext context, Script script) throws IOException {
        this(context, script, false);
    }

    /** A server that, when {@code needClientAuth}, requires a client certificate (mutual TLS, as Spine). */
    ScriptedHttpsServer(SSLContext context, Script script, boolean needClientAuth) throws IOException {
        this.socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        this.socket.setNeedClientAuth(needClientAuth);
        this.script = script;
        Thread acceptor = new Thread(this::acceptLoop, "scripted-https-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    int handshakes() {
        return handshakes.get();
    }

    /** Blocks until the server is closed: a script that never answers. */
    void holdUntilClosed() throws InterruptedException {
        closed.await();
    }

    private void acceptLoop() {
        while (closed.getCount() > 0) {
            try {
                Socket s = socket.accept();
                connections.incrementAndGet();
                open.add(s);
                Thread t = new Thread(() -> serve((SSLSocket) s), "scripted-https-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void serve(SSLSocket s) {
        try (s) {
            s.startHandshake();
            handshakes.incrementAndGet();
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            for (String head = readHead(in); head != null; head = readHead(in)) {
                script.answer(head, out, this);
                out.flush();
            }
        } catch (Exception e) {
            // the client went away, or the test is over
        }
    }

    /** The request line and headers, or null at the end of the connection (requests here have no body). */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            if (head.size() > 64 * 1024) {
                throw new IOException("request head too long");
            }
        }
        return null;
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            socket.close();
            for (Socket s : open) {
                s.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }
}
