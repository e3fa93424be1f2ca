package io.spinekit.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BundledDataTest {
    private static final String ENVS = "\"integration\": {}, \"deployment\": {}, \"live\": {}";

    private static BundledData read(String json) {
        return BundledData.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String withDevFact(String fact) {
        return "{\"edition\": \"2026-11-21\", \"sources\": {\"s\": \"a source\"}, \"environments\": {\"development\": {"
                + fact + "}, " + ENVS + "}}";
    }

    @Test
    void readsMinimalValidData() {
        BundledData data = read(withDevFact("\"ldap.url\": {\"value\": \"ldaps://h:636\", \"provenance\": \"SEED\", \"source\": \"s\", \"note\": \"n\"}"));
        assertThat(data.edition).hasToString("2026-11-21");
        assertThat(data.facts.get(SpineEnvironment.DEVELOPMENT))
                .containsExactly(java.util.Map.entry("ldap.url", new Fact("ldap.url", "ldaps://h:636", Provenance.SEED, "a source; n")));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "\"ldap.ulr\": {\"value\": \"ldaps://h:636\", \"provenance\": \"SEED\", \"source\": \"s\"}|key \"ldap.ulr\": not a catalog key",
        "\"ldap.url\": {\"value\": \"h:636\", \"provenance\": \"SEED\", \"source\": \"s\"}|invalid value \"h:636\"",
        "\"ldap.url\": {\"value\": \"ldaps://h:636\", \"provenance\": \"GUESS\", \"source\": \"s\"}|provenance must be SEED, PUBLIC or INFERRED",
        "\"ldap.url\": {\"value\": \"ldaps://h:636\", \"provenance\": \"OVERRIDE\", \"source\": \"s\"}|cannot have provenance OVERRIDE",
        "\"ldap.url\": {\"value\": \"ldaps://h:636\", \"provenance\": \"SEED\", \"source\": \"x\"}|source \"x\" is not defined",
        "\"ldap.url\": {\"value\": \"ldaps://h:636\", \"provenance\": \"SEED\", \"source\": \"s\", \"url\": \"x\"}|unknown field \"url\"",
        "\"ldap.url\": {\"value\": \"ldaps://h:636\", \"provenance\": \"SEED\"}|source must be a non-blank string",
        "\"ldap.url\": {\"value\": \"\", \"provenance\": \"SEED\", \"source\": \"s\"}|value must be a non-blank string",
        "\"spine.partykey\": {\"value\": \"yes-0000806\", \"provenance\": \"SEED\", \"source\": \"s\"}|not in canonical form \"YES-0000806\"",
    })
    void rejectsBadFactsNamingEnvironmentAndKey(String fact, String problem) {
        assertThatThrownBy(() -> read(withDevFact(fact)))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("bundled catalog io/spinekit/env/environments.json")
                .hasMessageContaining(problem);
    }

    @Test
    void rejectsMissingEnvironmentBadEditionDuplicatesAndInvalidJson() {
        assertThatThrownBy(() -> read("{\"edition\": \"2026-11-21\", \"sources\": {}, \"environments\": {\"development\": {}}}"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("environment \"integration\" is missing");
        assertThatThrownBy(() -> read("{\"edition\": \"21/11/2026\", \"sources\": {}, \"environments\": {}}"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("'edition' is not an ISO date");
        assertThatThrownBy(() -> read("{\"edition\": \"2026-11-21\", \"edition\": \"2026-11-22\"}"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("duplicate field \"edition\"");
        assertThatThrownBy(() -> read("{\"edition\": "))
                .isInstanceOf(CatalogException.class).hasMessageContaining("is not valid JSON");
        assertThatThrownBy(() -> read("{\"edition\": \"2026-11-21\", \"sources\": {}, \"environments\": {\"staging\": {}}}"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("unknown environment \"staging\"");
    }
}
