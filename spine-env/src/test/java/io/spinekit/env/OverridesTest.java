package io.spinekit.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spinekit.core.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverridesTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("spinekit.properties");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static Properties props(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void fileDefinesCustomEnvironmentAndOverridesStandardOne() throws IOException {
        Path f = file("""
                # a local mock Spine
                ! also a comment

                spinekit.local-mock.ldap.url = ldaps://localhost:10636
                spinekit.local-mock.spine.partykey=yes-0000806
                spinekit.local-mock.messaging.sync.url=https://localhost:8443/sync-service?x=a=b
                spinekit.local-mock.ers.dev9.asid=123456789012
                spinekit.int.portal.url=https://portal.example.nhs.uk
                """);
        SpineCatalog catalog = SpineCatalog.builder().overridesFile(f).build();
        EnvironmentProfile mock = catalog.profile("local-mock");
        assertThat(mock.facts()).containsOnlyKeys("ldap.url", "spine.partykey", "messaging.sync.url", "ers.dev9.asid");
        assertThat(mock.fact("ldap.url").orElseThrow()).isEqualTo(new Fact("ldap.url", "ldaps://localhost:10636", Provenance.OVERRIDE,
                "overrides file " + q(f) + " line 4 key \"spinekit.local-mock.ldap.url\""));
        assertThat(mock.requireUrl("messaging.sync.url")).hasToString("https://localhost:8443/sync-service?x=a=b");
        assertThat(mock.ersEnvironment("dev9").asid()).contains(Asid.of("123456789012"));
        assertThat(catalog.profile(SpineEnvironment.INTEGRATION).fact("portal.url").orElseThrow())
                .extracting(Fact::value, Fact::provenance).containsExactly("https://portal.example.nhs.uk", Provenance.OVERRIDE);
        assertThat(catalog.profile(SpineEnvironment.INTEGRATION).fact("ldap.url").orElseThrow().provenance()).isEqualTo(Provenance.PUBLIC);
    }

    @Test
    void precedenceIsEnvironmentVariableThenSystemPropertyThenFileThenBundled() throws IOException {
        Path f = file("""
                spinekit.integration.ldap.url=ldaps://file:636
                spinekit.integration.gas.activate.url=https://file/login/authactivate
                spinekit.integration.gas.logout.url=https://file/login/authlogout
                """);
        SpineCatalog catalog = SpineCatalog.builder().overridesFile(f)
                .systemProperties(props("spinekit.integration.ldap.url", "ldaps://property:636",
                        "spinekit.integration.gas.activate.url", "https://property/login/authactivate"))
                .environmentVariables(Map.of("SPINEKIT_INTEGRATION_LDAP_URL", "ldaps://variable:636"))
                .build();
        EnvironmentProfile p = catalog.profile(SpineEnvironment.INTEGRATION);
        assertThat(p.value("ldap.url")).contains("ldaps://variable:636");
        assertThat(p.value("gas.activate.url")).contains("https://property/login/authactivate");
        assertThat(p.value("gas.logout.url")).contains("https://file/login/authlogout");
        assertThat(p.value("gas.validate.url")).contains("https://gas.nis1.national.ncrs.nhs.uk/login/authvalidate");
        assertThat(p.fact("gas.validate.url").orElseThrow().provenance()).isEqualTo(Provenance.PUBLIC);
    }

    @Test
    void environmentVariablesMapHyphenatedCustomNamesAndShortStandardNames() {
        SpineCatalog catalog = SpineCatalog.builder().environmentVariables(Map.of(
                "SPINEKIT_LOCAL_MOCK_LDAP_URL", "ldaps://localhost:10636",
                "SPINEKIT_LOCAL_MOCK_MAINTENANCE_ERS_DEV1", "Sat 10:00-Sat 11:00 weekly",
                "SPINEKIT_INT_PORTAL_URL", "https://portal.example.nhs.uk",
                "SPINEKIT_HOME", "/opt/spinekit",
                "PATH", "/usr/bin")).build();
        EnvironmentProfile mock = catalog.profile("local-mock");
        assertThat(mock.value("ldap.url")).contains("ldaps://localhost:10636");
        assertThat(mock.maintenance().require("e-RS Dev1").windows()).hasToString("[Sat 10:00-Sat 11:00 weekly]");
        assertThat(catalog.profile("integration").value("portal.url")).contains("https://portal.example.nhs.uk");
        assertThat(mock.environmentVariable("ldap.url")).isEqualTo("SPINEKIT_LOCAL_MOCK_LDAP_URL");
        assertThat(mock.systemProperty("ldap.url")).isEqualTo("spinekit.local-mock.ldap.url");
        assertThat(catalog.ignoredOverrides()).containsExactly("SPINEKIT_HOME");
    }

    /**
     * The SDK's other settings share the {@code spinekit.} prefix (the message store's
     * {@code spinekit.messageStore.url} and {@code SPINEKIT_MESSAGE_STORE_URL}, the Spring Boot
     * starter's {@code spinekit.*} properties passed as {@code -D} or as relaxed environment
     * variables): the catalog reads every such name and must neither fail on them nor make a
     * custom environment of them.
     */
    @Test
    void theSdksOtherSpinekitSettingsAreIgnoredNotTakenForEnvironments() {
        SpineCatalog catalog = SpineCatalog.builder()
                .systemProperties(props(
                        "spinekit.messageStore.url", "jdbc:h2:file:/tmp/m",
                        "spinekit.environment", "integration",
                        "spinekit.tls.bundle", "spine",
                        "spinekit.tls.certificate", "/etc/spine/client.pem",
                        "spinekit.sds.backend", "fhir",
                        "spinekit.sds.fhir.base-url", "https://int.api.service.nhs.uk/spine-directory/FHIR/R4",
                        "spinekit.sds.ldap-urls", "ldaps://ldap.example:636",
                        "spinekit.mesh.url", "https://mesh.example",
                        "spinekit.messaging.party-key", "YES-0000806",
                        "spinekit.messaging.store.url", "jdbc:h2:file:/tmp/m",
                        "spinekit.cis.enabled", "true"))
                .environmentVariables(Map.of(
                        "SPINEKIT_MESSAGE_STORE_URL", "jdbc:h2:file:/tmp/m",
                        "SPINEKIT_ENVIRONMENT", "integration",
                        "SPINEKIT_TLS_BUNDLE", "spine",
                        "SPINEKIT_SDS_BACKEND", "fhir",
                        "SPINEKIT_MESSAGING_PARTY_KEY", "YES-0000806"))
                .build();

        assertThat(catalog.profiles()).extracting(EnvironmentProfile::name)
                .containsExactlyElementsOf(SpineCatalog.bundled().profiles().stream().map(EnvironmentProfile::name).toList());
        assertThat(catalog.ignoredOverrides()).hasSize(16);
    }

    @Test
    void aBlankFactNamesItsKeyQuotedWithControlCharactersEscaped() {
        assertThatThrownBy(() -> new Fact("ldap.url\n", " ", Provenance.OVERRIDE, "a file"))
                .isInstanceOf(CatalogException.class)
                .hasMessage("blank value for catalog key \"ldap.url\\n\" from a file: expected a value");
    }

    @Test
    void unrelatedSpinekitSystemPropertiesAreIgnoredAndHelpExplainAnUnknownEnvironment() {
        SpineCatalog catalog = SpineCatalog.builder().systemProperties(props(
                "spinekit.build.suffix", "-env",
                "spinekit.local-mock.ldap.ulr", "ldaps://localhost:10636")).build();
        assertThat(catalog.ignoredOverrides()).containsExactly("spinekit.build.suffix", "spinekit.local-mock.ldap.ulr");
        assertThatThrownBy(() -> catalog.profile("local-mock"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("Unknown environment \"local-mock\"")
                .hasMessageContaining("These overrides name it but no catalog key: spinekit.local-mock.ldap.ulr");
    }

    @Test
    void malformedLineNamesFileLineAndExpectedForm() throws IOException {
        Path f = file("spinekit.integration.ldap.url=ldaps://x:636\njust some words\n");
        assertThatThrownBy(() -> SpineCatalog.builder().overridesFile(f).build())
                .isInstanceOf(CatalogException.class)
                .hasMessage("Malformed line in overrides file " + q(f) + " line 2: \"just some words\": expected "
                        + "'spinekit.<environment>.<key>=<value>', such as 'spinekit.local-mock.ldap.url=ldaps://localhost:10636'");
    }

    @Test
    void unknownKeyInFileNamesFileKeyAndValue() throws IOException {
        Path f = file("spinekit.integration.ldap.ulr=ldaps://x:636\n");
        assertThatThrownBy(() -> SpineCatalog.builder().overridesFile(f).build())
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("Unknown key \"ldap.ulr\" in overrides file " + q(f)
                        + " line 1 key \"spinekit.integration.ldap.ulr\" (value \"ldaps://x:636\")");
    }

    @Test
    void keyWithoutPrefixInFileIsUnknown() throws IOException {
        Path f = file("integration.ldap.url=ldaps://x:636\n");
        assertThatThrownBy(() -> SpineCatalog.builder().overridesFile(f).build())
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("Unknown key \"integration.ldap.url\" in overrides file " + q(f) + " line 1 (value \"ldaps://x:636\")")
                .hasMessageContaining("'spinekit.<environment>.<key>'");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "spinekit.integration.ldap.url|not a url|expected an absolute http, https, ldap or ldaps URL",
        "spinekit.integration.ldap.url|ftp://ldap.example:21|expected an absolute http, https, ldap or ldaps URL",
        "spinekit.integration.portal.url|/relative/path|expected an absolute http, https, ldap or ldaps URL",
        "spinekit.integration.spine.partykey|YES0000806|Invalid party key \"YES0000806\": expected an ODS code, a hyphen and digits",
        "spinekit.development.ers.dev1.asid|75346824801|Invalid ASID \"75346824801\": expected 12 digits",
        "spinekit.live.tls.trust|nhs-root-authority-g3|expected comma-separated CA ids",
        "spinekit.development.messaging.sync.ip|10.239.14.290|expected an IPv4 address",
        "spinekit.development.firewall.range|10.239.67.128/33|expected an IPv4 CIDR range",
        "spinekit.development.maintenance.core|Tue 20:00-Wed 06:00 monthly|unknown recurrence \"monthly\"",
        "spinekit.development.status|closed|unknown status \"closed\"",
        "spinekit.development.services|SPINE_CORE,PDS|Unknown Spine service \"PDS\"",
    })
    void invalidValueInFileNamesFileKeyValueAndExpectation(String key, String value, String expectation) throws IOException {
        Path f = file("# comment\n" + key + "=" + value + "\n");
        String shortKey = key.substring(key.indexOf('.', "spinekit.".length()) + 1);
        assertThatThrownBy(() -> SpineCatalog.builder().overridesFile(f).build())
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("Invalid value " + Text.quote(value) + " for key \"" + shortKey + "\"")
                .hasMessageContaining("in overrides file " + q(f) + " line 2 key \"" + key + "\"")
                .hasMessageContaining(expectation);
    }

    @Test
    void duplicateKeyInFileIsRejected() throws IOException {
        Path f = file("spinekit.integration.ldap.url=ldaps://a:636\nspinekit.integration.ldap.url=ldaps://b:636\n");
        assertThatThrownBy(() -> SpineCatalog.builder().overridesFile(f).build())
                .isInstanceOf(CatalogException.class)
                .hasMessage("Duplicate key \"spinekit.integration.ldap.url\" in overrides file " + q(f) + " line 2 (first on line 1)");
    }

    @Test
    void emptyValueIsRejected() throws IOException {
        Path f = file("spinekit.integration.ldap.url=\n");
        assertThatThrownBy(() -> SpineCatalog.builder().overridesFile(f).build())
                .isInstanceOf(CatalogException.class)
                .hasMessage("Invalid value \"\" for key \"ldap.url\" of environment \"integration\" in overrides file " + q(f)
                        + " line 1 key \"spinekit.integration.ldap.url\": empty value");
    }

    @Test
    void nonUtf8AndMissingFilesAreNamed() throws IOException {
        Path latin1 = dir.resolve("latin1.properties");
        Files.write(latin1, "spinekit.integration.usage=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> SpineCatalog.builder().overridesFile(latin1).build())
                .isInstanceOf(CatalogException.class)
                .hasMessage("Overrides file " + q(latin1) + " is not UTF-8 text");
        Path missing = dir.resolve("missing.properties");
        assertThatThrownBy(() -> SpineCatalog.builder().overridesFile(missing).build())
                .isInstanceOf(CatalogException.class)
                .hasMessage("Cannot read the overrides file " + q(missing) + ": no such file");
    }

    @Test
    void invalidEnvironmentNameIsRejected() throws IOException {
        Path f = file("spinekit.Local_Mock.ldap.url=ldaps://localhost:10636\n");
        assertThatThrownBy(() -> SpineCatalog.builder().overridesFile(f).build())
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("Invalid environment name \"Local_Mock\" in overrides file " + q(f) + " line 1");
    }

    @Test
    void unknownKeyForStandardEnvironmentInSystemPropertyOrVariableIsRejected() {
        assertThatThrownBy(() -> SpineCatalog.builder().systemProperties(props("spinekit.integration.ldap.ulr", "ldaps://x:636")).build())
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("Unknown key \"ldap.ulr\" in system property spinekit.integration.ldap.ulr (value \"ldaps://x:636\")");
        assertThatThrownBy(() -> SpineCatalog.builder().environmentVariables(Map.of("SPINEKIT_INTEGRATION_LDAP_ULR", "ldaps://x:636")).build())
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("Unknown key in environment variable SPINEKIT_INTEGRATION_LDAP_ULR (value \"ldaps://x:636\"): "
                        + "'LDAP_ULR' is not a catalog key");
    }

    @Test
    void aPropertyOrVariableNameWithALineBreakOrOfAHundredThousandCharactersGivesOneShortLine() {
        String longName = "x".repeat(100_000);
        for (String name : new String[] {"spinekit.integration.ldap.u\nlr", "spinekit.integration." + longName,
            "spinekit.in\ntegration.ldap.url", "spinekit." + longName + ".ldap.url"}) {
            String m = assertThrows(CatalogException.class,
                    () -> SpineCatalog.builder().systemProperties(props(name, "ldaps://x:636")).build()).getMessage();
            assertThat(m).doesNotContain("\n").doesNotContain("x".repeat(200)).hasSizeLessThan(1000);
        }
        for (String name : new String[] {"SPINEKIT_INTEGRATION_LDAP_U\nLR", "SPINEKIT_INTEGRATION_" + longName}) {
            String m = assertThrows(CatalogException.class,
                    () -> SpineCatalog.builder().environmentVariables(Map.of(name, "ldaps://x:636")).build()).getMessage();
            assertThat(m).doesNotContain("\n").doesNotContain("x".repeat(200)).hasSizeLessThan(1000);
        }
    }

    @Test
    void invalidValueInSystemPropertyAndVariableNamesThem() {
        assertThatThrownBy(() -> SpineCatalog.builder().systemProperties(props("spinekit.dev.spine.partykey", "nope")).build())
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("Invalid value \"nope\" for key \"spine.partykey\" of environment \"development\" in system property "
                        + "spinekit.dev.spine.partykey: Invalid party key \"nope\"");
        assertThatThrownBy(() -> SpineCatalog.builder().environmentVariables(Map.of("SPINEKIT_LIVE_LDAP_URL", "ldap.national.ncrs.nhs.uk")).build())
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("Invalid value \"ldap.national.ncrs.nhs.uk\" for key \"ldap.url\" of environment \"live\" in "
                        + "environment variable SPINEKIT_LIVE_LDAP_URL: expected an absolute");
    }

    @Test
    void systemPropertiesAreCopiedAtBuild() {
        Properties p = props("spinekit.live.spine.partykey", "YES-0000806");
        SpineCatalog.Builder builder = SpineCatalog.builder().systemProperties(p);
        SpineCatalog first = builder.build();
        p.setProperty("spinekit.live.spine.partykey", "X26-823848");
        assertThat(first.profile(SpineEnvironment.LIVE).spinePartyKey()).contains(PartyKey.of("YES-0000806"));
        assertThat(builder.build().profile(SpineEnvironment.LIVE).spinePartyKey()).contains(PartyKey.of("X26-823848"));
        assertThat(SpineCatalog.bundled().profile(SpineEnvironment.LIVE).spinePartyKey()).isEmpty();
    }

    private static String q(Path file) {
        return Text.quote(file.toString(), 200);
    }

    @Test
    void anOverridesFileOverTheLimitIsRefusedSayingTheLimit() throws IOException {
        Path big = dir.resolve("big.properties");
        Files.write(big, ("# " + "x".repeat(1024) + "\n").repeat(4 * 1024 + 1).getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> SpineCatalog.builder().overridesFile(big).build())
                .isInstanceOf(CatalogException.class)
                .hasMessage("Cannot read the overrides file " + q(big) + ": it is larger than the limit of 4 MiB; is this the right file?")
                .cause().isInstanceOf(io.spinekit.core.FileReadException.class);
    }

    @Test
    void aSparseThreeGibibyteOverridesFileIsRefusedWithoutReadingIt() throws IOException {
        Path sparse = dir.resolve("sparse.properties");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024);
        }
        assertThatThrownBy(() -> SpineCatalog.builder().overridesFile(sparse).build())
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("larger than the limit of 4 MiB");
    }

    @Test
    void anUnreadableOverridesFileSaysPermissionDenied() throws IOException {
        Path secret = file("spinekit.integration.ldap.url=ldaps://x:636\n");
        java.nio.file.Files.setPosixFilePermissions(secret, java.util.Set.of());
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(secret), "running as root: every file is readable");
        assertThatThrownBy(() -> SpineCatalog.builder().overridesFile(secret).build())
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("permission denied");
    }

    @Test
    void overrideMessagesQuoteLineBreaksAndCutHugeValues() throws IOException {
        Path f = file("spinekit.integration.ldap.url=ldaps://x:636\\n\u2028" + "v".repeat(100_000) + "\n");
        assertThatThrownBy(() -> SpineCatalog.builder().overridesFile(f).build())
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1_000).doesNotContain("\u2028")
                        .contains("more of 100"));
        assertThatThrownBy(() -> SpineCatalog.builder().systemProperties(props("spinekit.integration.ldap.url", "x\ny"))
                .build())
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains("\"x\\ny\""));
    }
}
