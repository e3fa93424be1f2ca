package io.spinekit.benchmarks.tls;

import io.spinekit.testpki.CertificateRequest;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import io.spinekit.testpki.TestTlsServer;
import io.spinekit.tls.SpineTlsContext;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of one full mutual-TLS handshake on loopback (new TCP connection, no session resumption,
 * until the server's first byte arrives) with a {@link SpineTlsContext} (strict suites, explaining
 * trust manager, reloadable key manager, HTTPS endpoint identification) against a plain JDK
 * {@code SSLContext} with the same certificates and no host name check. The server runs in the same
 * JVM, so both numbers include its share; compare them as a ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HandshakeBenchmark {
    /** Key type of both the server and the client certificate. */
    @Param({"rsa", "ec"})
    public String keyType;

    private TestTlsServer server;
    private SpineTlsContext spine;
    private SSLContext plain;

    /** Starts the server and builds both client contexts. */
    @Setup
    public void setUp() {
        TestPki pki = TestPki.create();
        boolean ec = "ec".equals(keyType);
        CertificateRequest serverReq = pki.certificate("localhost").serverAuth();
        CertificateRequest clientReq = pki.certificate("client.example.nhs.uk").clientAuth();
        IssuedCertificate serverCert = (ec ? serverReq.ec() : serverReq).issue();
        IssuedCertificate client = (ec ? clientReq.ec() : clientReq).issue();
        server = pki.server(serverCert).requireClientCertificate().start();
        spine = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                .clientIdentity(client.privateKey(), client.chain()).build();
        plain = pki.sslContext(client);
    }

    /** Stops the server. */
    @TearDown
    public void tearDown() {
        server.close();
    }

    private int handshake(SSLContext ctx, SSLParameters params) throws IOException {
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("localhost", server.port())) {
            s.setTcpNoDelay(true);
            if (params != null) {
                s.setSSLParameters(params);
            }
            s.startHandshake();
            int first = s.getInputStream().read();
            s.getSession().invalidate();
            return first;
        }
    }

    /**
     * Full handshake through SpineTlsContext.
     *
     * @return the first byte the server sent
     * @throws IOException on failure
     */
    @Benchmark
    public int spineContext() throws IOException {
        return handshake(spine.sslContext(), spine.sslParameters());
    }

    /**
     * Full handshake through a plain JDK SSLContext with the same certificates.
     *
     * @return the first byte the server sent
     * @throws IOException on failure
     */
    @Benchmark
    public int plainJdkContext() throws IOException {
        return handshake(plain, null);
    }
}
