package io.spinekit.wes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Vendor end-of-support warnings as of a date; the dates are the public vendor lifecycle dates only. */
class EndOfSupportTest {
    private static final Wes WES = Wes.bundled();

    @ParameterizedTest(name = "{0} in {1}: ends {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Windows 7 SP1                  | Firefox      | 2020-01-14 | WINDOWS_7              | end of extended support
            Windows 8.1                    | Firefox      | 2023-01-10 | WINDOWS_8_1            | end of extended support
            Windows 10 21H2                | Firefox      | 2025-10-14 | WINDOWS_10             | end of support
            Windows Server 2008 R2 SP1     | Firefox      | 2020-01-14 | WINDOWS_SERVER_2008_R2 | end of extended support
            Windows Server 2012 R2         | Firefox      | 2023-10-10 | WINDOWS_SERVER_2012_R2 | end of extended support
            Windows 10 21H2                | IE11         | 2022-06-15 | IE11                   | retired
            """)
    void warnsFromTheEndOfSupportDateOnwards(String os, String browser, LocalDate end, String product, String event) {
        ClientEnvironment env = ClientEnvironment.parse(os, browser);
        Assessment before = WES.assess(Application.E_RS_PROFESSIONAL, env, end.minusDays(1));
        assertThat(before.warnings()).noneMatch(w -> w.product().equals(product));
        Assessment on = WES.assess(Application.E_RS_PROFESSIONAL, env, end);
        assertThat(on.warnings()).filteredOn(w -> w.product().equals(product)).singleElement().satisfies(w -> {
            assertThat(w.endOfSupport()).isEqualTo(end);
            assertThat(w.event()).isEqualTo(event);
            assertThat(w.message()).contains(end.toString()).contains("as of " + end);
        });
        assertThat(on.verdict()).as("a vendor date is a warning, not a WES verdict").isEqualTo(before.verdict());
    }

    @Test
    void productsWithoutAPublishedDateHaveNone() {
        assertThat(WES.endOfSupport(BrowserProduct.CHROME)).isEmpty();
        assertThat(WES.endOfSupport(BrowserProduct.FIREFOX)).isEmpty();
        assertThat(WES.endOfSupport(BrowserProduct.EDGE)).isEmpty();
        assertThat(WES.endOfSupport(OsProduct.WINDOWS_11)).isEmpty();
        assertThat(WES.endOfSupport(OsProduct.IPADOS)).isEmpty();
        assertThat(WES.endOfSupport()).extracting(EndOfSupport::product).containsExactly("WINDOWS_7", "WINDOWS_8_1", "WINDOWS_10",
                "WINDOWS_SERVER_2008_R2", "WINDOWS_SERVER_2012_R2", "IE11");
        assertThat(WES.assess(Application.E_RS_PROFESSIONAL, ClientEnvironment.parse("Windows 10 21H2", "Chrome"),
                LocalDate.of(2030, 1, 1)).warnings()).extracting(EndOfSupportWarning::product).containsExactly("WINDOWS_10");
    }

    @Test
    void assessmentWithoutADateUsesTodayInLondon() {
        Clock clock = Clock.fixed(Instant.parse("2022-06-14T23:30:00Z"), ZoneOffset.UTC);
        Assessment a = WES.withClock(clock).assess(Application.E_RS_PROFESSIONAL, ClientEnvironment.parse("Windows 10 21H2", "IE11"));
        assertThat(a.date()).isEqualTo(LocalDate.of(2022, 6, 15));
        assertThat(a.warnings()).extracting(EndOfSupportWarning::product).containsExactly("IE11");
    }
}
