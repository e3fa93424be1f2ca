package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The HttpClient 5 adapter needs httpclient5 5.4 or later and says so when it finds an older one. */
class HttpClient5VersionTest {

    @Test
    void olderVersionsAreRefusedNamingTheVersionFoundAndTheOneNeeded() {
        for (String old : new String[] {"5.3.1", "5.1.3", "5.0", "4.5.14", "5.4-beta1"}) {
            assertThatThrownBy(() -> HttpClient5Version.require(old, true))
                    .as(old)
                    .isInstanceOf(TlsConfigurationException.class)
                    .hasMessageContaining("\"" + old + "\"")
                    .hasMessageContaining("5.4 or later");
        }
    }

    @Test
    void versionFiveFourAndLaterAreAccepted() {
        for (String ok : new String[] {"5.4", "5.4.1", "5.5.1", "5.10.0", "6.0.0"}) {
            assertThatCode(() -> HttpClient5Version.require(ok, true)).as(ok).doesNotThrowAnyException();
        }
    }

    @Test
    void unknownVersionIsJudgedByTheClassesPresent() {
        assertThatCode(() -> HttpClient5Version.require(null, true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> HttpClient5Version.require(null, false))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("unknown version").hasMessageContaining("5.4 or later");
    }

    @Test
    void theClassPathVersionIsFoundAndTheAdapterBuilds() {
        assertThat(HttpClient5Version.found()).hasValueSatisfying(v -> assertThat(v).startsWith("5."));
        assertThatCode(HttpClient5Version::check).doesNotThrowAnyException();
    }
}
