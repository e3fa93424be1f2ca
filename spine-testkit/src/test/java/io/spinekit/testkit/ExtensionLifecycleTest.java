package io.spinekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The testkit's extensions run by the JUnit platform on small probe classes (nested static classes,
 * which Surefire does not run by themselves), so what happens after the last test can be checked:
 * the fake CIS is closed, each class gets its own PKI, a nested class shares its enclosing one.
 */
class ExtensionLifecycleTest {
    /** What the probes saw, in order. */
    static final List<Object> SEEN = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void forget() {
        SEEN.clear();
        FakeCisProbe.PORTS.clear();
    }

    static TestExecutionSummary run(Class<?> probe) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(probe))
                .build(), listener);
        return listener.getSummary();
    }

    static void assertRefused(int port) {
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    // ------------------------------------------------------------------ FakeCisExtension

    static class FakeCisProbe {
        @RegisterExtension
        static final FakeCisExtension CIS = FakeCisExtension.mutualTls();
        static final List<Integer> PORTS = Collections.synchronizedList(new ArrayList<>());

        @Test
        void first(FakeCis cis, TestPki pki, SpineTlsContext tls) {
            SEEN.addAll(List.of(cis, pki, tls));
            PORTS.add(cis.port());
        }

        @Test
        void second(FakeCis cis, TestPki pki, SpineTlsContext tls) {
            SEEN.addAll(List.of(cis, pki, tls));
        }
    }

    @Test
    void fakeCisIsSharedByTheClassAndClosedAfterIt() {
        TestExecutionSummary summary = run(FakeCisProbe.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(summary.getTotalFailureCount()).isZero();
        assertThat(SEEN).hasSize(6);
        assertThat(SEEN.subList(3, 6)).containsExactlyElementsOf(SEEN.subList(0, 3));
        assertRefused(FakeCisProbe.PORTS.get(0));
        assertThatThrownBy(((FakeCis) SEEN.get(0))::port).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(FakeCisProbe.CIS::cis).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("register it on a static field");
    }

    @Test
    void eachClassGetsItsOwnFakeAndPki() {
        run(FakeCisProbe.class);
        run(FakeCisProbe.class);

        assertThat(SEEN).hasSize(12);
        assertThat(SEEN.get(6)).isNotSameAs(SEEN.get(0));
        assertThat(SEEN.get(7)).isNotSameAs(SEEN.get(1));
        assertThat(SEEN.get(8)).isNotSameAs(SEEN.get(2));
    }

    static class InstanceFieldProbe {
        @RegisterExtension
        final FakeCisExtension cis = FakeCisExtension.mutualTls();

        @Test
        void test(FakeCis cis) {
            SEEN.add(cis);
        }
    }

    @Test
    void fakeCisOnAnInstanceFieldSaysToUseAStaticOne() {
        TestExecutionSummary summary = run(InstanceFieldProbe.class);

        assertThat(SEEN).isEmpty();
        assertThat(summary.getFailures()).singleElement().satisfies(f -> assertThat(f.getException())
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("register it on a static field with @RegisterExtension"));
    }

    static class ServerTlsOnlyProbe {
        @RegisterExtension
        static final FakeCisExtension CIS = FakeCisExtension.serverTlsOnly();

        @Test
        void test(FakeCis cis, TestPki pki) throws IOException {
            SpineTlsContext trustOnly = SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate()))
                    .build();
            try (SSLSocket s = (SSLSocket) trustOnly.sslContext().getSocketFactory().createSocket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), cis.port()), 5000);
                s.setSoTimeout(5000);
                s.startHandshake();
                SEEN.add(s.getSession().getProtocol());
            }
        }
    }

    @Test
    void serverTlsOnlyFakeServesAClientWithoutACertificate() {
        TestExecutionSummary summary = run(ServerTlsOnlyProbe.class);

        assertThat(summary.getTotalFailureCount()).as("%s", summary.getFailures()).isZero();
        assertThat(SEEN).singleElement().isIn("TLSv1.3", "TLSv1.2");
    }

    // ------------------------------------------------------------------ TestPkiExtension

    @ExtendWith(TestPkiExtension.class)
    static class TestPkiProbe {
        TestPkiProbe(TestPki pki) {
            SEEN.add(pki);
        }

        @Test
        void first(TestPki pki) {
            SEEN.add(pki);
        }

        @Test
        void second(TestPki pki) {
            SEEN.add(pki);
        }

        @Nested
        class Inner {
            @Test
            void nested(TestPki pki) {
                SEEN.add(pki);
            }
        }
    }

    @Test
    void testPkiIsOnePerClassSharedWithNestedClasses() {
        TestExecutionSummary summary = run(TestPkiProbe.class);
        run(TestPkiProbe.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
        assertThat(summary.getTotalFailureCount()).isZero();
        // constructor and test per test, in each run: (ctor, first), (ctor, second), (outer ctor, nested)
        assertThat(SEEN).hasSize(12);
        assertThat(SEEN.subList(0, 6)).allSatisfy(p -> assertThat(p).isSameAs(SEEN.get(0)));
        assertThat(SEEN.subList(6, 12)).allSatisfy(p -> assertThat(p).isSameAs(SEEN.get(6)));
        assertThat(SEEN.get(6)).isNotSameAs(SEEN.get(0));
    }

    static class NamedPkiProbe {
        @RegisterExtension
        static final TestPkiExtension PKI = TestPkiExtension.named("Other");

        @Test
        void test(TestPki pki) {
            SEEN.add(pki);
            SEEN.add(PKI.pki());
        }
    }

    @Test
    void namedPkiIsCreatedWithTheName() {
        run(NamedPkiProbe.class);

        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(1)).isSameAs(SEEN.get(0));
        assertThat(((TestPki) SEEN.get(0)).root().certificate().getSubjectX500Principal().getName()).contains("Other");
        assertThatThrownBy(NamedPkiProbe.PKI::pki).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no TestPki outside a test class");
    }

    static class SharedPkiProbe {
        @RegisterExtension
        static final TestPkiExtension PKI = TestPkiExtension.perClass();
        @RegisterExtension
        static final FakeCisExtension CIS = FakeCisExtension.mutualTls().pkiFrom(PKI);

        @Test
        void test(TestPki pki, FakeCis cis) {
            SEEN.addAll(List.of(pki, PKI.pki(), CIS.pki(), cis));
        }
    }

    @Test
    void fakeCisCanTakeItsPkiFromATestPkiExtension() {
        TestExecutionSummary summary = run(SharedPkiProbe.class);

        assertThat(summary.getTotalFailureCount()).as("%s", summary.getFailures()).isZero();
        assertThat(SEEN).hasSize(4);
        assertThat(SEEN.get(1)).isSameAs(SEEN.get(0));
        assertThat(SEEN.get(2)).isSameAs(SEEN.get(0));
    }
}
