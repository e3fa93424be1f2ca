package io.spinekit.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MaintenanceTest {
    private static final SpineCatalog CATALOG = SpineCatalog.bundled();
    private final EnvironmentProfile dev = CATALOG.profile(SpineEnvironment.DEVELOPMENT);
    private final EnvironmentProfile integration = CATALOG.profile(SpineEnvironment.INTEGRATION);
    private final EnvironmentProfile deployment = CATALOG.profile(SpineEnvironment.DEPLOYMENT);

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @ParameterizedTest(name = "DEV Spine Core at {0} (UTC): {1}")
    @CsvSource({
        // winter, GMT = UTC: Tuesday 20:00 to Wednesday 06:00
        "2026-01-13T19:59:59Z, false",
        "2026-01-13T20:00:00Z, true",
        "2026-01-14T05:59:59Z, true",
        "2026-01-14T06:00:00Z, false",
        // summer, BST = UTC+1: the same local hours are an hour earlier in UTC
        "2026-07-14T18:59:59Z, false",
        "2026-07-14T19:00:00Z, true",
        "2026-07-15T04:59:59Z, true",
        "2026-07-15T05:00:00Z, false",
        // other days of the week
        "2026-07-13T20:30:00Z, false",
        "2026-07-16T01:00:00Z, false",
    })
    void spineCoreSlotKeepsLocalHoursInWinterAndSummer(String utc, boolean expected) {
        assertThat(dev.isUnderMaintenance("Spine Core", at(utc))).isEqualTo(expected);
        assertThat(dev.maintenance().state("core", at(utc)))
                .isEqualTo(expected ? MaintenanceSchedule.State.IN_MAINTENANCE : MaintenanceSchedule.State.NOT_IN_MAINTENANCE);
    }

    @Test
    void dev3SlotSpanningTheMarchChangeIsAnHourShorter() {
        // Thursday 26 March 2026 20:00 GMT to Monday 30 March 2026 06:00 BST; clocks go forward on Sunday 29 March
        MaintenanceWindow.Occurrence o = dev.nextWindow("e-RS Dev3", at("2026-03-26T12:00:00Z"));
        assertThat(o.start().toInstant()).isEqualTo(at("2026-03-26T20:00:00Z"));
        assertThat(o.end().toInstant()).isEqualTo(at("2026-03-30T05:00:00Z"));
        assertThat(o.start().toLocalDateTime()).hasToString("2026-03-26T20:00");
        assertThat(o.end().toLocalDateTime()).hasToString("2026-03-30T06:00");
        assertThat(o.duration()).isEqualTo(Duration.ofHours(81));
        assertThat(o.conditional()).isTrue();
        assertThat(dev.maintenance().state("dev3", at("2026-03-30T04:59:00Z"))).isEqualTo(MaintenanceSchedule.State.POSSIBLY_IN_MAINTENANCE);
        assertThat(dev.maintenance().state("dev3", at("2026-03-30T05:00:00Z"))).isEqualTo(MaintenanceSchedule.State.NOT_IN_MAINTENANCE);
    }

    @Test
    void dev3SlotSpanningTheOctoberChangeIsAnHourLonger() {
        // Thursday 22 October 2026 20:00 BST to Monday 26 October 2026 06:00 GMT; clocks go back on Sunday 25 October
        MaintenanceWindow.Occurrence o = dev.nextWindow("ers.dev3", at("2026-10-20T00:00:00Z"));
        assertThat(o.start().toInstant()).isEqualTo(at("2026-10-22T19:00:00Z"));
        assertThat(o.end().toInstant()).isEqualTo(at("2026-10-26T06:00:00Z"));
        assertThat(o.duration()).isEqualTo(Duration.ofHours(83));
        assertThat(dev.maintenance().state("e-RS Dev3", at("2026-10-26T05:59:59Z"))).isEqualTo(MaintenanceSchedule.State.POSSIBLY_IN_MAINTENANCE);
        assertThat(dev.maintenance().state("e-RS Dev3", at("2026-10-22T18:59:59Z"))).isEqualTo(MaintenanceSchedule.State.NOT_IN_MAINTENANCE);
    }

    @Test
    void weeklySlotAfterTheOctoberChangeMovesInUtc() {
        // DEP Spine Core Thu 20:00 - Fri 06:00: BST before the change, GMT after it
        assertThat(deployment.nextWindow("Spine Core", at("2026-10-20T00:00:00Z")).start().toInstant()).isEqualTo(at("2026-10-22T19:00:00Z"));
        assertThat(deployment.nextWindow("Spine Core", at("2026-10-24T00:00:00Z")).start().toInstant()).isEqualTo(at("2026-10-29T20:00:00Z"));
        assertThat(deployment.nextWindow("Spine Core", at("2026-03-27T12:00:00Z")).start().toInstant()).isEqualTo(at("2026-04-02T19:00:00Z"));
    }

    @Test
    void conditionalSlotIsPossibleNeverCertainOverTheWeekend() {
        Instant saturdayNoon = at("2026-01-17T12:00:00Z");
        assertThat(dev.isUnderMaintenance("e-RS Dev3", saturdayNoon)).isFalse();
        assertThat(dev.maintenance().state("e-RS Dev3", saturdayNoon)).isEqualTo(MaintenanceSchedule.State.POSSIBLY_IN_MAINTENANCE);
        assertThat(dev.maintenance().state("e-RS Dev1", saturdayNoon)).isEqualTo(MaintenanceSchedule.State.NOT_IN_MAINTENANCE);
        assertThat(dev.maintenance().state("Spine Core", saturdayNoon)).isEqualTo(MaintenanceSchedule.State.NOT_IN_MAINTENANCE);
        assertThat(dev.maintenance().nextCertainWindow("e-RS Dev3", saturdayNoon)).isEmpty();
        MaintenanceWindow.Occurrence current = dev.nextWindow("e-RS Dev3", saturdayNoon);
        assertThat(current.contains(saturdayNoon)).isTrue();
        assertThat(current.start().toInstant()).isEqualTo(at("2026-01-15T20:00:00Z"));
        assertThat(current.end().toInstant()).isEqualTo(at("2026-01-19T06:00:00Z"));
    }

    @Test
    void nextWindowReturnsTheOneInProgressOrElseTheNextOfSeveral() {
        // INT Spine Core: Mon 20:00 - Tue 06:00 and Wed 20:00 - Thu 06:00
        assertThat(integration.nextWindow("Spine Core", at("2026-01-13T12:00:00Z")).start().toInstant()).isEqualTo(at("2026-01-14T20:00:00Z"));
        assertThat(integration.nextWindow("Spine Core", at("2026-01-15T12:00:00Z")).start().toInstant()).isEqualTo(at("2026-01-19T20:00:00Z"));
        MaintenanceWindow.Occurrence inProgress = integration.nextWindow("Spine Core", at("2026-01-13T02:00:00Z"));
        assertThat(inProgress.start().toInstant()).isEqualTo(at("2026-01-12T20:00:00Z"));
        assertThat(inProgress.contains(at("2026-01-13T02:00:00Z"))).isTrue();
        assertThat(integration.isUnderMaintenance("spine-core", at("2026-01-15T05:00:00Z"))).isTrue();
        assertThat(integration.isUnderMaintenance("SPINE CORE", at("2026-01-16T05:00:00Z"))).isFalse();
    }

    @Test
    void nextWindowAtTheEndInstantMovesToTheFollowingWeek() {
        MaintenanceWindow.Occurrence next = dev.nextWindow("Spine CIS", at("2026-01-13T06:00:00Z"));
        assertThat(next.start().toInstant()).isEqualTo(at("2026-01-19T20:00:00Z"));
        assertThat(next.window().describe()).isEqualTo("Monday 20:00 to Tuesday 06:00 (weekly), UK time");
    }

    @Test
    void integrationAndDeploymentErsSlotsAreConditional() {
        assertThat(integration.maintenance().require("e-RS").windows()).singleElement()
                .satisfies(w -> assertThat(w.conditional()).isTrue())
                .hasToString("Tue 20:00-Wed 06:00 after-ers-release");
        assertThat(deployment.maintenance().state("ers", at("2026-01-14T21:00:00Z"))).isEqualTo(MaintenanceSchedule.State.POSSIBLY_IN_MAINTENANCE);
        assertThat(deployment.maintenance().state("Spine CIS", at("2026-01-14T21:00:00Z"))).isEqualTo(MaintenanceSchedule.State.IN_MAINTENANCE);
    }

    @Test
    void unknownServiceListsTheEnvironmentsServices() {
        assertThatThrownBy(() -> dev.isUnderMaintenance("e-RS Dev2", at("2026-01-13T12:00:00Z")))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("\"e-RS Dev2\"")
                .hasMessageContaining("Spine Core (core), Spine CIS (cis), e-RS Dev1 (ers.dev1), e-RS Dev3 (ers.dev3)");
        assertThatThrownBy(() -> CATALOG.profile(SpineEnvironment.LIVE).nextWindow("Spine Core", at("2026-01-13T12:00:00Z")))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("nothing is published")
                .hasMessageContaining("spinekit.live.maintenance.<service>");
    }

    @Test
    void overriddenWindowsAreUsedAndSpringGapTimesMoveForward() {
        Properties props = new Properties();
        props.setProperty("spinekit.live.maintenance.core", "Sun 01:30-Sun 03:00 weekly");
        EnvironmentProfile live = SpineCatalog.builder().systemProperties(props).build().profile(SpineEnvironment.LIVE);
        MaintenanceWindow.Occurrence o = live.nextWindow("Spine Core", at("2026-03-28T00:00:00Z"));
        // 01:30 does not exist on 29 March 2026 in London: the slot starts at 02:30 BST (01:30Z)
        assertThat(o.start().toInstant()).isEqualTo(at("2026-03-29T01:30:00Z"));
        assertThat(o.end().toInstant()).isEqualTo(at("2026-03-29T02:00:00Z"));
        assertThat(live.fact("maintenance.core").orElseThrow().provenance()).isEqualTo(Provenance.OVERRIDE);
    }

    @Test
    void parsesWindowTextRoundTrip() {
        List<MaintenanceWindow> windows = MaintenanceWindow.parseAll("Monday 20:00-tue 6:00 weekly;  Thu 20:00 - Mon 06:00 after-ers-release");
        assertThat(windows).containsExactly(
                new MaintenanceWindow(DayOfWeek.MONDAY, LocalTime.of(20, 0), DayOfWeek.TUESDAY, LocalTime.of(6, 0), MaintenanceWindow.Recurrence.WEEKLY),
                new MaintenanceWindow(DayOfWeek.THURSDAY, LocalTime.of(20, 0), DayOfWeek.MONDAY, LocalTime.of(6, 0),
                        MaintenanceWindow.Recurrence.AFTER_LIVE_ERS_RELEASE));
        assertThat(windows).extracting(MaintenanceWindow::toString)
                .containsExactly("Mon 20:00-Tue 06:00 weekly", "Thu 20:00-Mon 06:00 after-ers-release");
        assertThat(MaintenanceWindow.parse(windows.get(1).toString())).isEqualTo(windows.get(1));
    }

    @ParameterizedTest(name = "rejects ''{0}''")
    @ValueSource(strings = {"", "Tue 20:00 weekly", "Tue 20:00-Wed 06:00", "Tue 20:00-Wed 06:00 monthly", "Tux 20:00-Wed 06:00 weekly",
        "Tue 25:00-Wed 06:00 weekly", "Tue 20:00-Tue 20:00 weekly", "Tue 20:00-Wed 06:00 weekly;"})
    void rejectsMalformedWindowText(String text) {
        assertThatThrownBy(() -> MaintenanceWindow.parseAll(text))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("maintenance window");
    }
}
