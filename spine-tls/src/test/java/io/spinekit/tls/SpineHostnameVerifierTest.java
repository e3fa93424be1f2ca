package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Host name rules: SAN wins when present, CN fallback without DNS SANs, strict wildcards, IPs. */
class SpineHostnameVerifierTest {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static KeyPair keys;
    private final SpineHostnameVerifier v = SpineHostnameVerifier.INSTANCE;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        keys = g.generateKeyPair();
    }

    private static X509Certificate cert(String subject, GeneralName... sans) throws Exception {
        var b = new JcaX509v3CertificateBuilder(new X500Name("CN=issuer"), BigInteger.ONE,
                Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plusSeconds(3600)),
                new X500Name(subject), keys.getPublic());
        if (sans.length > 0) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
        }
        return new JcaX509CertificateConverter().setProvider(BC)
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(keys.getPrivate())));
    }

    private static GeneralName dns(String n) {
        return new GeneralName(GeneralName.dNSName, n);
    }

    @Test
    void cnIsUsedWhenThereIsNoSubjectAltName() throws Exception {
        X509Certificate c = cert("O=nhs, OU=Test, CN=Spine.Example.NHS.uk");

        assertThat(v.matches("spine.example.nhs.uk", c)).isTrue();
        assertThat(v.matches("SPINE.example.nhs.uk.", c)).isTrue();
        assertThat(v.matches("other.example.nhs.uk", c)).isFalse();
        assertThat(v.mismatch("other.example.nhs.uk", c)).contains("host \"other.example.nhs.uk\" does not match the"
                + " certificate's CN Spine.Example.NHS.uk (it has no DNS subjectAltName)");
    }

    @Test
    void mostSpecificCnIsUsed() throws Exception {
        X509Certificate c = cert("CN=outer.example.nhs.uk, O=nhs, CN=inner.example.nhs.uk");

        assertThat(Certificates.commonName(c)).contains("inner.example.nhs.uk");
        assertThat(v.matches("inner.example.nhs.uk", c)).isTrue();
    }

    @Test
    void subjectAltNamesWinOverTheCn() throws Exception {
        X509Certificate c = cert("CN=cn.example.nhs.uk", dns("san.example.nhs.uk"));

        assertThat(v.matches("san.example.nhs.uk", c)).isTrue();
        assertThat(v.matches("cn.example.nhs.uk", c)).isFalse();
    }

    @Test
    void wildcardCoversExactlyOneLeftMostLabel() throws Exception {
        X509Certificate c = cert("CN=x", dns("*.spine.nhs.uk"));

        assertThat(v.matches("a.spine.nhs.uk", c)).isTrue();
        assertThat(v.matches("a.b.spine.nhs.uk", c)).isFalse();
        assertThat(v.matches("spine.nhs.uk", c)).isFalse();
        assertThat(v.matches("a.spine.nhs.uk", cert("CN=x", dns("*.uk")))).isFalse();
        assertThat(v.matches("ab.spine.nhs.uk", cert("CN=x", dns("a*.spine.nhs.uk")))).isFalse();
    }

    @Test
    void ipAddressesMatchOnlyIpSubjectAltNames() throws Exception {
        X509Certificate c = cert("CN=127.0.0.1", dns("localhost"), new GeneralName(GeneralName.iPAddress, "10.1.2.3"));

        assertThat(v.matches("10.1.2.3", c)).isTrue();
        assertThat(v.matches("127.0.0.1", c)).isFalse();
        assertThat(v.matches("127.0.0.1", cert("CN=127.0.0.1"))).isTrue();
    }
}
