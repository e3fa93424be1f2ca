package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.env.SpineCatalog;
import io.spinekit.env.SpineEnvironment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The bundled NHS CAs: pinned fingerprints, metadata, per-environment trust and the expired G1 live chain. */
class NhsBundleTest {

    @Test
    void everyBundledCertificateMatchesItsPinnedFingerprintAndName() {
        for (NhsCertificateAuthority ca : NhsCertificateAuthority.values()) {
            assertThat(Certificates.sha256(ca.certificate())).as(ca.id()).isEqualTo(ca.sha256Fingerprint());
            assertThat(Certificates.commonName(ca.certificate())).as(ca.id()).contains(ca.commonName());
            assertThat(Certificates.isSelfIssued(ca.certificate())).as(ca.id()).isEqualTo(ca.isRoot());
        }
    }

    @Test
    void subCasAreSignedByTheRootOfTheirGeneration() {
        assertThat(NhsCertificateAuthority.findIssuer(NhsCertificateAuthority.INT_AUTHENTICATION_G2.certificate()))
                .contains(NhsCertificateAuthority.PTL_ROOT_G2);
        assertThat(NhsCertificateAuthority.findIssuer(NhsCertificateAuthority.AUTHENTICATION_G2.certificate()))
                .contains(NhsCertificateAuthority.ROOT_G2);
        for (NhsCertificateAuthority g1 : List.of(NhsCertificateAuthority.DEV_LEVEL_1C, NhsCertificateAuthority.INT_LEVEL_1C,
                NhsCertificateAuthority.DEP_LEVEL_1C)) {
            assertThat(NhsCertificateAuthority.findIssuer(g1.certificate())).contains(NhsCertificateAuthority.PTL_ROOT_G1);
        }
        assertThat(NhsCertificateAuthority.findIssuer(NhsCertificateAuthority.LEVEL_1C.certificate()))
                .contains(NhsCertificateAuthority.ROOT_G1);
    }

    @Test
    void validityMatchesTheFactsTable() {
        assertThat(NhsCertificateAuthority.PTL_ROOT_G1.notAfter()).isEqualTo(LocalDate.of(2039, 7, 5));
        assertThat(NhsCertificateAuthority.INT_AUTHENTICATION_G2.notAfter()).isEqualTo(LocalDate.of(2032, 8, 4));
        assertThat(NhsCertificateAuthority.ROOT_G2.notAfter()).isEqualTo(LocalDate.of(2042, 4, 7));
        assertThat(NhsCertificateAuthority.ROOT_G1.notAfter()).isEqualTo(LocalDate.of(2024, 6, 4));
        assertThat(NhsCertificateAuthority.LEVEL_1C.expiredAt(Instant.parse("2024-06-05T00:00:00Z"))).isTrue();
    }

    @Test
    void onlyTheExpiredG1LiveChainIsUntrustable() {
        assertThat(Arrays.stream(NhsCertificateAuthority.values()).filter(ca -> !ca.trustable()))
                .containsExactlyInAnyOrder(NhsCertificateAuthority.ROOT_G1, NhsCertificateAuthority.LEVEL_1C);
    }

    @Test
    void defaultTrustPerEnvironmentFollowsTheBrief() {
        assertThat(NhsTrust.defaultsFor(SpineEnvironment.DEVELOPMENT)).extracting(NhsCertificateAuthority::id)
                .containsExactly("nhs-ptl-root-authority", "nhs-dev-level-1c", "nhs-ptl-root-authority-g2",
                        "nhs-int-authentication-g2");
        assertThat(NhsTrust.defaultsFor(SpineEnvironment.DEPLOYMENT)).extracting(NhsCertificateAuthority::id)
                .containsExactly("nhs-ptl-root-authority-g2", "nhs-int-authentication-g2", "nhs-ptl-root-authority",
                        "nhs-dep-level-1c");
        assertThat(NhsTrust.defaultsFor(SpineEnvironment.LIVE)).containsExactly(NhsCertificateAuthority.ROOT_G2,
                NhsCertificateAuthority.AUTHENTICATION_G2);
    }

    @Test
    void catalogTrustListsAgreeWithTheBundledDefaults() {
        SpineCatalog catalog = SpineCatalog.bundled();
        for (SpineEnvironment env : SpineEnvironment.values()) {
            assertThat(NhsTrust.forProfile(catalog.profile(env))).as(env.name())
                    .containsExactlyInAnyOrderElementsOf(NhsTrust.defaultsFor(env));
        }
    }

    @Test
    void customEnvironmentTakesItsTrustFromAnOverride() {
        Properties props = new Properties();
        props.setProperty("spinekit.local-mock.tls.trust", "nhs-ptl-root-authority-g2, nhs-int-authentication-g2");
        props.setProperty("spinekit.local-mock.ldap.url", "ldaps://localhost:10636");
        SpineCatalog catalog = SpineCatalog.builder().systemProperties(props).build();

        assertThat(NhsTrust.forProfile(catalog.profile("local-mock")))
                .containsExactly(NhsCertificateAuthority.PTL_ROOT_G2, NhsCertificateAuthority.INT_AUTHENTICATION_G2);
    }

    @Test
    void aCustomEnvironmentWithoutTrustIsNamedQuoted() {
        Properties props = new Properties();
        props.setProperty("spinekit.local-mock.ldap.url", "ldaps://localhost:10636");
        SpineCatalog catalog = SpineCatalog.builder().systemProperties(props).build();

        assertThatThrownBy(() -> NhsTrust.forProfile(catalog.profile("local-mock")))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageStartingWith("Environment \"local-mock\" has no tls.trust; set ");
    }

    @Test
    void trustListNamingTheExpiredG1LiveRootIsRefusedWithTheReason() {
        assertThatThrownBy(() -> NhsTrust.resolve(List.of("nhs-root-authority"), "live tls.trust"))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessage("live tls.trust lists 'nhs-root-authority' (NHS Root Authority), part of the G1 live chain"
                        + " that expired on 2024-06-04; it is never trusted. Use nhs-root-authority-g2 and"
                        + " nhs-authentication-g2");
    }

    @Test
    void unknownCaIdListsTheKnownOnes() {
        assertThatThrownBy(() -> NhsTrust.resolve(List.of("nhs-made-up"), "x tls.trust"))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("Unknown NHS CA id \"nhs-made-up\"")
                .hasMessageContaining("nhs-int-authentication-g2");
    }

    @Test
    void g1LiveSubCaIsExplained() {
        assertThat(NhsTrust.explainExpiredG1(List.of(NhsCertificateAuthority.LEVEL_1C.certificate())))
                .contains("NHS Level 1C was issued under the G1 live root, expired 2024-06-04 (NHS Root Authority,"
                        + " sub CA NHS Level 1C); request a G2 certificate (issued by NHS Authentication G2)");
        assertThat(NhsTrust.explainExpiredG1(List.of(NhsCertificateAuthority.AUTHENTICATION_G2.certificate()))).isEmpty();
    }

    @Test
    void environmentContextTrustsExactlyTheEnvironmentsCas() {
        SpineTlsContext tls = SpineTlsContext.builder().environment(SpineEnvironment.INTEGRATION).build();

        assertThat(tls.trustedCertificates()).containsExactlyInAnyOrderElementsOf(
                NhsTrust.certificates(NhsTrust.defaultsFor(SpineEnvironment.INTEGRATION)));
        assertThat(tls.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(tls.cipherSuites()).isNotEmpty().allMatch(s -> s.contains("GCM") || s.contains("CHACHA20"));
        assertThat(tls.sslParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
    }

    @Test
    void jvmPublicTrustIsAddedOnlyOnPurpose() {
        SpineTlsContext spineOnly = SpineTlsContext.builder().environment(SpineEnvironment.LIVE).build();
        SpineTlsContext both = SpineTlsContext.builder().environment(SpineEnvironment.LIVE).addJvmDefaultTrust().build();

        assertThat(spineOnly.trustedCertificates()).hasSize(2);
        assertThat(both.trustedCertificates()).hasSizeGreaterThan(50)
                .containsAll(spineOnly.trustedCertificates());
    }
}
