package io.spinekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spinekit.cis.RoleAssertion;
import io.spinekit.cis.SsoTicket;
import io.spinekit.testkit.FakeCis;
import io.spinekit.testkit.FakeCisExtension;
import io.spinekit.testkit.TestPkiExtension;
import io.spinekit.testpki.PemFiles;
import io.spinekit.testpki.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CisCommandTest {
    private static final SsoTicket TICKET = SsoTicket.of("AQIC5wM2LY4SfczCliTestTicket=@AAJTSQACMDE=#");
    @RegisterExtension
    static final TestPkiExtension PKI = TestPkiExtension.perClass();
    @RegisterExtension
    static final FakeCisExtension SBAPI = FakeCisExtension.mutualTls().pkiFrom(PKI);
    @RegisterExtension
    static final FakeCisExtension CIS2 = FakeCisExtension.serverTlsOnly().pkiFrom(PKI);
    private static FakeCis sbapi;
    private static FakeCis cis2;
    private static PemFiles client;
    private static Path root;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start(TestPki pki) throws IOException {
        sbapi = SBAPI.cis();
        cis2 = CIS2.cis();
        client = SBAPI.clientCertificate().writePem(dir, "client");
        root = Files.writeString(dir.resolve("root.pem"), pki.rootPem());
    }

    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    private static Path tokenFile(SsoTicket ticket) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "ticket", ".txt"), ticket.reveal() + "\n");
    }

    private static Path overridesFile(FakeCis fake, String env) throws IOException {
        String lines = fake.overrides(env).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        return Files.writeString(Files.createTempFile(dir, "overrides", ".properties"), lines + "\n");
    }

    @Test
    void urlsListsEveryCisUrlWithProvenanceAndTheDiscoveryUrl() {
        CliRun r = run("cis", "urls", "int", "--json");

        assertThat(r.code()).isEqualTo(Cli.OK);
        JsonNode j = r.json();
        assertThat(j.path("environment").asText()).isEqualTo("integration");
        assertThat(j.path("urls")).hasSize(7);
        assertThat(j.path("urls").get(4).path("key").asText()).isEqualTo("sbapi.roleassertion.url");
        assertThat(j.path("urls").get(4).path("url").asText()).isEqualTo("https://sbapi.nis1.national.ncrs.nhs.uk/saml/RoleAssertion");
        assertThat(j.path("urls").get(4).path("provenance").asText()).isEqualTo("PUBLIC");
        assertThat(j.path("urls").get(3).path("provenance").asText()).isEqualTo("INFERRED");
        assertThat(j.path("discoveryUrl").asText()).isEqualTo("https://am.nhsint.auth-ptl.cis2.spineservices.nhs.uk/openam/"
                + "oauth2/realms/root/realms/NHSIdentity/realms/Healthcare/.well-known/openid-configuration");
        assertThat(j.path("roleAssertionRequest").asText()).endsWith("/saml/RoleAssertion?token=<url-encoded SSO ticket>");
    }

    @Test
    void urlsShowsAbsentValuesWithTheOverrideThatSuppliesThem() {
        CliRun text = run("cis", "urls", "Deployment");
        CliRun json = run("cis", "urls", "dep", "--json");

        assertThat(text.code()).isEqualTo(Cli.OK);
        assertThat(text.out()).contains("CIS URLs for deployment")
                .containsPattern("gas.validate.url\\s+https://gas.vn1.national.ncrs.nhs.uk/login/authvalidate  \\(PUBLIC\\)")
                .containsPattern("sbapi.roleassertion.url\\s+absent")
                .contains("spinekit.deployment.sbapi.roleassertion.url")
                .containsPattern("discovery\\s+absent \\(needs cis2.issuer\\)");
        JsonNode issuer = json.json().path("urls").get(6);
        assertThat(issuer.path("url").isNull()).isTrue();
        assertThat(issuer.path("howToSupply").asText()).contains("SPINEKIT_DEPLOYMENT_CIS2_ISSUER");
        assertThat(json.json().path("discoveryUrl").isNull()).isTrue();
    }

    @Test
    void unknownEnvironmentIsAUsageErrorListingTheKnownOnes() {
        CliRun r = run("cis", "urls", "nowhere", "--json");

        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.json().path("error").asText()).startsWith("Unknown environment \"nowhere\": known environments are "
                + "development, integration, deployment, live");
        assertThat(r.err()).startsWith("spine cis urls: Unknown environment \"nowhere\"");
    }

    @Test
    void roleAssertionByUrlOverMutualTlsPrintsTheAssertion() throws IOException {
        RoleAssertion served = sbapi.givenAssertion(TICKET);

        CliRun r = run("cis", "role-assertion", "--url", sbapi.baseUrl() + "/saml/RoleAssertion", "--token-file",
                tokenFile(TICKET).toString(), "--trust", root.toString(), "--cert", client.certificate().toString(),
                "--key", client.privateKey().toString(), "--json");

        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        JsonNode a = r.json().path("assertion");
        assertThat(a.path("userUid").asText()).isEqualTo(served.userUid());
        assertThat(a.path("sessionRoleUid").asText()).isEqualTo("900000000202");
        assertThat(a.path("mode").asText()).isEqualTo("LIVE");
        assertThat(a.path("roleProfiles")).hasSize(2);
        assertThat(a.path("roleProfiles").get(1).path("businessFunctionCodes").get(0).asText()).isEqualTo("B9003");
        assertThat(a.path("validity").path("notOnOrAfter").asText()).isEqualTo(served.validity().notOnOrAfter().toString());
        assertThat(r.json().path("selectedRole").path("orgCode").asText()).isEqualTo("X99001");
        assertThat(r.out()).doesNotContain(TICKET.reveal());
    }

    @Test
    void roleAssertionByEnvironmentFromAnOverridesFileInText() throws IOException {
        sbapi.givenAssertion(TICKET);

        CliRun r = run("cis", "role-assertion", "--env", "local-mock", "--overrides", overridesFile(sbapi, "local-mock")
                .toString(), "--token-file", tokenFile(TICKET).toString(), "--trust", root.toString(), "--cert",
                client.certificate().toString(), "--key", client.privateKey().toString());

        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        assertThat(r.out()).startsWith("Role assertion from " + sbapi.baseUrl() + "/saml/RoleAssertion")
                .contains("user            Example Alex Dr (uid 900000000101)")
                .contains("session role    900000000202 X99001 EXAMPLE FIXTURE SURGERY: Example Demographic Administrator [R9110]")
                .contains("mode            live")
                .contains("900000000202 * X99001")
                .contains("business functions B9001, B9002");
    }

    @Test
    void failedAssertionExitsWithFailureAndNeverPrintsTheTicket() throws IOException {
        SsoTicket bad = SsoTicket.of("AQIC5wM2LY4SfczRejectedTicket=@AAJTSQACMDE=#");
        sbapi.givenFailureStatus(bad, "Invalid SSO token " + bad.reveal());

        CliRun r = run("cis", "role-assertion", "--url", sbapi.baseUrl() + "/saml/RoleAssertion", "--token-file",
                tokenFile(bad).toString(), "--trust", root.toString(), "--cert", client.certificate().toString(),
                "--key", client.privateKey().toString(), "--json");

        assertThat(r.code()).isEqualTo(Cli.FAILURE);
        assertThat(r.json().path("reason").asText()).isEqualTo("FAILED_STATUS");
        assertThat(r.out() + r.err()).doesNotContain(bad.reveal()).doesNotContain(bad.urlEncoded())
                .contains("[redacted SSO ticket]");
    }

    @Test
    void usageErrorsSayWhatIsMissing() throws IOException {
        Path token = tokenFile(TICKET);
        String url = sbapi.baseUrl() + "/saml/RoleAssertion";

        CliRun noTrust = run("cis", "role-assertion", "--url", url, "--token-file", token.toString());
        assertThat(noTrust.code()).isEqualTo(Cli.USAGE);
        assertThat(noTrust.err()).contains("--url needs --trust PEM");

        CliRun halfIdentity = run("cis", "role-assertion", "--url", url, "--token-file", token.toString(), "--trust",
                root.toString(), "--cert", client.certificate().toString());
        assertThat(halfIdentity.code()).isEqualTo(Cli.USAGE);
        assertThat(halfIdentity.err()).contains("--cert and --key go together");

        CliRun both = run("cis", "role-assertion", "--url", url, "--env", "dev", "--token-file", token.toString());
        assertThat(both.code()).isEqualTo(Cli.USAGE);

        CliRun missingFile = run("cis", "role-assertion", "--url", url, "--token-file", dir.resolve("none").toString(),
                "--trust", root.toString());
        assertThat(missingFile.code()).isEqualTo(Cli.USAGE);
        assertThat(missingFile.err()).contains("cannot read --token-file");

        CliRun noUrl = run("cis", "role-assertion", "--env", "deployment", "--token-file", token.toString(), "--json");
        assertThat(noUrl.code()).isEqualTo(Cli.FAILURE);
        assertThat(noUrl.json().path("error").asText()).contains("spinekit.deployment.sbapi.roleassertion.url");
    }

    @Test
    void discoveryByIssuerUrlWithAnExplicitTrust() {
        CliRun r = run("cis", "discovery", "--url", cis2.issuer().toString(), "--trust", root.toString(), "--json");

        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        JsonNode d = r.json().path("discovery");
        assertThat(d.path("issuer").asText()).isEqualTo(cis2.issuer().toString());
        assertThat(d.path("jwksUri").asText()).isEqualTo(cis2.baseUrl() + FakeCis.JWKS_PATH);
        assertThat(d.path("scopesSupported").toString()).contains("nationalrbacaccess");
        assertThat(r.json().path("discoveryUrl").asText()).isEqualTo(cis2.issuer() + "/.well-known/openid-configuration");
    }

    @Test
    void discoveryByEnvironmentInText() throws IOException {
        CliRun r = run("cis", "discovery", "--env", "mock-cis2", "--overrides", overridesFile(cis2, "mock-cis2").toString(),
                "--trust", root.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        assertThat(r.out()).startsWith("CIS2 discovery " + cis2.issuer() + "/.well-known/openid-configuration")
                .contains("jwks_uri               " + cis2.baseUrl() + FakeCis.JWKS_PATH)
                .contains("id token algorithms    RS512 RS256");
    }

    @Test
    void discoveryNamingAnotherIssuerFails() {
        Map<String, Object> doc = cis2.defaultDiscovery();
        doc.put("issuer", "https://elsewhere.example/realm");
        cis2.givenDiscovery(doc);
        try {
            CliRun r = run("cis", "discovery", "--url", cis2.issuer().toString(), "--trust", root.toString(), "--json");
            assertThat(r.code()).isEqualTo(Cli.FAILURE);
            assertThat(r.json().path("reason").asText()).isEqualTo("INVALID_DISCOVERY");
        } finally {
            cis2.givenDiscovery(cis2.defaultDiscovery());
        }
    }
}
