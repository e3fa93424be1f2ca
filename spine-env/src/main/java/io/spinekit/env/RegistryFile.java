package io.spinekit.env;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

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
