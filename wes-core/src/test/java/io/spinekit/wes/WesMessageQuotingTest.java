package io.spinekit.wes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Messages that echo input quote it with {@code io.spinekit.core.Text.quote}: double quotes, control
 * characters escaped (a line break cannot forge a log line), long values cut (issue 15 item 5).
 */
class WesMessageQuotingTest {
    private static final String LONG = "x".repeat(100_000);
    private static final String FORGED = "Chrome\nFORGED LOG LINE";

    /** The message of what {@code call} throws, checked to be one bounded line. */
    private static String oneLine(Executable call, int maxLength) {
        String message = assertThrows(WesException.class, call).getMessage();
        assertThat(message).doesNotContain("\n").doesNotContain("\r").hasSizeLessThan(maxLength);
        return message;
    }

    /** The known-names list some messages end with, which does not depend on the input. */
    private static int knownLength(String message) {
        int at = message.indexOf("; known: ");
        return at < 0 ? 0 : message.length() - at;
    }

    @Test
    void aUserAgentWithALineBreakOrOfAHundredThousandCharactersGivesOneShortLine() {
        String m = oneLine(() -> UserAgent.parse(LONG + "\n", ClientHints.none()), 300);
        assertThat(m).contains("\"xxxx").contains("(cut: ");
        m = oneLine(() -> UserAgent.parse("Mozilla/5.0\n" + LONG, ClientHints.none()), 300);
        assertThat(m).contains("\"Mozilla/5.0\\nxxx");
    }

    @Test
    void anApplicationNameWithALineBreakOrOfAHundredThousandCharactersGivesOneShortLine() {
        String m = assertThrows(WesException.class, () -> Application.parse("Spine\nFORGED")).getMessage();
        assertThat(m).doesNotContain("\n").contains("\"Spine\\nFORGED\"");
        assertThat(m.length() - knownLength(m)).isLessThan(300);
        m = assertThrows(WesException.class, () -> Application.parse(LONG)).getMessage();
        assertThat(m.length() - knownLength(m)).isLessThan(300);
        assertThat(m).contains("(cut: 99920 more of 100000 characters)");
    }

    @Test
    void browserOperatingSystemJavaAndReleaseNamesAreQuotedAndCut() {
        for (Executable call : new Executable[] {
            () -> Browser.parse(FORGED), () -> Browser.parse(LONG),
            () -> Browser.parse("Chrome " + FORGED), () -> Browser.parse("Chrome " + LONG),
            () -> OperatingSystem.parse(FORGED), () -> OperatingSystem.parse(LONG),
            () -> OperatingSystem.parse("Windows 10 " + FORGED), () -> OperatingSystem.parse("Windows 10 " + LONG),
            () -> OperatingSystem.parse("macOS " + LONG), () -> OperatingSystem.parse("Windows 11 " + LONG),
            () -> JavaRuntime.parse(FORGED), () -> JavaRuntime.parse(LONG),
            () -> Windows10Release.parse(FORGED), () -> Windows10Release.parse(LONG),
            () -> ClientEnvironment.parse(FORGED, "Chrome"), () -> ClientEnvironment.parse("Windows 10", LONG),
        }) {
            String m = assertThrows(WesException.class, call).getMessage();
            assertThat(m).as(m).doesNotContain("\n").doesNotContain("'x");
            assertThat(m.length() - knownLength(m)).as(m).isLessThan(1000);
            assertThat(m).doesNotContain("x".repeat(100));
        }
    }

    @Test
    void clientHintValuesAreQuotedAndCut() {
        for (String value : new String[] {"\"1.x\"", "\"a\\q\"", "\"a\"b\""}) {
            String m = assertThrows(WesException.class, () -> ClientHints.fromHeaders(
                    Map.of(ClientHints.PLATFORM, "\"Windows\"", ClientHints.PLATFORM_VERSION, value))).getMessage();
            assertThat(m).doesNotContain("\n").doesNotContain("'").contains(" \"");
        }
    }
}
