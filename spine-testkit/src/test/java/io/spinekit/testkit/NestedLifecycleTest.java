package io.spinekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.spinekit.env.SpineEnvironment;
import io.spinekit.mesh.MeshClient;
import io.spinekit.testpki.TestPki;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Each extension registered on an outer class keeps its server (or PKI) for the whole outer class:
 * a {@code @Nested} class's end must not close it, so the outer class's later code (another nested
 * class, its {@code @AfterAll}) still has the same, working one; it is closed after the outer class.
 * Probes record what they were given at each step; the test compares.
 */
class NestedLifecycleTest {
    /** What the probes saw, in order. */
    static final List<Object> SEEN = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void forget() {
        SEEN.clear();
    }

    private static void assertOneLivingThroughout(TestExecutionSummary summary) {
        assertThat(summary.getTotalFailureCount()).as("%s", summary.getFailures().stream()
                .map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException()).toList()).isZero();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
        // @BeforeAll, the outer test, first nested, second nested, @AfterAll
        assertThat(SEEN).hasSize(5);
        assertThat(SEEN).allSatisfy(s -> assertThat(s).isSameAs(SEEN.get(0)));
    }

    // ------------------------------------------------------------------ EmbeddedSdsExtension

    static class SdsProbe {
        @RegisterExtension
        static final EmbeddedSdsExtension SDS = EmbeddedSdsExtension.forEnvironment(SpineEnvironment.INTEGRATION);

        @BeforeAll
        static void before(EmbeddedSds sds) {
            SEEN.add(sds);
        }

        @AfterAll
        static void after() {
            assertThat(SEEN.get(0)).isSameAs(SDS.sds());
            assertThat(SDS.sds().isRunning()).as("running in the outer @AfterAll").isTrue();
            SEEN.add(SDS.sds());
        }

        @Test
        void outer(EmbeddedSds sds) {
            SEEN.add(sds);
        }

        @Nested
        class First {
            @Test
            void nested(EmbeddedSds sds) {
                SEEN.add(sds);
            }
        }

        @Nested
        class Second {
            @Test
            void nested(EmbeddedSds sds) {
                assertThat(sds.isRunning()).isTrue();
                SEEN.add(sds);
            }
        }
    }

    @Test
    void embeddedSdsOutlivesANestedClassAndIsClosedAfterTheOuterOne() {
        TestExecutionSummary summary = ExtensionLifecycleTest.run(SdsProbe.class);

        assertOneLivingThroughout(summary);
        assertThat(((EmbeddedSds) SEEN.get(0)).isRunning()).isFalse();
        ExtensionLifecycleTest.assertRefused(((EmbeddedSds) SEEN.get(0)).port());
    }

    // ------------------------------------------------------------------ FakeMeshExtension

    static class MeshProbe {
        @RegisterExtension
        static final FakeMeshExtension MESH = FakeMeshExtension.twoMailboxes();
        static MeshClient sender;

        @BeforeAll
        static void before(FakeMesh mesh, MeshClient client) {
            SEEN.add(mesh);
            sender = client;
        }

        @AfterAll
        static void after() {
            assertThat(MESH.sender()).isSameAs(sender);
            SEEN.add(MESH.mesh());
        }

        @Test
        void outer(FakeMesh mesh) {
            SEEN.add(mesh);
        }

        @Nested
        class First {
            @Test
            void nested(FakeMesh mesh) {
                SEEN.add(mesh);
            }
        }

        @Nested
        class Second {
            @Test
            void nested(FakeMesh mesh, MeshClient client) {
                assertThat(client).isSameAs(sender);
                client.handshake();
                SEEN.add(mesh);
            }
        }
    }

    @Test
    void fakeMeshOutlivesANestedClassAndIsClosedAfterTheOuterOne() {
        TestExecutionSummary summary = ExtensionLifecycleTest.run(MeshProbe.class);

        assertOneLivingThroughout(summary);
        ExtensionLifecycleTest.assertRefused(((FakeMesh) SEEN.get(0)).port());
    }

    // ------------------------------------------------------------------ FakeCisExtension

    static class CisProbe {
        @RegisterExtension
        static final FakeCisExtension CIS = FakeCisExtension.mutualTls();
        static int port;

        @BeforeAll
        static void before(FakeCis cis) {
            SEEN.add(cis);
            port = cis.port();
        }

        @AfterAll
        static void after() {
            assertThat(CIS.cis().port()).isEqualTo(port);
            SEEN.add(CIS.cis());
        }

        @Test
        void outer(FakeCis cis) {
            SEEN.add(cis);
        }

        @Nested
        class First {
            @Test
            void nested(FakeCis cis) {
                SEEN.add(cis);
            }
        }

        @Nested
        class Second {
            @Test
            void nested(FakeCis cis) {
                assertThat(cis.port()).isEqualTo(port);
                SEEN.add(cis);
            }
        }
    }

    @Test
    void fakeCisOutlivesANestedClassAndIsClosedAfterTheOuterOne() {
        TestExecutionSummary summary = ExtensionLifecycleTest.run(CisProbe.class);

        assertOneLivingThroughout(summary);
        ExtensionLifecycleTest.assertRefused(CisProbe.port);
    }

    // ------------------------------------------------------------------ TestPkiExtension

    static class PkiProbe {
        @RegisterExtension
        static final TestPkiExtension PKI = TestPkiExtension.perClass();

        @BeforeAll
        static void before(TestPki pki) {
            SEEN.add(pki);
        }

        @AfterAll
        static void after() {
            SEEN.add(PKI.pki());
        }

        @Test
        void outer(TestPki pki) {
            SEEN.add(pki);
        }

        @Nested
        class First {
            @Test
            void nested(TestPki pki) {
                SEEN.add(pki);
            }
        }

        @Nested
        class Second {
            @Test
            void nested(TestPki pki) {
                SEEN.add(pki);
            }
        }
    }

    @Test
    void testPkiOutlivesANestedClass() {
        TestExecutionSummary summary = ExtensionLifecycleTest.run(PkiProbe.class);

        assertOneLivingThroughout(summary);
    }
}
