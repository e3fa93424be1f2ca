package io.spinekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void quotesAndEscapesControlCharactersSoALineBreakCannotForgeALogLine() {
        assertThat(Text.quote("X26\nINFO forged")).isEqualTo("\"X26\\nINFO forged\"");
        assertThat(Text.quote("a\r\tb\u0000\"\\")).isEqualTo("\"a\\r\\tb\\u0000\\\"\\\\\"");
        assertThat(Text.quote("line\u2028sep")).isEqualTo("\"line\\u2028sep\"");
    }

    @Test
    void cutsLongValuesAndSaysHowMuchWasCut() {
        String q = Text.quote("x".repeat(100_000));
        assertThat(q).hasSizeLessThan(200)
                .startsWith("\"" + "x".repeat(Text.DEFAULT_LIMIT) + "\"")
                .endsWith("(cut: 99920 more of 100000 characters)");
    }

    @Test
    void doesNotSplitASurrogatePairWhenCutting() {
        String value = "a".repeat(9) + "\uD83D\uDE00" + "b";
        assertThat(Text.quote(value, 10)).isEqualTo("\"aaaaaaaaa\" (cut: 3 more of 12 characters)");
    }

    @Test
    void keepsNonAsciiLettersAndNull() {
        assertThat(Text.quote("yeſ")).isEqualTo("\"yeſ\"");
        assertThat(Text.quote(null)).isEqualTo("null");
        assertThat(Text.escape("a\nb")).isEqualTo("a\\nb");
        assertThrows(IllegalArgumentException.class, () -> Text.quote("a", 0));
    }
}
