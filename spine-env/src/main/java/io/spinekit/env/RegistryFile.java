package io.spinekit.env;

import io.spinekit.core.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Windows registry file ({@code .reg}) that points an Identity Agent at an environment, line
 * for line as the NHS environment pages give it.
 *
 * <p>Lines end with CRLF, including the last: {@code regedit} reads "Windows Registry Editor
 * Version 5.00" files written by Notepad, which uses CRLF, and some versions drop a final line
 * that has no line end. The text is ASCII; {@link #bytes()} is what to write to the file.
 *
 * @param agent the Identity Agent variant
 * @param environment the environment name
 * @param text the file text, CRLF line ends
 * @param facts the catalog facts filled in, with provenance (check any {@linkplain Fact#inferred() inferred} one)
 */
public record RegistryFile(IdentityAgent agent, String environment, String text, List<Fact> facts) {
    /** The line separator of registry files. */
    public static final String CRLF = "\r\n";

    /**
     * Checks the parts.
     *
     * @param agent the agent
     * @param environment the environment
     * @param text the text
     * @param facts the facts
     */
    public RegistryFile {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(text, "text");
        facts = List.copyOf(facts);
    }

    /**
     * The registry file that points an Identity Agent at an environment, in the format of the
     * development page, filled with the environment's GAS, sbapi and portal URLs.
     *
     * <p>The BT IA13 file reproduces the page faithfully, including its repeated
     * {@code "Authentication.StartBrowser.Url"} line and its fixed {@code "Device.id"="1ef2f9cc"}
     * value; the {@code <SSO_TICKET>}-style placeholders are literal, filled in by the agent.
     *
     * @param profile the environment
     * @param agent the agent variant
     * @return the file
     * @throws CatalogException when a URL the file needs is absent, naming the key and the override that supplies it
     */
    public static RegistryFile forProfile(EnvironmentProfile profile, IdentityAgent agent) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(agent, "agent");
        String name = profile.name();
        List<Fact> used = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        java.util.function.Function<String, String> v = key -> {
            Optional<Fact> f = profile.fact(key);
            if (f.isEmpty()) {
                if (!missing.contains(key)) {
                    missing.add(key);
                }
                return "";
            }
            if (!used.contains(f.get())) {
                used.add(f.get());
            }
            return f.get().value();
        };
        List<String> lines = new ArrayList<>();
        lines.add("Windows Registry Editor Version 5.00");
        switch (agent) {
            case HSCIC_IA2_64, HSCIC_IA2_32 -> {
                lines.add(agent == IdentityAgent.HSCIC_IA2_64
                        ? "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\HSCIC\\Identity Agent]"
                        : "[HKEY_LOCAL_MACHINE\\SOFTWARE\\HSCIC\\Identity Agent]");
                lines.add(reg("ActivatePOSTURL", v.apply("gas.activate.url")));
                lines.add(reg("LaunchAppsPath", v.apply("portal.url")));
                lines.add("\"MobilityPersistence_Available\"=\"False\"");
                lines.add("\"SessionLockPersistence_Enabled\"=\"False\"");
            }
            case HSCIC_IA1_64, HSCIC_IA1_32 -> {
                lines.add(agent == IdentityAgent.HSCIC_IA1_64
                        ? "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\HSCIC\\Identity Agent]"
                        : "[HKEY_LOCAL_MACHINE\\SOFTWARE\\HSCIC\\Identity Agent]");
                lines.add(reg("ActivatePOSTURL", v.apply("gas.activate.url")));
                lines.add(reg("RoleSelectionGETPOSTURL", v.apply("sbapi.roleselection.url")));
                lines.add(reg("LogoffPOSTURL", v.apply("gas.logout.url")));
                lines.add(reg("LaunchAppsPath", v.apply("portal.url")));
            }
            case BT_IA13 -> {
                String startBrowser = reg("Authentication.StartBrowser.Url", v.apply("sbapi.roleselectionwt.url") + "?token=<SSO_TICKET>");
                lines.add("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Gemplus\\GAC]");
                lines.add(reg("Activate.URL", v.apply("gas.activate.url")));
                lines.add(reg("Logout.URL", v.apply("gas.logout.url")));
                lines.add(startBrowser);
                lines.add("\"Device.id\"=\"1ef2f9cc\"");
                lines.add("\"UpdateWatcher.enable\"=dword:00000000");
                lines.add(reg("Device.id.URL", v.apply("sbapi.deviceidlogger.url")
                        + "?ipaddress=<IP_ADR>&latestdeviceid=<DEVICE_ID>&storeddeviceid=<OLD_DEVICE_ID>&token=<SSO_TICKET>"));
                lines.add(startBrowser);
                lines.add(reg("RoleSelection.URL", v.apply("sbapi.roleselection.url")
                        + "?token=<SSO_TICKET>&selectedRoleUid=<ROLE_UID>&ssbMode=<MODE>&gacVersion=<GAC_VERSION>&fallbackStatus=<FALLBACK>"));
                lines.add(reg("Portal.URL", v.apply("portal.url")));
            }
            default -> throw new IllegalStateException(agent.name());
        }
        if (!missing.isEmpty()) {
            throw new CatalogException("Cannot write the " + agent.displayName() + " registry file for environment " + Text.quote(name)
                   + ": nothing publishes " + missing.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "))
                    + ". Supply " + (missing.size() == 1 ? "it" : "them") + " with "
                    + missing.stream().map(k -> "system property " + profile.systemProperty(k) + " or environment variable "
                            + profile.environmentVariable(k)).collect(Collectors.joining("; "))
                    + " (or the same system property names in an overrides file).");
        }
        String text = String.join(CRLF, lines) + CRLF;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7e && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                throw new CatalogException("Registry file for " + agent.displayName() + " in " + Text.quote(name)
                       + " would contain a non-ASCII character from " + used + ": registry URLs must be ASCII");
            }
        }
        return new RegistryFile(agent, name, text, used);
    }

    private static String reg(String name, String value) {
        return "\"" + name + "\"=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The file's lines, without line ends.
     *
     * @return the lines
     */
    public List<String> lines() {
        return List.of(text.split(CRLF));
    }

    /**
     * The bytes to write to a {@code .reg} file.
     *
     * @return the text in US-ASCII
     */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A file name in the pages' style.
     *
     * @return for example {@code "spine-development-ia2-64.reg"}
     */
    public String fileName() {
        return "spine-" + environment + "-" + agent.shortName() + ".reg";
    }

    /**
     * The facts used that are inferred rather than published.
     *
     * @return possibly empty
     */
    public List<Fact> inferredFacts() {
        return facts.stream().filter(Fact::inferred).toList();
    }
}
