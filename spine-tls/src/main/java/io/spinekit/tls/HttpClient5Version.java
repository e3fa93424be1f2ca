package io.spinekit.tls;

import io.spinekit.core.Text;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The httpclient5 version check of the HttpClient 5 adapter, which needs 5.4 or later (its
 * {@code TlsSocketStrategy} and {@code HostnameVerificationPolicy} arrived in 5.4; with an older
 * jar the adapter fails with a {@code NoClassDefFoundError} far from the cause).
 *
 * <p>Names no HttpClient type, so it loads whatever (if any) httpclient5 is on the class path.
 */
final class HttpClient5Version {
    /** The oldest httpclient5 the adapter works with. */
    static final String MINIMUM = "5.4";
    private static final String BUILDER = "org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder";
    private static final String SINCE_5_4 = "org.apache.hc.client5.http.ssl.TlsSocketStrategy";
    private static final String POM = "META-INF/maven/org.apache.httpcomponents.client5/httpclient5/pom.properties";
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(.*)");

    private HttpClient5Version() {
    }

    /**
     * Checks the httpclient5 on the class path.
     *
     * @throws TlsConfigurationException when there is none, or it is older than 5.4
     */
    static void check() {
        Optional<Class<?>> builder = load(BUILDER);
        if (builder.isEmpty()) {
            throw new TlsConfigurationException("The HttpClient 5 adapter needs org.apache.httpcomponents.client5:"
                    + "httpclient5 " + MINIMUM + " or later on the class path, and there is none");
        }
        require(found().orElse(null), load(SINCE_5_4).isPresent());
    }

    /**
     * The version of the httpclient5 on the class path, from its jar's manifest (when the manifest is
     * httpclient5's own, titled "Apache HttpClient") or its Maven properties.
     *
     * @return the version, or empty when there is no httpclient5 or it does not say (as in a shaded jar)
     */
    static Optional<String> found() {
        Optional<Class<?>> builder = load(BUILDER);
        if (builder.isEmpty()) {
            return Optional.empty();
        }
        Package pkg = builder.get().getPackage();
        // Only httpclient5's own manifest says its version: in a shaded (one-jar) application every package
        // reports the application's manifest, whose version is the application's, not httpclient5's.
        if (pkg != null && pkg.getImplementationVersion() != null && isHttpClient(pkg.getImplementationTitle())) {
            return Optional.of(pkg.getImplementationVersion());
        }
        ClassLoader loader = builder.get().getClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(POM)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(in);
            return Optional.ofNullable(p.getProperty("version"));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a manifest's Implementation-Title is httpclient5's ("Apache HttpClient"). */
    private static boolean isHttpClient(String implementationTitle) {
        return implementationTitle != null && implementationTitle.toLowerCase(java.util.Locale.ROOT).contains("httpclient");
    }

    /**
     * Refuses a version older than 5.4; an unknown version is judged by whether a 5.4 class is present.
     *
     * @param version the version found, or null when unknown
     * @param has54Classes whether a class introduced in 5.4 is on the class path
     * @throws TlsConfigurationException naming the version found and the one needed
     */
    static void require(String version, boolean has54Classes) {
        if (version == null) {
            if (!has54Classes) {
                throw tooOld("an unknown version without the 5.4 classes");
            }
            return;
        }
        if (!atLeast54(version)) {
            throw tooOld(Text.quote(version));
        }
    }

    static boolean atLeast54(String version) {
        Matcher m = VERSION.matcher(version.trim());
        if (!m.matches()) {
            return false;
        }
        long major = Long.parseLong(m.group(1));
        long minor = Long.parseLong(m.group(2));
        long patch = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        String qualifier = m.group(4);
        if (major != 5) {
            return major > 5;
        }
        if (minor != 4) {
            return minor > 4;
        }
        // 5.4-alpha1 and 5.4-beta1 came before 5.4
        return patch > 0 || qualifier.isEmpty() || !qualifier.matches("(?i)[-.]?(alpha|beta).*");
    }

    private static TlsConfigurationException tooOld(String found) {
        return new TlsConfigurationException("The HttpClient 5 adapter needs org.apache.httpcomponents.client5:"
                + "httpclient5 " + MINIMUM + " or later; the class path has " + found
                + ": upgrade httpclient5 (and httpcore5 to the version it names)");
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, HttpClient5Version.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
