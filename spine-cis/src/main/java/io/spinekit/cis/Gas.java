package io.spinekit.cis;

/** Checks shared by the typed GAS messages. */
final class Gas {
    private Gas() {
    }

    static void expectService(GasMessage m, GasService expected, String what) {
        String actual = m.value("service").orElse("(none)");
        if (!expected.name().equals(actual)) {
            throw new CisException(CisException.Reason.MALFORMED, what + " has service '" + shortened(actual)
                    + "': expected " + expected.name());
        }
    }

    static String shortened(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
