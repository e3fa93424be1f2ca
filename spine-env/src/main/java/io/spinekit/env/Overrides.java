package io.spinekit.env;

import io.spinekit.core.BoundedFiles;
import io.spinekit.core.FileReadException;
import io.spinekit.core.Text;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads overrides from a file, system properties and environment variables into facts with
 * provenance {@link Provenance#OVERRIDE}, checking every key and value.
 */
final class Overrides {
    static final String PROPERTY_PREFIX = "spinekit.";
    static final String VARIABLE_PREFIX = "SPINEKIT_";
    /** The largest overrides file read: {@link BoundedFiles#SMALL_FILE_LIMIT} (4 MiB). */
    static final long MAX_FILE_BYTES = BoundedFiles.SMALL_FILE_LIMIT;
    /** The longest custom environment name: 64 characters. */
    static final int MAX_NAME_LENGTH = 64;
    private static final Pattern CUSTOM_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** environment name -> key -> fact, in the order applied. */
    final Map<String, Map<String, Fact>> facts = new LinkedHashMap<>();
    /** spinekit.* system properties and SPINEKIT_* variables that were not catalog overrides. */
    final List<String> ignored = new ArrayList<>();

    /**
     * The catalog name of an environment: the enum key for a standard one (any of its names),
     * the lower-case name for a custom one.
     */
    static Optional<String> canonicalName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Optional<SpineEnvironment> std = standard(name);
        if (std.isPresent()) {
            return Optional.of(std.get().key());
        }
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.length() <= MAX_NAME_LENGTH && CUSTOM_NAME.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
    }

    static Optional<SpineEnvironment> standard(String name) {
        try {
            return Optional.of(SpineEnvironment.parse(name));
        } catch (CatalogException e) {
            return Optional.empty();
        }
    }

    void file(Path file) {
        String text;
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(file, MAX_FILE_BYTES, "overrides file");
        } catch (FileReadException e) {
            throw new CatalogException(e.getMessage(), e);
        }
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CatalogException("Overrides file " + Text.quote(String.valueOf(file), 200) + " is not UTF-8 text", e);
        }
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int n = i + 1;
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            String where = "overrides file " + Text.quote(String.valueOf(file), 200) + " line " + n;
            if (eq <= 0) {
                throw new CatalogException("Malformed line in " + where + ": " + Text.quote(line)
                       + ": expected 'spinekit.<environment>.<key>=<value>', such as 'spinekit.local-mock.ldap.url=ldaps://localhost:10636'");
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            Integer before = seen.put(name, n);
            if (before != null) {
                throw new CatalogException("Duplicate key " + Text.quote(name) + " in " + where + " (first on line " + before + ")");
            }
            if (!name.startsWith(PROPERTY_PREFIX)) {
                throw new CatalogException("Unknown key " + Text.quote(name) + " in " + where + " (value " + Text.quote(value)
                       + "): keys are 'spinekit.<environment>.<key>', such as 'spinekit.integration.ldap.url'");
            }
            String rest = name.substring(PROPERTY_PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0) {
                throw new CatalogException("Unknown key " + Text.quote(name) + " in " + where + " (value " + Text.quote(value)
                       + "): expected 'spinekit.<environment>.<key>'");
            }
            put(rest.substring(0, dot), rest.substring(dot + 1), value, where + " key " + Text.quote(name), true);
        }
    }

    void systemProperties(Properties props) {
        Map<String, String> sorted = new TreeMap<>();
        for (String name : props.stringPropertyNames()) {
            if (name.startsWith(PROPERTY_PREFIX)) {
                sorted.put(name, props.getProperty(name));
            }
        }
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            String rest = e.getKey().substring(PROPERTY_PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0) {
                ignored.add(e.getKey());
                continue;
            }
            String env = rest.substring(0, dot);
            String key = rest.substring(dot + 1);
            if (Keys.find(key).isPresent() || standard(env).isPresent()) {
                put(env, key, e.getValue(), source("system property", e.getKey()), true);
            } else {
                ignored.add(e.getKey());
            }
        }
    }

    void environmentVariables(Map<String, String> env) {
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(VARIABLE_PREFIX)) {
                continue;
            }
            String[] tokens = name.substring(VARIABLE_PREFIX.length()).split("_", -1);
            boolean applied = false;
            for (int k = 1; k < tokens.length && !applied; k++) {
                String envName = String.join("-", List.of(tokens).subList(0, k)).toLowerCase(Locale.ROOT);
                String key = String.join(".", List.of(tokens).subList(k, tokens.length)).toLowerCase(Locale.ROOT);
                if (Keys.find(key).isPresent() && canonicalName(envName).isPresent()) {
                    put(envName, key, e.getValue(), source("environment variable", name), false);
                    applied = true;
                }
            }
            if (!applied) {
                if (tokens.length > 1 && standard(tokens[0]).isPresent()) {
                    String unknown = String.join("_", List.of(tokens).subList(1, tokens.length));
                    throw new CatalogException("Unknown key in " + source("environment variable", name) + " (value "
                            + Text.quote(e.getValue()) + "): " + (plain(unknown) ? "'" + unknown + "'" : Text.quote(unknown))
                            + " is not a catalog key; expected SPINEKIT_<ENV>_<KEY> such as SPINEKIT_INTEGRATION_LDAP_URL");
                }
                ignored.add(name);
            }
        }
    }

    /**
     * Names a system property or environment variable for a message or a fact's source: a plain
     * name (printable ASCII without spaces or quotes, at most 200 characters) as it is, any other
     * quoted with {@link Text#quote(CharSequence)} so it can neither break a log line nor flood it.
     */
    private static String source(String kind, String name) {
        return kind + " " + (plain(name) ? name : Text.quote(name));
    }

    private static boolean plain(String name) {
        if (name.isEmpty() || name.length() > 200) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '\'') {
                return false;
            }
        }
        return true;
    }

    private void put(String envName, String key, String rawValue, String where, boolean keyAsGiven) {
        String value = rawValue == null ? "" : rawValue.strip();
        String env = canonicalName(envName).orElseThrow(() -> new CatalogException("Invalid environment name " + Text.quote(envName)
               + " in " + where + " (value " + Text.quote(value) + "): expected a standard environment (development, integration, "
                + "deployment, live, or dev, int, dep) or a custom name of lower-case letters, digits and hyphens, such as 'local-mock'"));
        Keys.Def def = Keys.find(key).orElseThrow(() -> new CatalogException("Unknown key " + Text.quote(key) + " in " + where
                + " (value " + Text.quote(value) + "): expected a catalog key such as 'ldap.url', 'spine.partykey' or 'tls.trust' "
                + "(see the spine-env README for the full list)"));
        Optional<String> problem = def.type().check(value);
        if (problem.isPresent()) {
            throw new CatalogException("Invalid value " + Text.quote(value) + " for key " + Text.quote(key) + " of environment " + Text.quote(env) + " in "
                    + where + ": " + problem.get());
        }
        facts.computeIfAbsent(env, x -> new LinkedHashMap<>()).put(key, new Fact(key, def.type().normalise(value), Provenance.OVERRIDE, where));
    }
}
