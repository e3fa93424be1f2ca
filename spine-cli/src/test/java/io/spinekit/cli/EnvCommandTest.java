package io.spinekit.cli;

import static io.spinekit.cli.CliRun.run;
import static io.spinekit.cli.CliRun.texts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EnvCommandTest {

    @TempDir
    Path dir;




    @Test
    void listShowsTheFourStandardEnvironmentsWithStatus() {
        CliRun r = run("env", "list");
        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(r.out()).startsWith("Spine environment catalog, edition 2026-12-02");
        assertThat(r.out()).containsPattern("development\\s+Development\\s+decommissioning 2025-07-31\\s+\\d+\\s+1\\s+ldaps://ldap.vn03.national.ncrs.nhs.uk:636");
        assertThat(r.out()).containsPattern("live\\s+Live\\s+active\\s+\\d+\\s+0\\s+ldaps://ldap.national.ncrs.nhs.uk:636");
    }

    @Test
    void listJsonHasEditionAndEnvironments() {
        JsonNode j = run("env", "list", "--json").json();
        assertThat(j.path("edition").asText()).isEqualTo("2026-12-02");
        assertThat(texts(j.path("environments"), "name")).containsExactly("development", "integration", "deployment", "live");
        JsonNode dev = j.path("environments").get(0);
        assertThat(dev.path("environment").asText()).isEqualTo("DEVELOPMENT");
        assertThat(dev.path("status").path("state").asText()).isEqualTo("DECOMMISSIONING");
        assertThat(dev.path("status").path("date").asText()).isEqualTo("2025-07-31");
        assertThat(j.path("environments").get(2).path("inferredFacts").asInt()).as("ldap.url is public since edition 2026-12-02").isEqualTo(5);
    }

    @Test
    void showJsonHasEveryFactWithProvenanceAndErsAndMaintenance() {
        CliRun r = run("env", "show", "DEV", "--json");
        assertThat(r.code()).isEqualTo(Cli.OK);
        JsonNode j = r.json();
        assertThat(j.path("name").asText()).isEqualTo("development");
        JsonNode system = j.path("facts").path("SYSTEM");
        assertThat(texts(system, "key")).startsWith("ldap.url", "gas.activate.url", "gas.logout.url", "gas.validate.url");
        assertThat(system.get(0).path("value").asText()).isEqualTo("ldaps://ldap.vn03.national.ncrs.nhs.uk:636");
        assertThat(system.get(0).path("provenance").asText()).isEqualTo("SEED");
        int count = 0;
        for (JsonNode purpose : j.path("facts")) {
            count += purpose.size();
        }
        assertThat(count).isEqualTo(io.spinekit.env.SpineCatalog.bundled().profile(io.spinekit.env.SpineEnvironment.DEVELOPMENT).facts().size()).isEqualTo(100);
        assertThat(j.path("facts").path("NETWORK").toString()).contains("msg-out.dev.spine2.ncrs.nhs.uk", "10.239.14.104",
                "10.196.94.115", "10.239.67.128/25");
        JsonNode ers = j.path("ers");
        assertThat(texts(ers, "name")).containsExactly("Dev1", "Dev3");
        assertThat(ers.get(0).path("partyKey").asText()).isEqualTo("YEU-1808939");
        assertThat(ers.get(0).path("asid").asText()).isEqualTo("753468248012");
        assertThat(texts(ers.get(0).path("endpoints"), "ipAddress"))
                .containsExactly("155.231.120.150", "155.231.120.151", "155.231.120.153", "155.231.120.152");
        assertThat(ers.get(1).path("partyKey").asText()).isEqualTo("YEF-820397");
        assertThat(ers.get(1).path("asid").asText()).isEqualTo("200000000296");
        assertThat(texts(j.path("maintenance"), "displayName")).containsExactly("Spine Core", "Spine CIS", "e-RS Dev1", "e-RS Dev3");
        assertThat(j.path("maintenance").get(3).path("windows").get(0).path("conditional").asBoolean()).isTrue();
        assertThat(j.path("trustChain").toString()).contains("nhs-dev-level-1c");
        assertThat(texts(j.path("services"), "id")).containsExactly("SPINE_CORE", "SMSP", "SSP", "MESH", "CIS", "ERS", "ERS_API");
        assertThat(texts(j.path("absent"), "key")).containsExactly("messaging.internet.url");
        assertThat(j.path("absent").get(0).path("environmentVariable").asText()).isEqualTo("SPINEKIT_DEVELOPMENT_MESSAGING_INTERNET_URL");
        assertThat(j.path("status").path("notice").asText()).contains("31 July 2025");
    }

    @Test
    void showTextFlagsInferredValuesAndListsWhatIsNotPublished() {
        CliRun r = run("env", "show", "Integration");
        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(r.out()).startsWith("Integration (integration), catalog edition 2026-12-02\nStatus: active");
        assertThat(r.out()).containsPattern("portal.url\\s+https://portal.nis1.national.ncrs.nhs.uk \\[INFERRED: check before relying on it\\]");
        assertThat(r.out()).containsPattern("ldap.url\\s+ldaps://ldap.nis1.national.ncrs.nhs.uk:636 \\[PUBLIC\\]");
        assertThat(r.out()).contains("e-RS Int1: party key YEO-812583, ASID 176887180519");
        assertThat(r.out()).contains("Spine Core: Monday 20:00 to Tuesday 06:00 (weekly), UK time; Wednesday 20:00 to Thursday 06:00 (weekly), UK time [SEED]");
        assertThat(r.out()).contains("e-RS: Tuesday 20:00 to Wednesday 06:00 (the week following a live e-RS release), UK time [SEED]");
        assertThat(r.out()).doesNotContain("Not published");
        CliRun dev = run("env", "show", "development");
        assertThat(dev.out()).contains("Status: decommissioning on 2025-07-31 (that date has passed: check the environment still exists) - "
                + "A public notice (May 2025) said the TRAIN and DEV path-to-live environments were to be decommissioned on 31 July 2025.");
        assertThat(dev.out()).containsPattern("messaging.sync.ip\\s+10.239.14.29 \\[SEED\\]");
        assertThat(dev.out()).contains("e-RS Dev3: party key YEF-820397, ASID 200000000296");
        assertThat(dev.out()).containsPattern("e-RS API\\s+https://api.dev3.ers.ncrs.nhs.uk  155.231.120.233  TCP 443 \\[SEED\\]");
        CliRun dep = run("env", "show", "dep", "--sources");
        assertThat(dep.out()).contains("Not published (supply with spinekit.deployment.<key> or SPINEKIT_DEPLOYMENT_<KEY>):");
        assertThat(dep.out()).contains("sbapi.namingservice.url, sbapi.roleassertion.url, sbapi.roleselection.url, cis2.issuer");
        assertThat(dep.out()).contains("source: NHS Digital 'Deployment environments' page, last edited 29 September 2021 (seed 004)");
        assertThat(dep.out()).contains("e-RS Dep2: party key (not published), ASID (not published)");
    }

    @Test
    void unknownEnvironmentIsAUsageErrorListingKnownOnes() {
        CliRun r = run("env", "show", "staging");
        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Unknown environment \"staging\": known environments are development, integration, deployment, live");
        CliRun j = run("env", "show", "staging", "--json");
        assertThat(j.code()).isEqualTo(Cli.USAGE);
        assertThat(j.json().path("error").asText()).startsWith("Unknown environment \"staging\"");
    }

    @Test
    void maintenanceAtASummerInstantUsesUkTime() {
        // Tuesday 14 July 2026 19:30 UTC = 20:30 BST: inside DEV Spine Core's Tuesday 20:00 - Wednesday 06:00 slot
        CliRun r = run("env", "maintenance", "development", "--at", "2026-07-14T19:30:00Z", "--json");
        assertThat(r.code()).isEqualTo(Cli.OK);
        JsonNode j = r.json();
        assertThat(j.path("zone").asText()).isEqualTo("Europe/London");
        assertThat(j.path("at").asText()).isEqualTo("2026-07-14T19:30:00Z");
        JsonNode core = j.path("services").get(0);
        assertThat(core.path("displayName").asText()).isEqualTo("Spine Core");
        assertThat(core.path("state").asText()).isEqualTo("IN_MAINTENANCE");
        assertThat(core.path("underMaintenance").asBoolean()).isTrue();
        assertThat(core.path("nextWindow").path("inProgress").asBoolean()).isTrue();
        assertThat(core.path("nextWindow").path("start").asText()).isEqualTo("2026-07-14T20:00:00+01:00");
        assertThat(core.path("nextWindow").path("end").asText()).isEqualTo("2026-07-15T06:00:00+01:00");
        JsonNode cis = j.path("services").get(1);
        assertThat(cis.path("state").asText()).isEqualTo("NOT_IN_MAINTENANCE");
        assertThat(cis.path("nextWindow").path("start").asText()).isEqualTo("2026-07-20T20:00:00+01:00");
        JsonNode dev3 = j.path("services").get(3);
        assertThat(dev3.path("nextWindow").path("conditional").asBoolean()).isTrue();
        assertThat(dev3.path("nextWindow").path("start").asText()).isEqualTo("2026-07-16T20:00:00+01:00");
        assertThat(dev3.path("nextWindow").path("end").asText()).isEqualTo("2026-07-20T06:00:00+01:00");
    }

    @Test
    void maintenanceAcceptsUkLocalTimeAndOneService() {
        CliRun r = run("env", "maintenance", "dev", "--at", "2026-01-17T12:00", "--service", "e-RS Dev3");
        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(r.out()).isEqualTo("""
                Development maintenance slots at Sat 17 Jan 2026 12:00 +00:00 (UK time)
                  e-RS Dev3: POSSIBLY IN MAINTENANCE (only if this is the week after a live e-RS release)
                    current slot: Thu 15 Jan 2026 20:00 +00:00 to Mon 19 Jan 2026 06:00 +00:00 (after a live e-RS release only)
                    slots: Thursday 20:00 to Monday 06:00 (the week following a live e-RS release), UK time
                Check the Forward Change Schedule for work outside these slots.
                """);
    }

    @Test
    void maintenanceRejectsBadInstantAndUnknownServiceAndExplainsLive() {
        CliRun bad = run("env", "maintenance", "int", "--at", "next tuesday");
        assertThat(bad.code()).isEqualTo(Cli.USAGE);
        assertThat(bad.err()).contains("Invalid --at \"next tuesday\": expected an instant such as 2026-01-13T20:00:00Z");
        CliRun service = run("env", "maintenance", "int", "--service", "e-RS Dev1");
        assertThat(service.code()).isEqualTo(Cli.USAGE);
        assertThat(service.err()).contains("No maintenance slots for service \"e-RS Dev1\" in environment \"integration\": known services are "
                + "Spine Core (core), Spine CIS (cis), e-RS (ers)");
        CliRun live = run("env", "maintenance", "live", "--json");
        assertThat(live.code()).isEqualTo(Cli.OK);
        assertThat(live.json().path("services").size()).isZero();
        assertThat(live.json().path("note").asText()).contains("spinekit.live.maintenance.<core|cis|ers>");
    }

    @Test
    void registryPrintsTheDevelopmentSeedFileWithCrlf() {
        CliRun r = run("env", "registry", "development", "--agent", "HSCIC Identity Agent 2 (64-bit)");
        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(r.out()).isEqualTo("Windows Registry Editor Version 5.00\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\HSCIC\\Identity Agent]\r\n"
                + "\"ActivatePOSTURL\"=\"https://gas.vn03.national.ncrs.nhs.uk/login/authactivate\"\r\n"
                + "\"LaunchAppsPath\"=\"https://portal.vn03.national.ncrs.nhs.uk\"\r\n"
                + "\"MobilityPersistence_Available\"=\"False\"\r\n"
                + "\"SessionLockPersistence_Enabled\"=\"False\"\r\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void registryWarnsAboutInferredValuesAndWritesExactBytes() throws IOException {
        Path file = dir.resolve("int.reg");
        CliRun r = run("env", "registry", "int", "--agent", "ia1-32", "--output", file.toString(), "--json");
        assertThat(r.code()).isEqualTo(Cli.OK);
        JsonNode j = r.json();
        assertThat(j.path("agent").asText()).isEqualTo("HSCIC_IA1_32");
        assertThat(j.path("lineEnding").asText()).isEqualTo("CRLF");
        assertThat(j.path("inferred").toString()).isEqualTo("[\"sbapi.roleselection.url\",\"portal.url\"]");
        assertThat(j.path("lines").get(5).asText()).isEqualTo("\"LaunchAppsPath\"=\"https://portal.nis1.national.ncrs.nhs.uk\"");
        assertThat(Files.readAllBytes(file)).isEqualTo(j.path("text").asText().getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII)).contains("\r\n").doesNotContain("\n\n");
        assertThat(r.err()).contains("warning: portal.url=https://portal.nis1.national.ncrs.nhs.uk is INFERRED")
                .contains("override it with spinekit.integration.portal.url");
    }

    @Test
    void registryForDeploymentFailsNamingTheOverrideKeys() {
        CliRun r = run("env", "registry", "deployment", "--agent", "BT Identity Agent IA13");
        assertThat(r.code()).isEqualTo(Cli.FAILURE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Cannot write the BT Identity Agent (IA13) registry file for environment \"deployment\"")
                .contains("spinekit.deployment.portal.url").contains("SPINEKIT_DEPLOYMENT_PORTAL_URL");
    }

    @Test
    void registryRejectsUnknownAgentListingKnownOnes() {
        CliRun r = run("env", "registry", "dev", "--agent", "IA3");
        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("Unknown Identity Agent \"IA3\": expected one of ia2-64 (HSCIC Identity Agent 2 (64-bit)), "
                + "ia2-32 (HSCIC Identity Agent 2 (32-bit)), ia1-64 (HSCIC Identity Agent 1 (64-bit)), "
                + "ia1-32 (HSCIC Identity Agent 1 (32-bit)), ia13 (BT Identity Agent (IA13))");
    }

    @Test
    void overridesFileDefinesACustomEnvironmentForEveryCommand() throws IOException {
        Path overrides = dir.resolve("spinekit.properties");
        Files.writeString(overrides, """
                spinekit.local-mock.ldap.url=ldaps://localhost:10636
                spinekit.local-mock.gas.activate.url=https://localhost:8443/login/authactivate
                spinekit.local-mock.portal.url=https://localhost:8443/portal
                spinekit.local-mock.maintenance.core=Sun 02:00-Sun 04:00 weekly
                """);
        CliRun list = run("env", "list", "--overrides", overrides.toString(), "--json");
        assertThat(texts(list.json().path("environments"), "name")).containsExactly("development", "integration", "deployment", "live", "local-mock");
        assertThat(list.json().path("environments").get(4).path("custom").asBoolean()).isTrue();
        CliRun show = run("env", "show", "local-mock", "--overrides", overrides.toString(), "--json");
        assertThat(show.json().path("facts").path("SYSTEM").get(0).path("provenance").asText()).isEqualTo("OVERRIDE");
        assertThat(show.json().path("facts").path("SYSTEM").get(0).path("source").asText())
                .isEqualTo("overrides file \"" + overrides + "\" line 1 key \"spinekit.local-mock.ldap.url\"");
        CliRun reg = run("env", "registry", "local-mock", "--agent", "ia2-32", "--overrides", overrides.toString());
        assertThat(reg.out()).contains("\"LaunchAppsPath\"=\"https://localhost:8443/portal\"\r\n");
        CliRun maint = run("env", "maintenance", "local-mock", "--at", "2026-03-29T01:30:00Z", "--overrides", overrides.toString(), "--json");
        assertThat(maint.json().path("services").get(0).path("state").asText()).isEqualTo("IN_MAINTENANCE");
    }

    @Test
    void badOverridesFileIsAUsageErrorNamingFileKeyAndValue() throws IOException {
        Path overrides = dir.resolve("bad.properties");
        Files.writeString(overrides, "spinekit.integration.ldap.url=ldap.nis1.national.ncrs.nhs.uk\n");
        CliRun r = run("env", "list", "--overrides", overrides.toString());
        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("Invalid value \"ldap.nis1.national.ncrs.nhs.uk\" for key \"ldap.url\" of environment \"integration\" in "
                + "overrides file \"" + overrides + "\" line 1");
    }
}
