package io.spinekit.wes;

import java.util.Objects;
import java.util.Optional;

/**
 * The client environment a WES assessment is about: operating system, browser (absent for a
 * non-browser client such as the MESH client), Java runtime, and whether the application is
 * delivered through Citrix XenApp.
 *
 * @param os the operating system
 * @param browser the browser, if the application is used in one
 * @param jre the Java runtime, if known
 * @param citrix true when delivered through Citrix XenApp
 */
public record ClientEnvironment(OperatingSystem os, Optional<Browser> browser, Optional<JavaRuntime> jre, boolean citrix) {

    /**
     * Checks the parts are present.
     *
     * @param os the os
     * @param browser the browser
     * @param jre the jre
     * @param citrix the citrix
     */
    public ClientEnvironment {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(jre, "jre");
    }

    /**
     * An environment of an operating system and a browser, without JRE or Citrix.
     *
     * @param os the operating system
     * @param browser the browser
     * @return the environment
     */
    public static ClientEnvironment of(OperatingSystem os, Browser browser) {
        return new ClientEnvironment(os, Optional.of(browser), Optional.empty(), false);
    }

    /**
     * Parses an environment from descriptions, e.g. {@code parse("Windows 10 20H2 64-bit", "IE11 32-bit")}.
     *
     * @param os see {@link OperatingSystem#parse(String)}
     * @param browser see {@link Browser#parse(String)}
     * @return the environment
     * @throws WesException when a description cannot be read
     */
    public static ClientEnvironment parse(String os, String browser) {
        return of(OperatingSystem.parse(os), Browser.parse(browser));
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A copy with the JRE set.
     *
     * @param newJre the JRE
     * @return the copy
     */
    public ClientEnvironment withJre(JavaRuntime newJre) {
        return new ClientEnvironment(os, browser, Optional.of(newJre), citrix);
    }

    /**
     * A copy with the JRE parsed from text, e.g. {@code "1.8.0_281 32-bit"}.
     *
     * @param newJre see {@link JavaRuntime#parse(String)}
     * @return the copy
     */
    public ClientEnvironment withJre(String newJre) {
        return withJre(JavaRuntime.parse(newJre));
    }

    /**
     * A copy with the Citrix flag set.
     *
     * @param viaCitrix true when delivered through Citrix XenApp
     * @return the copy
     */
    public ClientEnvironment withCitrix(boolean viaCitrix) {
        return new ClientEnvironment(os, browser, jre, viaCitrix);
    }

    /**
     * A copy with another operating system.
     *
     * @param newOs the operating system
     * @return the copy
     */
    public ClientEnvironment withOs(OperatingSystem newOs) {
        return new ClientEnvironment(newOs, browser, jre, citrix);
    }

    /**
     * A readable description, e.g. {@code "Windows 10 20H2 64-bit, IE11 32-bit, JRE 8u281 32-bit, via Citrix XenApp"}.
     *
     * @return the description
     */
    public String describe() {
        StringBuilder b = new StringBuilder(os.describe());
        browser.ifPresent(x -> b.append(", ").append(x.describe()));
        jre.ifPresent(x -> b.append(", ").append(x.describe()));
        if (citrix) {
            b.append(", via Citrix XenApp");
        }
        return b.toString();
    }

    /** Builds a {@link ClientEnvironment}; the operating system is required. */
    public static final class Builder {
        private OperatingSystem os;
        private Browser browser;
        private JavaRuntime jre;
        private boolean citrix;

        private Builder() {
        }

        /**
         * Sets the operating system.
         *
         * @param value the operating system
         * @return this builder
         */
        public Builder os(OperatingSystem value) {
            this.os = value;
            return this;
        }

        /**
         * Sets the operating system from a description.
         *
         * @param value see {@link OperatingSystem#parse(String)}
         * @return this builder
         */
        public Builder os(String value) {
            return os(OperatingSystem.parse(value));
        }

        /**
         * Sets the browser.
         *
         * @param value the browser
         * @return this builder
         */
        public Builder browser(Browser value) {
            this.browser = value;
            return this;
        }

        /**
         * Sets the browser from a description.
         *
         * @param value see {@link Browser#parse(String)}
         * @return this builder
         */
        public Builder browser(String value) {
            return browser(Browser.parse(value));
        }

        /**
         * Sets the JRE.
         *
         * @param value the JRE
         * @return this builder
         */
        public Builder jre(JavaRuntime value) {
            this.jre = value;
            return this;
        }

        /**
         * Sets the JRE from text.
         *
         * @param value see {@link JavaRuntime#parse(String)}
         * @return this builder
         */
        public Builder jre(String value) {
            return jre(JavaRuntime.parse(value));
        }

        /**
         * Sets whether the application is delivered through Citrix XenApp (default false).
         *
         * @param value true for Citrix
         * @return this builder
         */
        public Builder citrix(boolean value) {
            this.citrix = value;
            return this;
        }

        /**
         * Builds the environment.
         *
         * @return the environment
         * @throws WesException when no operating system was set
         */
        public ClientEnvironment build() {
            if (os == null) {
                throw new WesException("a client environment needs an operating system; set os(...)");
            }
            return new ClientEnvironment(os, Optional.ofNullable(browser), Optional.ofNullable(jre), citrix);
        }
    }
}
