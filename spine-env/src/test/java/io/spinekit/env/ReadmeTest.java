package io.spinekit.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeTest {
    @Test
    void configurationReferenceListsEveryCatalogKey() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(Keys.all()).hasSize(95);
        for (Keys.Def def : Keys.all()) {
            assertThat(readme).as(def.pattern()).contains("| `" + def.pattern() + "` |");
        }
    }
}
