package io.spinekit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.PemFiles;
import io.spinekit.testpki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A test PKI on disk and a context runner with every spinekit auto-configuration. */
final class Fixture {
    static final String ENV = "test-spine";
    static final String ODS = "X26";
    static final String INTERACTION = "urn:nhs:names:services:psis:REPC_IN150016UK05";

    final TestPki pki = TestPki.create("Boot");
    final IssuedCertificate client = pki.certificate("localhost").issue();
    final Path dir;
    final PemFiles pem;
    final Path rootPem;

    Fixture(Path dir) {
        this.dir = dir;
        this.pem = client.writePem(dir, "client");
        this.rootPem = dir.resolve("root.pem");
        write(rootPem, pki.rootPem());
    }

    /** An EmbeddedSds on this PKI (client certificates required) holding a route for {@link #INTERACTION} to {@link #ODS}. */
    EmbeddedSds startSds() {
        EmbeddedSds sds = EmbeddedSds.builder().pki(pki).clientAuth(EmbeddedSds.ClientAuth.REQUIRED).start();
        sds.addMhs(EmbeddedSds.mhs(ODS, INTERACTION).partyKey(ODS + "-823848").endpoint("https://localhost:1/reliable")
                .fqdn("localhost"));
        sds.addAccreditedSystem(EmbeddedSds.accreditedSystem("918999198993", ODS).partyKey(ODS + "-823848")
                .interactions(INTERACTION));
        return sds;
    }

    static AutoConfigurations all() {
        return AutoConfigurations.of(SslAutoConfiguration.class, SpinekitAutoConfiguration.class,
                SpinekitSdsAutoConfiguration.class, SpinekitCisAutoConfiguration.class,
                SpinekitMessagingAutoConfiguration.class, SpinekitMeshAutoConfiguration.class,
                SpinekitHttpClientAutoConfiguration.class, SpinekitHealthAutoConfiguration.class,
                SpinekitMetricsAutoConfiguration.class, SpinekitInfoAutoConfiguration.class);
    }

    /** A runner for a custom environment with SDS at {@code ldapUrl}, no trust and no identity yet. */
    static ApplicationContextRunner bare(String ldapUrl) {
        return new ApplicationContextRunner().withConfiguration(all()).withPropertyValues(
                "spinekit.environment=" + ENV,
                "spinekit.catalog.system-overrides=false",
                "spinekit.catalog.overrides[" + ENV + ".ldap.url]=" + ldapUrl,
                "spinekit.catalog.overrides[" + ENV + ".spine.partykey]=YES-0000806",
                // spine-message-store is on the test class path: without this its default (an H2 file in ~) opens
                "spinekit.messaging.store.in-memory=true");
    }

    /** {@link #bare} trusting the test PKI, no identity. */
    ApplicationContextRunner trusting(String ldapUrl) {
        return bare(ldapUrl).withPropertyValues("spinekit.tls.trust-certificates=" + rootPem);
    }

    /** {@link #trusting} with the PEM identity. */
    ApplicationContextRunner runner(String ldapUrl) {
        return trusting(ldapUrl).withPropertyValues("spinekit.tls.certificate=" + pem.certificate(),
                "spinekit.tls.private-key=" + pem.privateKey());
    }

    ApplicationContextRunner runner() {
        return runner("ldaps://localhost:10636");
    }

    ApplicationContextRunner trusting() {
        return trusting("ldaps://localhost:10636");
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The failure analysis of a context that failed to start, checked to name the property and value. */
    static FailureAnalysis analysis(AssertableApplicationContext context, String property, String value) {
        assertThat(context).hasFailed();
        FailureAnalysis a = new SpinekitFailureAnalyzer().analyze(context.getStartupFailure());
        assertThat(a).as("a SpinekitConfigurationException in %s", context.getStartupFailure()).isNotNull();
        assertThat(a.getDescription()).contains("property '" + property + "'").contains(value);
        assertThat(a.getDescription()).contains("Expected: ");
        assertThat(a.getAction()).isNotBlank();
        return a;
    }
}
