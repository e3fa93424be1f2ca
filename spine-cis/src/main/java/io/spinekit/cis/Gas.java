package io.spinekit.cis;

import io.spinekit.core.Text;

/** Checks shared by the typed GAS messages. */
final class Gas {
    private Gas() {
    }

    static void expectService(GasMessage m, GasService expected, String what) {
        String actual = m.value("service").orElse("(none)");
        if (!expected.name().equals(actual)) {
            throw new CisException(CisException.Reason.MALFORMED, what + " has service " + Text.quote(actual)
                    + ": expected " + expected.name());
        }
    }

}
