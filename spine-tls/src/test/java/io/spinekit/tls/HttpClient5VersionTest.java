package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.core.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HttpClient 5 adapter needs httpclient5 5.4 or later and says so when it finds an older one. */
class HttpClient5VersionTest {
    @TempDir
    Path dir;

    /** Where a class was loaded from (a jar or a classes directory). */
    private static Path home(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /**
     * Runs {@code HttpClient5Version.check()} and {@code found()} in a class loader that sees only
     * spine-tls, spine-core and the given httpclient5/httpcore5 jars (not this module's httpclient5).
     *
     * @return the failure check() threw (its message), or empty when it passed; and found()
     */
    private static String[] checkIsolated(List<Path> httpJars) throws Exception {
        List<Path> paths = new java.util.ArrayList<>(List.of(home(HttpClient5Version.class), home(Text.class)));
        paths.addAll(httpJars);
        URL[] urls = new URL[paths.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = paths.get(i).toUri().toURL();
        }
        try (URLClassLoader isolated = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            Class<?> version = isolated.loadClass(HttpClient5Version.class.getName());
            assertThat(version.getClassLoader()).isSameAs(isolated);
            Method check = version.getDeclaredMethod("check");
            Method found = version.getDeclaredMethod("found");
            check.setAccessible(true);
            found.setAccessible(true);
            String foundVersion = String.valueOf(((Optional<?>) found.invoke(null)).orElse(null));
            try {
                check.invoke(null);
                return new String[] {null, foundVersion};
            } catch (InvocationTargetException e) {
                assertThat(e.getCause().getClass().getName()).isEqualTo(TlsConfigurationException.class.getName());
                return new String[] {e.getCause().getMessage(), foundVersion};
            }
        }
    }

    /** httpclient5 as a shaded application jar holds it: its classes, the application's manifest, no Maven metadata. */
    private static Path shadedLike(Path httpclient5, Path out) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, "spine-cli");
        m.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "0.1.0-SNAPSHOT");
        try (JarFile in = new JarFile(httpclient5.toFile());
                OutputStream file = Files.newOutputStream(out);
                JarOutputStream jar = new JarOutputStream(file, m)) {
            Enumeration<JarEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.getName().startsWith("META-INF/")) {
                    continue;
                }
                jar.putNextEntry(new JarEntry(e.getName()));
                try (InputStream body = in.getInputStream(e)) {
                    body.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        return out;
    }

    @Test
    void aRealHttpClientOlderThanFiveFourIsRefusedNamingItsVersion() throws Exception {
        // httpclient5 and httpcore5 5.1.3 jars, copied into target by maven-dependency-plugin (see the pom)
        Path old = Path.of(System.getProperty("spinekit.test.oldHttpClient5", "target/old-httpclient5"));
        Path client = old.resolve("httpclient5-5.1.3.jar");
        Path core = old.resolve("httpcore5-5.1.3.jar");
        assertThat(client).as("run through Maven, which copies the old jars").isRegularFile();

        String[] result = checkIsolated(List.of(client, core));

        assertThat(result[1]).as("found()").isEqualTo("5.1.3");
        assertThat(result[0]).as("check() failure").isEqualTo("The HttpClient 5 adapter needs "
                + "org.apache.httpcomponents.client5:httpclient5 5.4 or later; the class path has \"5.1.3\": upgrade "
                + "httpclient5 (and httpcore5 to the version it names)");
    }

    @Test
    void inAShadedJarTheApplicationsManifestVersionIsNotTakenForHttpClients() throws Exception {
        // The shaded spine CLI's manifest says Implementation-Version 0.1.0-SNAPSHOT for every package in it:
        // the check took that for httpclient5's version and refused the 5.5 it carries (spine demo failed).
        Path shaded = shadedLike(home(ClientTlsStrategyBuilder.class), dir.resolve("app-all.jar"));

        String[] result = checkIsolated(List.of(shaded, home(HttpHost.class)));

        assertThat(result[0]).as("check() failure").isNull();
        assertThat(result[1]).as("found()").isEqualTo("null");
    }

    @Test
    void olderVersionsAreRefusedNamingTheVersionFoundAndTheOneNeeded() {
        for (String old : new String[] {"5.3.1", "5.1.3", "5.0", "4.5.14", "5.4-beta1"}) {
            assertThatThrownBy(() -> HttpClient5Version.require(old, true))
                    .as(old)
                    .isInstanceOf(TlsConfigurationException.class)
                    .hasMessageContaining("\"" + old + "\"")
                    .hasMessageContaining("5.4 or later");
        }
    }

    @Test
    void versionFiveFourAndLaterAreAccepted() {
        for (String ok : new String[] {"5.4", "5.4.1", "5.5.1", "5.10.0", "6.0.0"}) {
            assertThatCode(() -> HttpClient5Version.require(ok, true)).as(ok).doesNotThrowAnyException();
        }
    }

    @Test
    void unknownVersionIsJudgedByTheClassesPresent() {
        assertThatCode(() -> HttpClient5Version.require(null, true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> HttpClient5Version.require(null, false))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("unknown version").hasMessageContaining("5.4 or later");
    }

    @Test
    void theClassPathVersionIsFoundAndTheAdapterBuilds() {
        assertThat(HttpClient5Version.found()).hasValueSatisfying(v -> assertThat(v).startsWith("5."));
        assertThatCode(HttpClient5Version::check).doesNotThrowAnyException();
    }
}
