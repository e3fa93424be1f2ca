package io.spinekit.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A real start with a bad spinekit property fails and Boot prints spinekit's failure analysis. */
@ExtendWith(OutputCaptureExtension.class)
class BadConfigurationTest {

    @Test
    void anUnknownEnvironmentStopsStartUpWithTheAnalysis(CapturedOutput output) {
        SpringApplication app = new SpringApplication(SpinekitBootExample.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--spinekit.environment=narnia", "--spinekit.catalog.system-overrides=false"))
                .hasRootCauseInstanceOf(io.spinekit.env.CatalogException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("spinekit could not start: property 'spinekit.environment' is \"narnia\".")
                .contains("Expected: a standard Spine environment")
                .contains("spinekit said: Unknown environment \"narnia\"")
                .contains("Action:")
                .contains("spinekit.catalog.overrides[narnia.ldap.url]=ldaps://localhost:10636");
    }
}
