package io.spinekit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.SpineCatalog;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.PemFiles;
import io.spinekit.tls.NhsCertificateAuthority;
import io.spinekit.tls.SpineTlsContext;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The foundation: catalog, profile and the Spine TLS context from properties, and their failure analyses. */
class SpinekitAutoConfigurationTest {
    @TempDir
    static Path dir;
    static Fixture f;

    @BeforeAll
    static void pki() {
        f = new Fixture(dir);
    }

    @Test
    void withoutAnEnvironmentNothingIsConfigured() {
        new ApplicationContextRunner().withConfiguration(Fixture.all()).run(c -> {
            assertThat(c).hasNotFailed().doesNotHaveBean(SpineCatalog.class).doesNotHaveBean(SpineTlsContext.class)
                    .doesNotHaveBean(SpinekitEvents.class);
        });
    }

    @Test
    void aStandardEnvironmentByItsShortNameTrustsItsNhsChainAndPresentsNoIdentityUntilOneIsGiven() {
        new ApplicationContextRunner().withConfiguration(Fixture.all())
                .withPropertyValues("spinekit.environment=int", "spinekit.catalog.system-overrides=false").run(c -> {
                    assertThat(c).hasNotFailed();
                    EnvironmentProfile p = c.getBean(EnvironmentProfile.class);
                    assertThat(p.environment()).contains(SpineEnvironment.INTEGRATION);
                    SpineTlsContext tls = c.getBean(SpineTlsContext.class);
                    assertThat(tls.clientIdentity()).isEmpty();
                    assertThat(tls.trustedCertificates()).containsExactlyInAnyOrderElementsOf(
                            NhsCertificateAuthority.trustedBy(p).stream().map(NhsCertificateAuthority::certificate).toList());
                    assertThat(c.getBean(SpineCatalog.class).edition()).isEqualTo(SpineCatalog.bundled().edition());
                });
    }

    @Test
    void pemFilesGiveTheIdentityAndTrustCertificatesAddTheTestRoot() {
        f.runner().run(c -> {
            assertThat(c).hasNotFailed();
            SpineTlsContext tls = c.getBean(SpineTlsContext.class);
            assertThat(tls.clientIdentity().orElseThrow().certificate()).isEqualTo(f.client.certificate());
            assertThat(tls.trustedCertificates()).contains(f.pki.root().certificate());
            assertThat(c.getBean(EnvironmentProfile.class).name()).isEqualTo(Fixture.ENV);
            assertThat(c.getBean(EnvironmentProfile.class).requireUrl("ldap.url").toString())
                    .isEqualTo("ldaps://localhost:10636");
        });
    }

    @Test
    void aPkcs12KeyStoreGivesTheIdentity() throws Exception {
        Path p12 = dir.resolve("client.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            f.client.keyStore("client", "changeit".toCharArray()).store(out, "changeit".toCharArray());
        }
        f.trusting().withPropertyValues("spinekit.tls.key-store=" + p12, "spinekit.tls.key-store-password=changeit").run(c -> {
                    assertThat(c).hasNotFailed();
                    assertThat(c.getBean(SpineTlsContext.class).clientIdentity().orElseThrow().certificate())
                            .isEqualTo(f.client.certificate());
                });
    }

    @Test
    void anOverridesFileDefinesTheCustomEnvironment() throws Exception {
        Path file = dir.resolve("spinekit.properties");
        Files.writeString(file, "spinekit.file-env.ldap.url=ldaps://sds.file.example:636\n");
        new ApplicationContextRunner().withConfiguration(Fixture.all()).withPropertyValues(
                "spinekit.environment=file-env", "spinekit.catalog.system-overrides=false",
                "spinekit.catalog.overrides-file=" + file, "spinekit.tls.trust-certificates=" + f.rootPem).run(c -> {
                    assertThat(c).hasNotFailed();
                    assertThat(c.getBean(EnvironmentProfile.class).requireUrl("ldap.url").getHost())
                            .isEqualTo("sds.file.example");
                });
    }

    @Test
    void yourOwnBeansReplaceEachOfOurs() {
        f.runner().withUserConfiguration(OwnTls.class).run(c -> {
            assertThat(c).hasNotFailed().hasSingleBean(SpineTlsContext.class);
            assertThat(c.getBean(SpineTlsContext.class)).isSameAs(c.getBean(OwnTls.class).tls);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTls {
        final SpineTlsContext tls = SpineTlsContext.builder().trustCertificates(List.of(f.pki.root().certificate())).build();

        @Bean
        SpineTlsContext mine() {
            return tls;
        }
    }

    // ------------------------------------------------------------------ failure analyses

    @Test
    void anUnknownEnvironmentNamesThePropertyAndHowToDefineOne() {
        new ApplicationContextRunner().withConfiguration(Fixture.all()).withPropertyValues("spinekit.environment=narnia",
                "spinekit.catalog.system-overrides=false").run(c -> {
                    var a = Fixture.analysis(c, "spinekit.environment", "\"narnia\"");
                    assertThat(a.getAction()).contains("spinekit.catalog.overrides[narnia.ldap.url]");
                });
    }

    @Test
    void aBadCatalogOverrideNamesTheOverrides() {
        f.runner().withPropertyValues("spinekit.catalog.overrides[" + Fixture.ENV + ".ldap.url]=not a url")
                .run(c -> assertThat(Fixture.analysis(c, "spinekit.catalog.overrides", Fixture.ENV + ".ldap.url")
                        .getDescription()).contains("not a url"));
    }

    @Test
    void aMissingOverridesFileNamesIt() {
        f.runner().withPropertyValues("spinekit.catalog.overrides-file=" + dir.resolve("absent.properties"))
                .run(c -> Fixture.analysis(c, "spinekit.catalog.overrides-file", "absent.properties"));
    }

    @Test
    void aCustomEnvironmentWithoutTrustAsksForTrustCertificates() {
        Fixture.bare("ldaps://localhost:10636").run(c -> {
            var a = Fixture.analysis(c, "spinekit.tls.trust-certificates", "not set");
            assertThat(a.getAction()).contains("spinekit.catalog.overrides[" + Fixture.ENV + ".tls.trust]");
        });
    }

    @Test
    void anUnreadableTrustFileNamesItsIndex() {
        Fixture.bare("ldaps://localhost:10636").withPropertyValues("spinekit.tls.trust-certificates=" + f.rootPem + ","
                + dir.resolve("no.pem"))
                .run(c -> Fixture.analysis(c, "spinekit.tls.trust-certificates[1]", "no.pem"));
    }

    @Test
    void aMissingCertificateFileNamesIt() {
        f.runner().withPropertyValues("spinekit.tls.certificate=" + dir.resolve("gone.crt"))
                .run(c -> assertThat(Fixture.analysis(c, "spinekit.tls.certificate", "gone.crt").getDescription())
                        .contains("there is no such file"));
    }

    @Test
    void aMissingKeyFileNamesIt() {
        f.runner().withPropertyValues("spinekit.tls.private-key=" + dir.resolve("gone.key"))
                .run(c -> Fixture.analysis(c, "spinekit.tls.private-key", "gone.key"));
    }

    @Test
    void aKeyOnItsOwnAsksForTheCertificate() {
        f.trusting().withPropertyValues("spinekit.tls.private-key=" + f.pem.privateKey())
                .run(c -> Fixture.analysis(c, "spinekit.tls.certificate", "not set"));
    }

    @Test
    void aKeyThatDoesNotMatchTheCertificateIsRefused() {
        IssuedCertificate other = f.pki.certificate("other").issue();
        Path sub = dir.resolve("mismatch");
        PemFiles files = other.writePem(mkdir(sub), "other");
        f.runner().withPropertyValues("spinekit.tls.private-key=" + files.privateKey()).run(c -> {
            var a = Fixture.analysis(c, "spinekit.tls.certificate", "client.crt");
            assertThat(a.getDescription()).contains("spinekit said:");
        });
    }

    @Test
    void twoIdentitySourcesAreRefused() {
        f.runner().withPropertyValues("spinekit.tls.bundle=spine").run(c -> {
            var a = Fixture.analysis(c, "spinekit.tls.bundle", "\"spine\"");
            assertThat(a.getDescription()).contains("spinekit.tls.certificate and spinekit.tls.bundle");
        });
    }

    @Test
    void anUnknownBundleListsTheKnownOnes() {
        f.trusting().withPropertyValues("spinekit.tls.bundle=spine",
                "spring.ssl.bundle.pem.web.keystore.certificate=file:" + f.pem.certificate(),
                "spring.ssl.bundle.pem.web.keystore.private-key=file:" + f.pem.privateKey()).run(c -> {
                    var a = Fixture.analysis(c, "spinekit.tls.bundle", "\"spine\"");
                    assertThat(a.getDescription()).contains("known bundles: web");
                    assertThat(a.getAction()).contains("spring.ssl.bundle.pem.spine.keystore.certificate");
                });
    }

    @Test
    void aNegativeReloadIntervalIsRefused() {
        f.runner().withPropertyValues("spinekit.tls.reload-interval=-1s")
                .run(c -> Fixture.analysis(c, "spinekit.tls.reload-interval", "PT-1S"));
    }

    static Path mkdir(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
