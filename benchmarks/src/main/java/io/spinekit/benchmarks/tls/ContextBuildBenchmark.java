package io.spinekit.benchmarks.tls;

import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.PemFiles;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of building a TLS context: {@link SpineTlsContext} from PEM files (parse, key match, chain
 * completion, trust, strict wrapper) for RSA and EC identities, against a plain JDK
 * {@code SSLContext} from a PKCS#12 key store with the same certificate and key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ContextBuildBenchmark {
    private static final char[] PASSWORD = "changeit".toCharArray();

    private Path dir;
    private Path root;
    private PemFiles rsa;
    private PemFiles ec;
    private Path rsaP12;
    private Path trustP12;

    /**
     * Writes the PEM and PKCS#12 files.
     *
     * @throws Exception on I/O failure
     */
    @Setup
    public void setUp() throws Exception {
        TestPki pki = TestPki.create();
        dir = Files.createTempDirectory("spinekit-bench-tls");
        root = Files.writeString(dir.resolve("root.pem"), pki.rootPem());
        IssuedCertificate rsaIssued = pki.certificate("client.example.nhs.uk").clientAuth().issue();
        rsa = rsaIssued.writePem(dir, "rsa");
        ec = pki.certificate("client.example.nhs.uk").clientAuth().ec().issue().writePem(dir, "ec");
        rsaP12 = dir.resolve("rsa.p12");
        try (OutputStream out = Files.newOutputStream(rsaP12)) {
            rsaIssued.keyStore("client", PASSWORD).store(out, PASSWORD);
        }
        trustP12 = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(trustP12)) {
            pki.trustStore().store(out, PASSWORD);
        }
    }

    /**
     * Deletes the files.
     *
     * @throws Exception on I/O failure
     */
    @TearDown
    public void tearDown() throws Exception {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    /**
     * SpineTlsContext from PEM, RSA 2048 identity.
     *
     * @return the context
     */
    @Benchmark
    public SpineTlsContext spineFromPemRsa() {
        return SpineTlsContext.builder().trustPem(root).clientIdentityPem(rsa.certificate(), rsa.privateKey()).build();
    }

    /**
     * SpineTlsContext from PEM, EC P-256 identity.
     *
     * @return the context
     */
    @Benchmark
    public SpineTlsContext spineFromPemEc() {
        return SpineTlsContext.builder().trustPem(root).clientIdentityPem(ec.certificate(), ec.privateKey()).build();
    }

    /**
     * Plain JDK SSLContext from PKCS#12 key and trust stores holding the same material.
     *
     * @return the context
     * @throws Exception on failure
     */
    @Benchmark
    public SSLContext plainJdkFromPkcs12() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(rsaP12)) {
            ks.load(in, PASSWORD);
        }
        KeyStore ts = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(trustP12)) {
            ts.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }
}
