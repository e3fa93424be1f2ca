package io.spinekit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepository;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder;

/**
 * The README's property table is the generated configuration metadata: every property, its default,
 * and no row for a property that does not exist. Also: every property has a description, and the
 * environment names are offered as hints.
 */
class PropertyTableTest {
    private static final Pattern ROW = Pattern.compile("^\\| `(spinekit\\.[a-z0-9.\\-]+)` \\| [^|]*\\| ([^|]*)\\| (.*) \\|$");

    private static Map<String, ConfigurationMetadataProperty> metadata() throws Exception {
        try (InputStream in = PropertyTableTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the processor wrote the metadata").isNotNull();
            ConfigurationMetadataRepository repo = ConfigurationMetadataRepositoryJsonBuilder.create(in).build();
            return new TreeMap<>(repo.getAllProperties());
        }
    }

    private static Map<String, String[]> readmeRows() throws Exception {
        Map<String, String[]> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                inTable = line.equals("### Every property");
            }
            if (!inTable) {
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.put(m.group(1), new String[] {m.group(2).trim(), m.group(3)});
            }
        }
        return rows;
    }

    private static String shown(Object defaultValue) {
        return defaultValue == null ? "" : "`" + defaultValue + "`";
    }

    @Test
    void theReadmeTableListsEveryPropertyWithItsDefaultAndNothingElse() throws Exception {
        Map<String, ConfigurationMetadataProperty> props = metadata();
        Map<String, String[]> rows = readmeRows();
        assertThat(props).hasSizeGreaterThan(50);
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(props.keySet());
        for (ConfigurationMetadataProperty p : props.values()) {
            assertThat(rows.get(p.getId())[0]).as("default of " + p.getId()).isEqualTo(shown(p.getDefaultValue()));
            assertThat(p.getDescription()).as("description of " + p.getId()).isNotBlank();
            assertThat(rows.get(p.getId())[1].replace("\\|", "|")).as("description of " + p.getId())
                    .isEqualTo(p.getDescription());
        }
    }

    @Test
    void theEnvironmentNamesAreHints() throws Exception {
        try (InputStream in = PropertyTableTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            ConfigurationMetadataRepository repo = ConfigurationMetadataRepositoryJsonBuilder.create(in).build();
            assertThat(repo.getAllProperties().get("spinekit.environment").getHints().getValueHints())
                    .extracting(h -> h.getValue()).containsExactly("development", "integration", "deployment", "live");
        }
    }
}
