package io.spinekit.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.env.SpineCatalog;
import io.spinekit.env.SpineEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * UnboundID and Apache HttpClient are optional dependencies of spine-tls (each only for its
 * adapter): a context must load, build and serve the JDK adapters in a JVM that has neither.
 */
class OptionalDependenciesTest {
    private static final List<String> OPTIONAL = List.of("unboundid-ldapsdk", "httpclient5", "httpcore5");

    /** Run in the child JVM: builds a context and uses every adapter that needs no optional library. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            for (String absent : List.of("com.unboundid.ldap.sdk.LDAPConnection",
                    "org.apache.hc.client5.http.ssl.TlsSocketStrategy")) {
                try {
                    Class.forName(absent);
                    System.out.println("PRESENT " + absent);
                    return;
                } catch (ClassNotFoundException expected) {
                    // the point of the test
                }
            }
            SpineTlsContext tls = SpineTlsContext.builder()
                    .trust(SpineCatalog.load().profile(SpineEnvironment.INTEGRATION)).build();
            tls.jdkHttpClientBuilder().build();
            // a connected socket (the factory makes no unconnected ones), TLS layered over it, no handshake
            try (java.net.ServerSocket local = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                tls.ldapSocketFactory().createSocket(java.net.InetAddress.getLoopbackAddress(), local.getLocalPort())
                        .close();
            }
            System.out.println("OK " + tls.protocols() + " " + tls.sslContext().getProtocol());
        }
    }

    @Test
    void contextWorksWithoutUnboundIdOrHttpClientOnTheClassPath() throws IOException, InterruptedException {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.asList(full.split(File.pathSeparator));
        assertThat(entries).as("the test class path holds the optional libraries to take away")
                .anyMatch(e -> e.contains("unboundid-ldapsdk")).anyMatch(e -> e.contains("httpclient5"));
        String reduced = entries.stream()
                .filter(e -> OPTIONAL.stream().noneMatch(e::contains))
                .filter(e -> !e.contains("wiremock"))
                .collect(Collectors.joining(File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", reduced, Probe.class.getName()).redirectErrorStream(true).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }

        assertThat(done).as("probe finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as(out).contains("OK [TLSv1.3, TLSv1.2] TLS");
    }
}
