package io.spinekit.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeshAuthTest {
    private static final Instant EXAMPLE_TIME = Instant.parse("2024-01-15T12:30:00Z");
    private static final String NONCE = "0d3b8f52-3c9e-4a8b-9f4e-1a2b3c4d5e6f";

    private static MeshAuth example() {
        return new MeshAuth("X26ABC1", "password".toCharArray(), "TestKey".toCharArray(),
                Clock.fixed(EXAMPLE_TIME, ZoneOffset.UTC));
    }

    @Test
    void matchesTheWorkedExampleOfMeshMdSection2() {
        assertThat(example().header(NONCE, 0, EXAMPLE_TIME)).isEqualTo("NHSMESH X26ABC1:"
                + "0d3b8f52-3c9e-4a8b-9f4e-1a2b3c4d5e6f:0:202401151230:"
                + "a746bd392ef8fe4b2a1cde2697b3477a4a53ad0fbe6c00fa78b6ca16c882ae9a");
    }

    @Test
    void nonceCountOneGivesTheSecondWorkedHash() {
        assertThat(example().hash(NONCE, 1, "202401151230"))
                .isEqualTo("e96e6727f7a122c4c2f3aad845c7b818fb3c44ee61f057bfd7a31123e5a477be");
    }

    @Test
    void timestampIsUtcMinutesEvenAtALondonSummerTime() {
        Instant summer = Instant.parse("2024-07-01T23:59:59Z");
        assertThat(example().header(NONCE, 0, summer)).contains(":202407012359:");
    }

    @Test
    void everyHeaderHasAFreshNonce() {
        MeshAuth auth = example();
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String h = auth.header();
            assertThat(h).startsWith("NHSMESH X26ABC1:").contains(":0:202401151230:");
            nonces.add(h.split(":")[1]);
        }
        assertThat(nonces).hasSize(50);
    }

    @Test
    void secretsStayOutOfToStringAndTheHeader() {
        MeshAuth auth = new MeshAuth("X26ABC1", "s3cret-pass".toCharArray(), "shared-k3y".toCharArray(),
                Clock.systemUTC());
        assertThat(auth.toString()).doesNotContain("s3cret-pass").doesNotContain("shared-k3y");
        assertThat(auth.header()).doesNotContain("s3cret-pass").doesNotContain("shared-k3y");
    }

    @Test
    void theCallersArraysCanBeWipedAfterwards() {
        char[] pw = "password".toCharArray();
        char[] key = "TestKey".toCharArray();
        MeshAuth auth = new MeshAuth("X26ABC1", pw, key, Clock.fixed(EXAMPLE_TIME, ZoneOffset.UTC));
        java.util.Arrays.fill(pw, '\0');
        java.util.Arrays.fill(key, '\0');
        assertThat(auth.header(NONCE, 0, EXAMPLE_TIME)).endsWith(
                "a746bd392ef8fe4b2a1cde2697b3477a4a53ad0fbe6c00fa78b6ca16c882ae9a");
    }
}
