package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import io.spinekit.testpki.TestTlsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documented algorithm policy ({@link TlsFailure#WEAK_ALGORITHM}: no SHA-1 signature below the
 * trust anchor, RSA under 2048 bits and EC curves under 256 bits refused) holds in every handshake
 * path, against real loopback servers presenting such certificates, not only in the inspector.
 */
class WeakAlgorithmTest {
    private static TestPki pki;
    private static SpineTlsContext tls;

    @BeforeAll
    static void setUp() {
        pki = TestPki.create();
        tls = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate())).build();
    }

    private static IssuedCertificate sha1Leaf() {
        return pki.certificate("localhost").serverAuth().sha1Signature().issue();
    }

    private static IssuedCertificate rsa1024Leaf() {
        return pki.certificate("localhost").serverAuth().rsa(1024).issue();
    }

    @Test
    void probeRefusesASha1SignedServerCertificate() {
        try (TestTlsServer server = pki.server(sha1Leaf()).start()) {
            HandshakeReport r = TlsProbe.handshake(tls, "localhost", server.port());

            assertThat(r.success()).as(r.message()).isFalse();
            assertThat(r.failure()).as(r.message()).contains(TlsFailure.WEAK_ALGORITHM);
            assertThat(r.message()).contains("SHA1withRSA").contains("localhost");
        }
    }

    @Test
    void probeRefusesAnRsa1024ServerKey() {
        try (TestTlsServer server = pki.server(rsa1024Leaf()).start()) {
            HandshakeReport r = TlsProbe.handshake(tls, "localhost", server.port());

            assertThat(r.failure()).as(r.message()).contains(TlsFailure.WEAK_ALGORITHM);
            assertThat(r.message()).contains("RSA 1024-bit key");
        }
    }

    @Test
    void probeRefusesASha1SignedIntermediate() {
        IssuedCertificate weakSub = pki.certificate("Weak Sub CA").certificateAuthority().issuedByRoot()
                .sha1Signature().issue();
        IssuedCertificate leaf = pki.certificate("localhost").serverAuth().issuedBy(weakSub).issue();
        try (TestTlsServer server = pki.server(leaf).start()) {
            HandshakeReport r = TlsProbe.handshake(tls, "localhost", server.port());

            assertThat(r.failure()).as(r.message()).contains(TlsFailure.WEAK_ALGORITHM);
            assertThat(r.message()).contains("Weak Sub CA").contains("SHA1withRSA");
        }
    }

    @Test
    void ldapSocketFactoryRefusesASha1SignedServer() throws Exception {
        try (TestTlsServer server = pki.server(sha1Leaf()).start();
                // connected by the factory: its sockets have deadlines below TLS, so it makes no unconnected ones
                Socket s = tls.ldapSocketFactory().createSocket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(5_000);
            SSLSocket ssl = (SSLSocket) s;

            SSLException e = assertThrows(SSLException.class, ssl::startHandshake);
            assertThat(TlsFailure.classify(e)).as(e.toString()).isEqualTo(TlsFailure.WEAK_ALGORITHM);
        }
    }

    @Test
    void sslContextWithSslParametersRefusesAnRsa1024Server() throws Exception {
        try (TestTlsServer server = pki.server(rsa1024Leaf()).start();
                SSLSocket s = (SSLSocket) tls.sslContext().getSocketFactory().createSocket()) {
            s.setSSLParameters(tls.sslParameters());
            s.connect(new InetSocketAddress("localhost", server.port()), 5_000);
            s.setSoTimeout(5_000);

            SSLException e = assertThrows(SSLException.class, s::startHandshake);
            assertThat(TlsFailure.classify(e)).as(e.toString()).isEqualTo(TlsFailure.WEAK_ALGORITHM);
        }
    }

    @Test
    void goodServerStillPassesEveryPath() throws Exception {
        IssuedCertificate good = pki.certificate("localhost").serverAuth().issue();
        try (TestTlsServer server = pki.server(good).start();
                // connected by the factory: its sockets have deadlines below TLS, so it makes no unconnected ones
                SSLSocket s = (SSLSocket) tls.ldapSocketFactory().createSocket("localhost", server.port())) {
            assertThat(TlsProbe.handshake(tls, "localhost", server.port()).success()).isTrue();
            s.setSoTimeout(5_000);
            s.startHandshake();
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
    }

    @Test
    void inspectorAndHandshakeShareOnePolicyForSmallEcCurves() {
        IssuedCertificate p192 = pki.certificate("endpoint.example.nhs.uk").ec("secp192r1").issue();
        IssuedCertificate p256 = pki.certificate("endpoint.example.nhs.uk").ec().issue();

        assertThat(AlgorithmPolicy.weakness(p192.certificate().getPublicKey())).hasValueSatisfying(
                w -> assertThat(w).contains("EC 192-bit key"));
        assertThat(AlgorithmPolicy.weakness(p256.certificate().getPublicKey())).isEmpty();
        Inspection i = CertificateInspector.builder().build().inspect(p192.certificate());
        assertThat(i.findings()).filteredOn(f -> f.check().equals("key")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR));
        assertThrows(java.security.cert.CertificateException.class,
                () -> tls.trustManager().checkServerTrusted(p192.chain().toArray(new java.security.cert.X509Certificate[0]),
                        "ECDHE_ECDSA"));
    }
}
