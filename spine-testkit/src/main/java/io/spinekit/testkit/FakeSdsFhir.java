package io.spinekit.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.spinekit.ldap.ForwardReliable;
import io.spinekit.ldap.fhir.SdsFhir;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A fake SDS FHIR API over real HTTPS on loopback, reading the entries of an {@link EmbeddedSds}:
 * one fixture builder call ({@code sds.addMhs(...)}) populates both back-ends, so a test can run one
 * scenario against LDAP and against FHIR and compare the {@code Route}s.
 *
 * <pre>{@code
 * try (EmbeddedSds sds = EmbeddedSds.startDefault(); FakeSdsFhir fhir = FakeSdsFhir.over(sds).apiKey("k").start();
 *      SdsClient client = fhir.clientBuilder().build()) { ... }
 * }</pre>
 *
 * <p>It answers as docs/reference/SDS-FHIR.md describes: {@code GET /Device} and {@code /Endpoint}
 * (paths case-sensitive, else 404), other methods 405 with {@code Allow: GET}, {@code Accept}
 * absent, <code>*&#47;*</code>, {@code application/fhir+json} or {@code application/json} (else 406), an
 * {@code X-Correlation-Id} that must be a UUID (400) and is echoed, the API key (401 without it),
 * the allowed parameter sets and system prefixes (400), the Bundle mapping of the service, the
 * forward-reliable address substitution under the Spine core ODS code, and 500 where the service
 * raises (a multi-valued single attribute, not exactly one intermediary address). Faults:
 * {@link #fail(int, int)} (429 with {@code Retry-After}, 502, 504, ...) and {@link #delay(Duration)}.
 *
 * <p>Its certificate comes from a PKI of its own, standing in for a public CA: never the Spine
 * (NHS PKI) trust. Thread-safe.
 */
public final class FakeSdsFhir implements AutoCloseable {
    /** The path prefix, as on the real host. */
    public static final String PATH = "/spine-directory/FHIR/R4";

    private final EmbeddedSds sds;
    private final TestPki pki;
    private final String apiKey;
    private final String coreOds;
    private final HttpsServer server;
    private final ExecutorService executor;
    private final URI url;
    private final AtomicInteger requests = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failStatus;
    private volatile int retryAfterSeconds;

    private FakeSdsFhir(Builder b) {
        this.sds = b.sds;
        this.pki = b.pki != null ? b.pki : TestPki.create("Fake Public CA");
        this.apiKey = b.apiKey;
        this.coreOds = b.coreOds;
        IssuedCertificate cert = pki.certificate("localhost").subjectAltNames("localhost").serverAuth().issue();
        SSLContext ctx = pki.sslContext(cert);
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start FakeSdsFhir", e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = ctx.getDefaultSSLParameters();
                p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                params.setSSLParameters(p);
            }
        });
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fake-sds-fhir-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        url = URI.create("https://localhost:" + server.getAddress().getPort() + PATH);
    }

    /**
     * Starts describing a fake that reads a directory's entries.
     *
     * @param sds the directory (its fixtures are the fake's data)
     * @return a builder
     */
    public static Builder over(EmbeddedSds sds) {
        return new Builder(sds);
    }

    /**
     * The API base URL, {@code https://localhost:<port>/spine-directory/FHIR/R4}.
     *
     * @return the URL
     */
    public URI url() {
        return url;
    }

    /**
     * A TLS context that trusts only this fake's CA (never the NHS PKI).
     *
     * @return a new context
     */
    public SpineTlsContext trust() {
        return SpineTlsContext.builder().trustCertificates(List.of(pki.root().certificate())).build();
    }

    /**
     * Writes this fake's CA certificate as PEM, for {@code spine sds --trust}.
     *
     * @param file where to write
     * @return the file
     */
    public Path writeCaPem(Path file) {
        try {
            return Files.writeString(file, TestPki.pem(pki.root().certificate()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * FHIR settings pointed at this fake: its URL, its trust, its API key.
     *
     * @return a new settings builder
     */
    public SdsFhir.Builder settings() {
        SdsFhir.Builder b = SdsFhir.builder().baseUrl(url.toString()).trust(trust());
        return apiKey == null ? b : b.apiKey(apiKey.toCharArray());
    }

    /**
     * A client builder on this fake (FHIR back-end, Spine core ODS code as the fake's).
     *
     * @return a new builder
     */
    public io.spinekit.ldap.SdsClient.Builder clientBuilder() {
        return io.spinekit.ldap.SdsClient.builder().fhir(settings().build())
                .spineCoreOdsCode(io.spinekit.env.OdsCode.of(coreOds));
    }

    /**
     * Answers the next requests with a status instead (429 carries {@code Retry-After}).
     *
     * @param status such as 429, 500, 502, 504
     * @param times how many requests
     */
    public void fail(int status, int times) {
        this.failStatus = status;
        failures.set(times);
    }

    /**
     * Sets the {@code Retry-After} of injected 429s. Default 0.
     *
     * @param seconds the seconds
     */
    public void retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
    }

    /**
     * Delays every answer.
     *
     * @param d the delay, zero for none
     */
    public void delay(Duration d) {
        delay.set(Objects.requireNonNull(d, "d"));
    }

    /**
     * How many requests arrived.
     *
     * @return the count
     */
    public int requestCount() {
        return requests.get();
    }

    /**
     * The last 1,000 requests as {@code "GET /path?query apikey=yes|no accept=... correlation=..."}.
     *
     * @return a copy
     */
    public List<String> requests() {
        return List.copyOf(log);
    }

    /** Forgets the request count and log and any fault. */
    public void reset() {
        requests.set(0);
        log.clear();
        failures.set(0);
        delay.set(Duration.ZERO);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------------------ the API

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            requests.incrementAndGet();
            String accept = x.getRequestHeaders().getFirst("Accept");
            String correlation = x.getRequestHeaders().getFirst("X-Correlation-Id");
            String key = x.getRequestHeaders().getFirst("apikey");
            log.add(x.getRequestMethod() + " " + x.getRequestURI().getRawPath()
                    + (x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery())
                    + " apikey=" + (key == null ? "no" : "yes") + " accept=" + accept + " correlation=" + correlation);
            while (log.size() > 1000) {
                log.poll();
            }
            sleep(delay.get());
            String id = correlation == null ? UUID.randomUUID().toString() : correlation;
            if (apiKey != null && !apiKey.equals(key)) {
                error(x, 401, id, "processing", "ACCESS_DENIED", "Invalid access token or API key", "application/json");
                return;
            }
            if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                if (failStatus == 429) {
                    x.getResponseHeaders().set("Retry-After", String.valueOf(retryAfterSeconds));
                }
                error(x, failStatus, id, "exception", "UNKNOWN_ERROR", "injected " + failStatus, "application/json");
                return;
            }
            if (correlation != null && !isUuid(correlation)) {
                error(x, 400, id, "value", "BAD_REQUEST", "Invalid X-Correlation-Id header. Should be an UUIDv4 or"
                        + " empty", null);
                return;
            }
            String type = accept == null || accept.equals("*/*") || accept.equals("application/fhir+json")
                    ? "application/fhir+json" : accept.equals("application/json") ? "application/json" : null;
            if (type == null) {
                error(x, 406, id, "not-supported", "MISSING_OR_INVALID_HEADER", "Invalid value - '" + accept
                        + "' in header 'Accept'", null);
                return;
            }
            String path = x.getRequestURI().getRawPath();
            String resource = path.equals(PATH + "/Device") ? "Device" : path.equals(PATH + "/Endpoint") ? "Endpoint" : null;
            if (resource == null) {
                error(x, 404, id, "not-found", "NO_RECORD_FOUND", "HTTP 404: Not Found", type);
                return;
            }
            if (!x.getRequestMethod().equals("GET")) {
                x.getResponseHeaders().set("Allow", "GET");
                error(x, 405, id, "not-supported", "NOT_IMPLEMENTED", "HTTP 405: Method Not Allowed", type);
                return;
            }
            Query q;
            try {
                q = Query.parse(x.getRequestURI().getRawQuery(), resource);
            } catch (IllegalArgumentException e) {
                error(x, 400, id, "required", "BAD_REQUEST", e.getMessage(), type);
                return;
            }
            ObjectNode body;
            try {
                body = resource.equals("Device") ? devices(q) : endpoints(q);
            } catch (FakeSdsFhirMapper.ServiceFault e) {
                error(x, 500, id, "exception", "INTERNAL_SERVER_ERROR", e.getMessage(), type);
                return;
            }
            respond(x, 200, id, type, body);
        }
    }

    private ObjectNode devices(Query q) {
        List<Filter> f = new ArrayList<>(List.of(Filter.createEqualityFilter("objectClass", "nhsAs"),
                Filter.createEqualityFilter("nhsIDCode", q.organization),
                Filter.createEqualityFilter("nhsAsSvcIA", q.interaction)));
        if (q.partyKey != null) {
            f.add(Filter.createEqualityFilter("nhsMhsPartyKey", q.partyKey));
        }
        if (q.manufacturer != null) {
            f.add(Filter.createEqualityFilter("nhsMhsManufacturerOrg", q.manufacturer));
        }
        List<ObjectNode> out = new ArrayList<>();
        for (SearchResultEntry e : sds.searchServices(Filter.createANDFilter(f))) {
            out.add(FakeSdsFhirMapper.device(e));
        }
        return FakeSdsFhirMapper.bundle(q.self(url, "Device"), out, url.toString(), "Device");
    }

    private ObjectNode endpoints(Query q) {
        List<Filter> f = new ArrayList<>(List.of(Filter.createEqualityFilter("objectClass", "nhsMhs")));
        if (q.organization != null) {
            f.add(Filter.createEqualityFilter("nhsIDCode", q.organization));
        }
        if (q.interaction != null) {
            f.add(Filter.createEqualityFilter("nhsMhsSvcIA", q.interaction));
        }
        if (q.partyKey != null) {
            f.add(Filter.createEqualityFilter("nhsMhsPartyKey", q.partyKey));
        }
        List<ObjectNode> out = new ArrayList<>();
        for (SearchResultEntry e : sds.searchServices(Filter.createANDFilter(f))) {
            out.addAll(FakeSdsFhirMapper.endpoints(e, substitute(FakeSdsFhirMapper.single(e, "nhsMhsSvcIA"))));
        }
        return FakeSdsFhirMapper.bundle(q.self(url, "Endpoint"), out, url.toString(), "Endpoint");
    }

    /** The service's forward substitution: split on ':', service second-to-last, interaction last. */
    private String substitute(String svcIa) {
        if (svcIa == null) {
            return null;
        }
        String[] parts = svcIa.split(":");
        if (parts.length < 2 || !ForwardReliable.SERVICES.contains(parts[parts.length - 2])) {
            return null;
        }
        String last = parts[parts.length - 1];
        String via = ForwardReliable.INTERACTIONS.contains(last) ? "urn:nhs:names:services:tms:ReliableIntermediary"
                : ForwardReliable.FORWARD_EXPRESS.contains(last) ? "urn:nhs:names:services:tms:ExpressIntermediary"
                : null;
        if (via == null) {
            return null;
        }
        List<String> addresses = new ArrayList<>();
        for (SearchResultEntry core : sds.searchServices(Filter.createANDFilter(
                Filter.createEqualityFilter("objectClass", "nhsMhs"), Filter.createEqualityFilter("nhsIDCode", coreOds),
                Filter.createEqualityFilter("nhsMhsSvcIA", via)))) {
            String[] v = core.getAttributeValues("nhsMhsEndPoint");
            addresses.addAll(v == null ? List.of() : List.of(v));
        }
        if (addresses.size() != 1) {
            throw new FakeSdsFhirMapper.ServiceFault(addresses.size() + " core addresses for " + via);
        }
        return addresses.get(0);
    }

    private static boolean isUuid(String s) {
        try {
            return UUID.fromString(s).toString().equalsIgnoreCase(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void error(HttpExchange x, int status, String id, String code, String spineCode, String diagnostics,
            String type) throws IOException {
        ObjectNode o = FakeSdsFhirMapper.JSON.createObjectNode().put("resourceType", "OperationOutcome").put("id", id);
        ObjectNode issue = o.putArray("issue").addObject().put("severity", "error").put("code", code);
        issue.putObject("details").putArray("coding").addObject()
                .put("system", "https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1").put("code", spineCode)
                .put("display", spineCode);
        issue.put("diagnostics", diagnostics);
        respond(x, status, id, type == null ? "application/fhir+json" : type, o);
    }

    private static void respond(HttpExchange x, int status, String id, String type, ObjectNode body) throws IOException {
        byte[] bytes = FakeSdsFhirMapper.JSON.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", type);
        x.getResponseHeaders().set("X-Correlation-ID", id);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }

    private static void sleep(Duration d) {
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The parameters of one search, checked as the service checks them. */
    private static final class Query {
        String organization;
        String interaction;
        String partyKey;
        String manufacturer;
        final Map<String, String> raw = new LinkedHashMap<>();

        static Query parse(String rawQuery, String resource) {
            Query q = new Query();
            for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                q.raw.put(name + "=" + value, value);
                switch (name) {
                    case "organization" -> q.organization = value(value, "https://fhir.nhs.uk/Id/ods-organization-code",
                            "organization");
                    case "manufacturing-organization" -> {
                        if (!resource.equals("Device")) {
                            throw new IllegalArgumentException("Invalid query parameter: " + name);
                        }
                        q.manufacturer = value(value, "https://fhir.nhs.uk/Id/ods-organization-code", name);
                    }
                    case "identifier" -> {
                        if (value.startsWith("https://fhir.nhs.uk/Id/nhsServiceInteractionId|")) {
                            q.interaction = value(value, "https://fhir.nhs.uk/Id/nhsServiceInteractionId", name);
                        } else if (value.startsWith("https://fhir.nhs.uk/Id/nhsMhsPartyKey|")) {
                            q.partyKey = value(value, "https://fhir.nhs.uk/Id/nhsMhsPartyKey", name);
                        } else {
                            throw new IllegalArgumentException("Missing or invalid 'identifier' query parameter");
                        }
                    }
                    default -> throw new IllegalArgumentException("Invalid query parameter: " + name);
                }
            }
            boolean ok = resource.equals("Device") ? q.organization != null && q.interaction != null
                    : q.organization != null && (q.interaction != null || q.partyKey != null)
                            || q.interaction != null && q.partyKey != null;
            if (!ok) {
                throw new IllegalArgumentException("HTTP 400: Bad Request (Missing or invalid 'organization' query"
                        + " parameter. Should be 'organization=https://fhir.nhs.uk/Id/ods-organization-code|value')");
            }
            return q;
        }

        private static String value(String v, String system, String name) {
            if (!v.startsWith(system + "|") || v.length() == system.length() + 1) {
                throw new IllegalArgumentException("Missing or invalid '" + name + "' query parameter. Should be '"
                        + name + "=" + system + "|value'");
            }
            return v.substring(system.length() + 1);
        }

        String self(URI base, String resource) {
            return base + "/" + resource + "?" + String.join("&", raw.keySet());
        }
    }

    /** Configures a {@link FakeSdsFhir}. Not thread-safe. */
    public static final class Builder {
        private final EmbeddedSds sds;
        private TestPki pki;
        private String apiKey;
        private String coreOds = "YES";

        private Builder(EmbeddedSds sds) {
            this.sds = Objects.requireNonNull(sds, "sds");
        }

        /**
         * Uses a PKI for the server certificate (default: a fresh one of its own, standing in for a public CA).
         *
         * @param pki the PKI
         * @return this
         */
        public Builder pki(TestPki pki) {
            this.pki = Objects.requireNonNull(pki, "pki");
            return this;
        }

        /**
         * Requires this {@code apikey} (default: none required, as in the sandbox).
         *
         * @param key the key
         * @return this
         */
        public Builder apiKey(String key) {
            this.apiKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Sets the Spine core ODS code the forward substitution looks under. Default {@code YES}.
         *
         * @param ods the ODS code
         * @return this
         */
        public Builder spineCoreOdsCode(String ods) {
            this.coreOds = Objects.requireNonNull(ods, "ods");
            return this;
        }

        /**
         * Starts the fake.
         *
         * @return a running fake
         */
        public FakeSdsFhir start() {
            return new FakeSdsFhir(this);
        }
    }
}
