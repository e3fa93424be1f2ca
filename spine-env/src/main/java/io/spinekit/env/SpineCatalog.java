package io.spinekit.env;

import io.spinekit.core.Text;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The Spine environment catalog: the bundled, dated environment facts merged with the user's
 * overrides. The module's entry point; immutable and thread-safe.
 *
 * <pre>{@code
 * SpineCatalog catalog = SpineCatalog.load();
 * EnvironmentProfile integration = catalog.profile(SpineEnvironment.INTEGRATION);
 * URI ldap = integration.requireUrl("ldap.url");   // ldaps://ldap.nis1.national.ncrs.nhs.uk:636
 * }</pre>
 *
 * <h2>Overrides and precedence</h2>
 * A value is taken from the first of these that has it:
 * <ol>
 *   <li>environment variable {@code SPINEKIT_<ENV>_<KEY>} (dots and hyphens become underscores,
 *       upper case: {@code SPINEKIT_LOCAL_MOCK_LDAP_URL});</li>
 *   <li>system property {@code spinekit.<env>.<key>} ({@code spinekit.local-mock.ldap.url});</li>
 *   <li>the overrides file: lines {@code spinekit.<env>.<key>=<value>}, UTF-8, {@code #} comments;</li>
 *   <li>the bundled data.</li>
 * </ol>
 * The most specific to one run wins: a deployment sets an environment variable without touching
 * the shared file or the JVM command line. {@code <env>} is a standard environment by any of its
 * names ({@code integration}, {@code int}) or a custom name (lower-case letters, digits,
 * hyphens); naming a custom environment creates it. Every key and value is checked; a bad one
 * fails the whole load with a {@link CatalogException} naming the source, key and value. The
 * overrides file is strict throughout; among system properties and environment variables, names
 * that are neither a catalog key nor addressed to a standard environment are ignored (they may
 * belong to something else).
 */
public final class SpineCatalog {
    private final LocalDate edition;
    private final Map<String, EnvironmentProfile> profiles;
    private final List<String> ignored;

    private SpineCatalog(LocalDate edition, Map<String, EnvironmentProfile> profiles, List<String> ignored) {
        this.edition = edition;
        this.profiles = profiles;
        this.ignored = ignored;
    }

    /**
     * The bundled data merged with this JVM's system properties and environment variables.
     *
     * @return the catalog
     * @throws CatalogException when an override is invalid, naming its source, key and value
     */
    public static SpineCatalog load() {
        return builder().systemProperties(System.getProperties()).environmentVariables(System.getenv()).build();
    }

    /**
     * The bundled data alone, without any override.
     *
     * @return the catalog
     */
    public static SpineCatalog bundled() {
        return builder().build();
    }

    /**
     * A builder; with no override source set it builds the bundled data alone.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The date of the bundled data (when its facts were last checked).
     *
     * @return the edition date
     */
    public LocalDate edition() {
        return edition;
    }

    /**
     * The profile of a standard environment.
     *
     * @param environment the environment
     * @return its profile
     */
    public EnvironmentProfile profile(SpineEnvironment environment) {
        return profiles.get(environment.key());
    }

    /**
     * The profile of an environment by name: a standard one by any of its names
     * ({@code "INTEGRATION"}, {@code "int"}, {@code "Integration"}) or a custom one.
     *
     * @param name the name, case-insensitive
     * @return its profile
     * @throws CatalogException naming the value and listing the known environments
     */
    public EnvironmentProfile profile(String name) {
        Optional<String> canonical = Overrides.canonicalName(name);
        if (canonical.isPresent() && profiles.containsKey(canonical.get())) {
            return profiles.get(canonical.get());
        }
        String hint = "";
        if (canonical.isPresent()) {
            String prefix = Overrides.PROPERTY_PREFIX + canonical.get();
            String varPrefix = Keys.environmentVariable(canonical.get(), "");
            List<String> near = ignored.stream().filter(i -> i.startsWith(prefix) || i.startsWith(varPrefix)).toList();
            if (!near.isEmpty()) {
                hint = " These overrides name it but no catalog key: " + String.join(", ", near) + ".";
            }
        }
        throw new CatalogException("Unknown environment " + Text.quote(name) + ": known environments are "
                + String.join(", ", profiles.keySet()) + " (standard ones also as dev, int, dep). A custom environment "
                + "is defined by overrides, such as system property spinekit.local-mock.ldap.url=ldaps://localhost:10636." + hint);
    }

    /**
     * All profiles: the four standard environments first (development, integration, deployment,
     * live), then custom ones by name.
     *
     * @return the profiles
     */
    public List<EnvironmentProfile> profiles() {
        return List.copyOf(profiles.values());
    }

    /**
     * System properties ({@code spinekit.*}) and environment variables ({@code SPINEKIT_*}) that
     * were not catalog overrides and so were ignored.
     *
     * @return their names
     */
    public List<String> ignoredOverrides() {
        return ignored;
    }

    @Override
    public String toString() {
        return "SpineCatalog[edition " + edition + ", " + String.join(", ", profiles.keySet()) + "]";
    }

    /** Builds a catalog from the bundled data and chosen override sources. Not thread-safe. */
    public static final class Builder {
        private Path overridesFile;
        private Properties systemProperties;
        private Map<String, String> environmentVariables;

        private Builder() {
        }

        /**
         * Reads overrides from a file of {@code spinekit.<env>.<key>=<value>} lines (UTF-8; blank
         * lines and lines starting with {@code #} or {@code !} are ignored; no line continuations).
         *
         * @param file the file
         * @return this builder
         */
        public Builder overridesFile(Path file) {
            this.overridesFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Takes overrides from {@code spinekit.<env>.<key>} properties (pass
         * {@code System.getProperties()} for the JVM's own). The properties are copied at {@link #build()}.
         *
         * @param properties the properties
         * @return this builder
         */
        public Builder systemProperties(Properties properties) {
            this.systemProperties = Objects.requireNonNull(properties, "properties");
            return this;
        }

        /**
         * Takes overrides from {@code SPINEKIT_<ENV>_<KEY>} variables (pass {@code System.getenv()}
         * for the process's own).
         *
         * @param variables the variables
         * @return this builder
         */
        public Builder environmentVariables(Map<String, String> variables) {
            this.environmentVariables = Objects.requireNonNull(variables, "variables");
            return this;
        }

        /**
         * Reads the bundled data, applies the overrides (file, then system properties, then
         * environment variables, each later one winning) and checks everything.
         *
         * @return the catalog
         * @throws CatalogException when bundled data or an override is invalid, naming source, key and value
         */
        public SpineCatalog build() {
            BundledData bundled = BundledData.get();
            Overrides overrides = new Overrides();
            if (overridesFile != null) {
                overrides.file(overridesFile);
            }
            if (systemProperties != null) {
                Properties copy = new Properties();
                synchronized (systemProperties) {
                    copy.putAll(systemProperties);
                }
                overrides.systemProperties(copy);
            }
            if (environmentVariables != null) {
                overrides.environmentVariables(environmentVariables);
            }
            Map<String, EnvironmentProfile> profiles = new LinkedHashMap<>();
            for (SpineEnvironment e : SpineEnvironment.values()) {
                Map<String, Fact> facts = new LinkedHashMap<>(bundled.facts.get(e));
                facts.putAll(overrides.facts.getOrDefault(e.key(), Map.of()));
                profiles.put(e.key(), new EnvironmentProfile(e.key(), Optional.of(e), facts));
            }
            for (Map.Entry<String, Map<String, Fact>> custom : new TreeMap<>(overrides.facts).entrySet()) {
                if (!profiles.containsKey(custom.getKey())) {
                    profiles.put(custom.getKey(), new EnvironmentProfile(custom.getKey(), Optional.empty(), custom.getValue()));
                }
            }
            return new SpineCatalog(bundled.edition, Collections.unmodifiableMap(profiles),
                    List.copyOf(new ArrayList<>(overrides.ignored)));
        }
    }
}
