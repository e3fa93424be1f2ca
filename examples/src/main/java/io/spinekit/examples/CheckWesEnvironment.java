package io.spinekit.examples;

import io.spinekit.wes.Application;
import io.spinekit.wes.Assessment;
import io.spinekit.wes.ClientEnvironment;
import io.spinekit.wes.Wes;

/**
 * Check a client machine against the Warranted Environment Specification (WES).
 *
 * <pre>
 * java io.spinekit.examples.CheckWesEnvironment "Spine SCR" "Windows 10" "IE11 32-bit" 8u281
 * </pre>
 */
public final class CheckWesEnvironment {
    private CheckWesEnvironment() {
    }

    /**
     * The task itself.
     *
     * @param application the application, in the WES's wording or as an enum name
     * @param os the operating system
     * @param browser the browser
     * @param jre the Java runtime version, or {@code null}
     * @return the assessment: verdict, conditions, reasons and end-of-support warnings
     */
    public static Assessment check(String application, String os, String browser, String jre) {
        ClientEnvironment machine = ClientEnvironment.parse(os, browser);
        if (jre != null) {
            machine = machine.withJre(jre);
        }
        return Wes.bundled().assess(Application.parse(application), machine);
    }

    /**
     * Prints an assessment.
     *
     * @param args APPLICATION OS BROWSER [JRE]
     */
    public static void main(String[] args) {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: CheckWesEnvironment APPLICATION OS BROWSER [JRE]");
            System.exit(2);
        }
        System.out.println(check(args[0], args[1], args[2], args.length == 4 ? args[3] : null).describe());
    }
}
