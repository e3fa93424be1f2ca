package io.spinekit.ldap.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.spinekit.core.Text;
import io.spinekit.ldap.SdsUnavailableException;
import io.spinekit.tls.RetryAfter;
import io.spinekit.tls.SpineHttp;
import io.spinekit.tls.TlsFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One GET of the SDS FHIR API over Apache HttpClient 5 (classic): {@code Accept: application/fhir+json},
 * a fresh {@code X-Correlation-Id} UUID per request, the {@code apikey} header (never logged), a
 * connect, a handshake and a total response deadline (the request is aborted when it passes), a
 * bounded body, 429 retried after {@code Retry-After}, and every other failure turned into an
 * {@link SdsFhirException} (the caller's fault, never retried) or an
 * {@link SdsFhirUnavailableException} (5xx, timeouts, no connection: stale-if-error). No automatic
 * retries, redirects, cookies or decompression of HttpClient's own. Thread-safe.
 */
final class FhirHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FhirHttp.class);
    /** The largest answer read: a Device may list hundreds of interactions (SDS-FHIR.md section 2). */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    /** How much of an error body is read. */
    static final int MAX_ERROR_BYTES = 64 * 1024;
    static final String FHIR_JSON = "application/fhir+json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                .maxStringLength(MAX_BODY_BYTES).build());
    }

    /** Waits before a retry (a seam for tests). */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** A parsed 200 answer and the request's correlation id. */
    record Answer(JsonNode body, String correlationId) {
    }

    /** What one exchange brought back: the status, the echoed correlation id, Retry-After and the body. */
    private record Reply(int status, String correlationId, Optional<Duration> retryAfter, byte[] body) {
    }

    private final SpineHttp http;
    private final SdsFhir settings;
    private final Sleeper sleeper;

    FhirHttp(SdsFhir settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        // SpineHttp: one pool without connection state (connections and handshakes are shared), the
        // connect and handshake deadline, each read and the whole exchange (pool wait included)
        // bounded by the response timeout.
        this.http = SpineHttp.builder(settings.trust())
                .connectTimeout(settings.connectTimeout())
                .handshakeTimeout(settings.connectTimeout())
                .responseTimeout(settings.responseTimeout())
                .requestTimeout(settings.responseTimeout())
                .maxConnections(settings.maxConnections())
                .userAgent("spinekit-sds-fhir")
                .build();
    }

    /**
     * GETs a URL and parses the 200 answer as JSON.
     *
     * @param url the whole request URL
     * @param what a description of the look-up for messages
     * @return the answer
     */
    Answer get(URI url, String what) {
        for (int attempt = 1; ; attempt++) {
            String correlationId = UUID.randomUUID().toString();
            HttpGet get = new HttpGet(url);
            get.setHeader("Accept", FHIR_JSON);
            get.setHeader("X-Correlation-Id", correlationId);
            settings.apiKey().ifPresent(k -> get.setHeader("apikey", new String(k)));
            LOG.debug("GET {} ({}, X-Correlation-Id {}, attempt {})", url, what, correlationId, attempt);
            Reply reply;
            try {
                reply = http.execute(get, response -> read(get, response, what, correlationId));
            } catch (IOException e) {
                throw failure(e, url, what, correlationId);
            }
            String echoed = reply.correlationId();
            if (reply.status() == 200) {
                return new Answer(parse(reply.body(), what, echoed), echoed);
            }
            FhirOutcome outcome = FhirErrors.outcome(reply.status(), reply.body(), echoed);
            if (reply.status() == 429) {
                Duration wait = reply.retryAfter().orElse(Duration.ofMillis(250L << Math.min(attempt - 1, 6)));
                if (attempt > settings.maxRetries() || wait.compareTo(settings.maxRetryWait()) > 0) {
                    throw new SdsFhirUnavailableException("The SDS FHIR API rate-limited the " + what + " (429"
                            + (attempt > 1 ? ", " + attempt + " attempts" : "") + ", Retry-After "
                            + wait.toMillis() + " ms, X-Correlation-Id " + echoed + "): about 5 requests a second"
                            + " are allowed per application; the cache answers repeats", null,
                            SdsUnavailableException.Reason.RATE_LIMITED, null, outcome, echoed);
                }
                LOG.info("SDS FHIR API answered 429 to the {}; retrying in {} ms", what, wait.toMillis());
                pause(wait, what, echoed);
                continue;
            }
            throw FhirErrors.status(outcome, what, url);
        }
    }

    /** Reads a 200 body whole (at most {@link #MAX_BODY_BYTES}) or the start of an error body. */
    private static Reply read(HttpGet get, ClassicHttpResponse response, String what, String correlationId)
            throws IOException {
        int status = response.getCode();
        String echoed = header(response, "X-Correlation-ID").orElse(correlationId);
        Optional<Duration> wait = status == 429
                ? RetryAfter.parse(header(response, "Retry-After").orElse(null)) : Optional.empty();
        HttpEntity entity = response.getEntity();
        if (status != 200) {
            // the rest of a long error body is drained within the request deadline, keeping the connection
            byte[] body = entity == null ? new byte[0] : entity.getContent().readNBytes(MAX_ERROR_BYTES);
            return new Reply(status, echoed, wait, body);
        }
        if (entity == null) {
            throw new SdsFhirException(SdsFhirException.Kind.MALFORMED_RESPONSE, "The SDS FHIR API answered the "
                    + what + " with 200 and no body (X-Correlation-Id " + echoed + "): expected a FHIR Bundle", null,
                    echoed);
        }
        try {
            return new Reply(status, echoed, wait, SpineHttp.readBody(entity, MAX_BODY_BYTES));
        } catch (SpineHttp.BodyTooLargeException e) {
            get.cancel();   // drop the connection rather than read the rest
            throw new SdsFhirException(SdsFhirException.Kind.MALFORMED_RESPONSE, "The SDS FHIR API's answer to the "
                    + what + " is larger than " + MAX_BODY_BYTES + " bytes (X-Correlation-Id " + echoed + ")", null,
                    echoed);
        }
    }

    private SdsFhirUnavailableException failure(IOException e, URI url, String what, String id) {
        String where = " (" + url.getScheme() + "://" + url.getAuthority() + ", X-Correlation-Id " + id + ")";
        if (e instanceof InterruptedIOException || e instanceof ConnectTimeoutException) {
            // SocketTimeoutException, SpineHttp's DeadlineExceededException and HandshakeTimeoutException
            return new SdsFhirUnavailableException("The SDS FHIR API did not answer the " + what + " in time" + where
                    + ": connect timeout " + settings.connectTimeout().toMillis() + " ms, response timeout "
                    + settings.responseTimeout().toMillis() + " ms", e, SdsUnavailableException.Reason.TIMEOUT,
                    null, null, id);
        }
        if (e instanceof SSLException) {
            TlsFailure kind = TlsFailure.classify(e, false);
            return new SdsFhirUnavailableException("TLS with the SDS FHIR API failed for the " + what + where + ": "
                    + Text.quote(e.getMessage(), 500) + ". " + kind.fix() + " (the API's certificate is from a public"
                    + " CA: its trust is the JDK's, not the NHS PKI, unless SdsFhir.Builder.trust(...) replaced it)", e,
                    SdsUnavailableException.Reason.TLS_HANDSHAKE_FAILED, kind, null, id);
        }
        boolean connect = e instanceof ConnectException || e instanceof HttpHostConnectException
                || e instanceof UnknownHostException || e instanceof NoRouteToHostException;
        return new SdsFhirUnavailableException("The SDS FHIR API could not be " + (connect ? "reached" : "read")
                + " for the " + what + where + ": " + Text.quote(String.valueOf(e), 500), e,
                connect ? SdsUnavailableException.Reason.CONNECTION_FAILED : SdsUnavailableException.Reason.UNAVAILABLE,
                null, null, id);
    }

    private static JsonNode parse(byte[] body, String what, String id) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SdsFhirException(SdsFhirException.Kind.MALFORMED_RESPONSE, "The SDS FHIR API's answer to the "
                    + what + " is not JSON (X-Correlation-Id " + id + "): " + Text.quote(e.getOriginalMessage(), 300)
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), null, id);
        } catch (IOException e) {
            throw new SdsFhirException(SdsFhirException.Kind.MALFORMED_RESPONSE, "The SDS FHIR API's answer to the "
                    + what + " cannot be read (X-Correlation-Id " + id + "): " + Text.quote(String.valueOf(e), 300),
                    null, id);
        }
    }

    private void pause(Duration d, String what, String id) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SdsFhirUnavailableException("Interrupted while waiting to retry the " + what
                    + " (X-Correlation-Id " + id + ")", e, SdsUnavailableException.Reason.RATE_LIMITED, null, null, id);
        }
    }

    private static Optional<String> header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? Optional.empty() : Optional.of(h.getValue());
    }

    @Override
    public void close() {
        http.close();
    }
}
