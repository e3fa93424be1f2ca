package io.spinekit.ldap.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.ldap.SdsLookupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdsFhirTest {
    @TempDir
    Path dir;

    @Test
    void theKeyComesFromACharArrayAFileOrAVariableAndIsNeverShown() throws IOException {
        char[] given = "k3y-given".toCharArray();
        SdsFhir a = SdsFhir.builder().apiKey(given).build();
        given[0] = 'X';
        assertThat(new String(a.apiKey().orElseThrow())).isEqualTo("k3y-given");
        assertThat(a.toString()).doesNotContain("k3y").contains("given (redacted)");

        Path f = dir.resolve("key");
        Files.writeString(f, "  s3cret-file\n", StandardCharsets.UTF_8);
        SdsFhir b = SdsFhir.builder().apiKeyFile(f).build();
        assertThat(new String(b.apiKey().orElseThrow())).isEqualTo("s3cret-file");
        assertThat(b.toString()).doesNotContain("s3cret").contains("file ");

        SdsFhir c = SdsFhir.builder().environment(Map.of("SDS_KEY", "v4r")::get).apiKeyFromEnvironment("SDS_KEY").build();
        assertThat(new String(c.apiKey().orElseThrow())).isEqualTo("v4r");
        assertThat(SdsFhir.builder().build().hasApiKey()).isFalse();
    }

    @Test
    void aMissingEmptyOrHeaderBreakingKeyFailsNamingItsSourceNotItsValue() throws IOException {
        assertThatThrownBy(() -> SdsFhir.builder().apiKeyFile(dir.resolve("absent")).build())
                .isInstanceOf(SdsLookupException.class).hasMessageContaining("Cannot read the SDS FHIR API key file");
        assertThatThrownBy(() -> SdsFhir.builder().environment(Map.<String, String>of()::get)
                .apiKeyFromEnvironment("NOPE").build()).hasMessageContaining("\"NOPE\"").hasMessageContaining("not set");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> SdsFhir.builder().apiKeyFile(empty).build()).hasMessageContaining("is empty");
        assertThatThrownBy(() -> SdsFhir.builder().apiKey("abc\r\nX-Forged: 1".toCharArray()).build())
                .hasMessageContaining("position 4").hasMessageContaining("U+000D").hasMessageNotContaining("Forged");
    }

    @Test
    void anOversizeKeyFileIsRefusedWithoutReadingItWhole() throws IOException {
        Path big = dir.resolve("big-key");
        Files.write(big, new byte[SdsFhir.MAX_KEY_FILE_BYTES + 1]);
        assertThatThrownBy(() -> SdsFhir.builder().apiKeyFile(big).build()).isInstanceOf(SdsLookupException.class)
                .hasMessageContaining("is larger than an API key (" + SdsFhir.MAX_KEY_FILE_BYTES + " bytes at most)")
                .hasMessageContaining(big.toString());

        Path justRight = dir.resolve("long-key");
        Files.writeString(justRight, "k".repeat(SdsFhir.MAX_KEY_LENGTH) + "\n", StandardCharsets.UTF_8);
        assertThat(SdsFhir.builder().apiKeyFile(justRight).build().apiKey().orElseThrow()).hasSize(SdsFhir.MAX_KEY_LENGTH);
    }

    @Test
    void aKeyFileThatIsADirectoryOrMissingNamesWhy() {
        assertThatThrownBy(() -> SdsFhir.builder().apiKeyFile(dir).build()).isInstanceOf(SdsLookupException.class)
                .hasMessageContaining("Cannot read the SDS FHIR API key file").hasMessageContaining("is a directory");
        assertThatThrownBy(() -> SdsFhir.builder().apiKeyFile(dir.resolve("absent")).build())
                .hasMessageContaining("no such file");
    }

    @Test
    void theBaseUrlMustBeHttpsWithAHost() {
        assertThat(SdsFhir.builder().baseUrl("https://int.api.service.nhs.uk/spine-directory/FHIR/R4/").build()
                .baseUrl().orElseThrow()).hasToString("https://int.api.service.nhs.uk/spine-directory/FHIR/R4");
        assertThatThrownBy(() -> SdsFhir.builder().baseUrl("http://int.api.service.nhs.uk/x"))
                .hasMessageContaining("expected https://host/path");
        assertThatThrownBy(() -> SdsFhir.builder().build().open(null, "other"))
                .hasMessageContaining("No SDS FHIR API base URL for environment other");
    }

    @Test
    void valuesTheApiWouldMisreadAreRefusedBeforeSending() {
        assertThat(FhirBackend.param("organization", FhirJson.ODS_SYSTEM, "X26", "ODS code"))
                .isEqualTo("organization=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fods-organization-code%7CX26");
        for (String bad : new String[] {"urn:nhs:names:services:psis:A,B", "X*", "a|b", "a b"}) {
            assertThatThrownBy(() -> FhirBackend.param("identifier", FhirJson.INTERACTION_SYSTEM, bad, "interaction id"))
                    .isInstanceOfSatisfying(SdsFhirException.class,
                            e -> assertThat(e.kind()).isEqualTo(SdsFhirException.Kind.INVALID_VALUE))
                    .hasMessageContaining("cannot be sent to the SDS FHIR API");
        }
    }

    @Test
    void theDefaultTrustIsTheJdksPublicCasAndHoldsNoNhsCa() {
        var trusted = SdsFhir.publicTrust().trustedCertificates();
        assertThat(trusted).isNotEmpty();
        assertThat(trusted).noneMatch(c -> c.getSubjectX500Principal().getName().contains("NHS"));
    }
}
