package io.spinekit.cis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JWKS refresh against a real JWKS server on loopback (JDK HttpServer): backoff and no lock on known keys. */
class JwksRefreshTest {
    private static final Instant NOW = Instant.parse("2025-03-14T10:00:00Z");
    private static final String ISS = "https://am.example.nhs.uk/openam/oauth2/realms/root/realms/Healthcare";
    private static RSAKey key;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger status = new AtomicInteger(503);
    private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void keys() throws JOSEException {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/jwks", exchange -> {
            requests.incrementAndGet();
            entered.countDown();
            CountDownLatch latch = hold.get();
            if (latch != null) {
                try {
                    latch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = (status.get() == 200 ? new JWKSet(key.toPublicJWK()).toString() : "unavailable")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        CountDownLatch latch = hold.get();
        if (latch != null) {
            latch.countDown();
        }
        server.stop(0);
    }

    private Supplier<String> fetch() {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
        return () -> {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(40)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new CisException(CisException.Reason.HTTP_STATUS, "CIS2 JWKS answered " + r.statusCode());
                }
                return r.body();
            } catch (IOException e) {
                throw new CisException(CisException.Reason.IO, "CIS2 JWKS: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CisException(CisException.Reason.IO, "interrupted", e);
            }
        };
    }

    private static String token(String kid) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISS).subject("u1").audience("client")
                .issueTime(Date.from(NOW.minusSeconds(10))).expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("authentication_assurance_level", "3").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aFailingJwksIsFetchedOncePerBackoffNotOncePerValidation() throws JOSEException {
        MovableClock clock = new MovableClock();
        IdTokenValidator v = IdTokenValidator.builder().issuer(Cis2Issuer.of(ISS)).audience("client")
                .jwksSource(fetch()).jwksFailureBackoff(Duration.ofSeconds(30)).clock(clock).build();
        String token = token("k1");

        for (int i = 0; i < 50; i++) {
            CisException e = assertThrows(CisException.class, () -> v.validate(token));
            assertThat(e.reason()).isEqualTo(CisException.Reason.HTTP_STATUS);
        }
        assertThat(requests).hasValue(1);

        clock.now = NOW.plusSeconds(29);
        assertThrows(CisException.class, () -> v.validate(token));
        assertThat(requests).hasValue(1);

        status.set(200);
        clock.now = NOW.plusSeconds(30);
        assertThat(v.validate(token).subject()).isEqualTo("u1");
        assertThat(requests).hasValue(2);
    }

    @Test
    void aKnownKeyValidatesWhileAnotherThreadsRefreshIsBlocked() throws Exception {
        status.set(200);
        hold.set(new CountDownLatch(1));
        IdTokenValidator v = IdTokenValidator.builder().issuer(Cis2Issuer.of(ISS)).audience("client")
                .jwks(new JWKSet(key.toPublicJWK()).toString()).jwksSource(fetch())
                .jwksRefreshInterval(Duration.ZERO).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        String unknown = token("k9");
        String known = token("k1");
        Thread refresher = new Thread(() -> assertThrows(CisException.class, () -> v.validate(unknown)));
        refresher.start();
        assertThat(entered.await(30, TimeUnit.SECONDS)).as("the refresh reached the JWKS server").isTrue();

        ValidatedIdToken t = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> v.validate(known),
                "a validation with a known key waited for another thread's JWKS refresh");

        assertThat(t.subject()).isEqualTo("u1");
        hold.get().countDown();
        refresher.join(30_000);
        assertThat(requests).hasValue(1);
    }
}
