package io.spinekit.tls;

import io.spinekit.testpki.IssuedCertificate;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A real TLS server limited to old protocol versions, run in a child JVM whose
 * {@code jdk.tls.disabledAlgorithms} allows TLS 1.0 and 1.1 (the test JVM's security settings are
 * left alone). The child prints its port, then serves handshakes until its stdin closes.
 */
final class LegacyTlsServer implements AutoCloseable {
    private final Process process;
    private final int port;

    private LegacyTlsServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static LegacyTlsServer start(IssuedCertificate identity, Path dir, String... protocols) throws Exception {
        Path p12 = dir.resolve("legacy-server.p12");
        char[] pw = "changeit".toCharArray();
        try (OutputStream out = Files.newOutputStream(p12)) {
            identity.keyStore("server", pw).store(out, pw);
        }
        Path security = dir.resolve("legacy.security");
        Files.writeString(security, "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, "
                + "EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n", StandardCharsets.US_ASCII);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Djava.security.properties=" + security,
                "-cp", System.getProperty("java.class.path"), LegacyTlsServer.class.getName(),
                p12.toString(), String.join(",", protocols));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        String line = r.readLine();
        if (line == null || !line.startsWith("PORT ")) {
            p.destroy();
            throw new IllegalStateException("legacy TLS server did not start: " + line);
        }
        return new LegacyTlsServer(p, Integer.parseInt(line.substring(5).trim()));
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Child JVM entry point.
     *
     * @param args the PKCS#12 file and comma-separated protocols
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        char[] pw = "changeit".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(args[0])) {
            ks.load(in, pw);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ss.setEnabledProtocols(args[1].split(","));
        System.out.println("PORT " + ss.getLocalPort());
        System.out.flush();
        Thread acceptor = new Thread(() -> {
            while (true) {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.setSoTimeout(5000);
                    s.startHandshake();
                } catch (IOException e) {
                    if (ss.isClosed()) {
                        return;
                    }
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        while (System.in.read() >= 0) {
            // run until the parent closes stdin
        }
        ss.close();
    }
}
