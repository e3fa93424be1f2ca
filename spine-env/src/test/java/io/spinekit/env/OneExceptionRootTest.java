package io.spinekit.env;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spinekit.core.SpineException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Every public parse/of method of spine-env fails with a {@link SpineException}, so one catch covers them all. */
class OneExceptionRootTest {

    @Test
    void everyParseAndOfMethodThrowsASpineException() {
        assertThrows(SpineException.class, () -> SpineEnvironment.parse("prod"));
        assertThrows(SpineException.class, () -> SpineService.parse("PDS"));
        assertThrows(SpineException.class, () -> EnvironmentStatus.State.parse("closed"));
        assertThrows(SpineException.class, () -> IdentityAgent.parse("IA3"));
        assertThrows(SpineException.class, () -> MaintenanceWindow.parse("Tux 20:00-Wed 06:00 weekly"));
        assertThrows(SpineException.class, () -> MaintenanceWindow.parseAll(""));
        assertThrows(SpineException.class, () -> new MaintenanceWindow(DayOfWeek.MONDAY, LocalTime.NOON,
                DayOfWeek.MONDAY, LocalTime.NOON, MaintenanceWindow.Recurrence.WEEKLY));
        assertThrows(SpineException.class, () -> new Fact("ldap.url", " ", Provenance.SEED, "test"));
        assertThrows(SpineException.class, () -> OdsCode.of("x"));
        assertThrows(SpineException.class, () -> PartyKey.of("x"));
        assertThrows(SpineException.class, () -> Asid.of("x"));
        assertThrows(SpineException.class, () -> InteractionId.of("x"));
        assertThrows(SpineException.class, () -> SpineCatalog.bundled().profile("nowhere"));
    }
}
