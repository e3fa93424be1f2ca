package io.spinekit.ldap.fhir;

import io.spinekit.core.BoundedFiles;
import io.spinekit.core.FileReadException;
import io.spinekit.core.Text;
import io.spinekit.env.Fact;
import io.spinekit.ldap.SdsLookupException;
import io.spinekit.ldap.internal.SdsBackend;
import io.spinekit.ldap.internal.SdsValues;
import io.spinekit.tls.SpineTlsContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings of the SDS FHIR API back-end of {@link io.spinekit.ldap.SdsClient}
 * ({@code SdsClient.builder().fhir(SdsFhir.builder()...build())}): base URL, API key, trust and
 * deadlines. Immutable; {@link #toString()} never shows the key.
 *
 * <pre>{@code
 * SdsFhir fhir = SdsFhir.builder()
 *         .apiKeyFromEnvironment("SDS_API_KEY")        // or apiKey(char[]), apiKeyFile(Path)
 *         .build();                                    // base URL: the environment's sds.fhir.url
 * }</pre>
 *
 * <p><b>Trust.</b> {@code api.service.nhs.uk} has a public-CA certificate, so by default the
 * connection trusts the JDK's public CAs only ({@link #publicTrust()}), in a context of its own:
 * never the NHS PKI of the Spine connections, which a public NHS adaptor broke by sharing one CA
 * bundle (docs/reference/SDS-FHIR.md section 1). {@link Builder#trust(SpineTlsContext)} replaces it
 * (a test server's CA, say). No client certificate is sent.
 */
public final class SdsFhir {
    /** The longest API key accepted, in characters. */
    static final int MAX_KEY_LENGTH = 512;
    /** The largest key file read: the longest key in UTF-8, with room for white space around it. */
    static final int MAX_KEY_FILE_BYTES = MAX_KEY_LENGTH * 4 + 64;

    private final URI baseUrl;
    private final char[] apiKey;
    private final String apiKeySource;
    private final SpineTlsContext trust;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final int maxRetries;
    private final Duration maxRetryWait;
    private final int maxConnections;

    private SdsFhir(Builder b, char[] apiKey) {
        this.baseUrl = b.baseUrl;
        this.apiKey = apiKey;
        this.apiKeySource = b.apiKeySource;
        this.trust = b.trust;
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.maxRetries = b.maxRetries;
        this.maxRetryWait = b.maxRetryWait;
        this.maxConnections = b.maxConnections;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A TLS context that trusts the JDK's default public CAs and nothing else: the FHIR default.
     *
     * @return a new context (no client identity)
     */
    public static SpineTlsContext publicTrust() {
        return SpineTlsContext.builder().addJvmDefaultTrust().build();
    }

    /**
     * The base URL set on the builder.
     *
     * @return the URL, empty when the environment's {@code sds.fhir.url} is used
     */
    public Optional<URI> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /**
     * Whether an API key was given (its value is never shown).
     *
     * @return {@code true} when requests carry an {@code apikey} header
     */
    public boolean hasApiKey() {
        return apiKey != null;
    }

    Optional<char[]> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    String apiKeySource() {
        return apiKeySource;
    }

    SpineTlsContext trust() {
        return trust != null ? trust : publicTrust();
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration responseTimeout() {
        return responseTimeout;
    }

    int maxRetries() {
        return maxRetries;
    }

    Duration maxRetryWait() {
        return maxRetryWait;
    }

    int maxConnections() {
        return maxConnections;
    }

    /**
     * Opens the back-end. Internal: {@link io.spinekit.ldap.SdsClient.Builder#build()} calls it.
     *
     * @param environmentUrl the environment's {@code sds.fhir.url}, or {@code null}
     * @param environmentName the environment's name, or {@code null}
     * @return the back-end
     * @throws SdsLookupException when no base URL is known or it is not an https URL
     */
    public SdsBackend open(Fact environmentUrl, String environmentName) {
        String chosen = baseUrl != null ? baseUrl.toString() : environmentUrl != null ? environmentUrl.value() : null;
        if (chosen == null) {
            throw new SdsLookupException("No SDS FHIR API base URL" + (environmentName == null ? ""
                    : " for environment " + environmentName + " (nothing publishes its sds.fhir.url)")
                    + ": call SdsFhir.Builder.baseUrl(\"https://.../spine-directory/FHIR/R4\") or set sds.fhir.url");
        }
        return new FhirBackend(this, checkedBase(chosen));
    }

    static URI checkedBase(String url) {
        try {
            URI u = new URI(url.trim());
            if ("https".equalsIgnoreCase(u.getScheme()) && u.getHost() != null && u.getRawQuery() == null
                    && u.getRawFragment() == null && u.getRawUserInfo() == null) {
                String s = u.toString();
                return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new SdsLookupException("Not an SDS FHIR API base URL: " + Text.quote(url, 200)
                + "; expected https://host/path without query, such as"
                + " 'https://int.api.service.nhs.uk/spine-directory/FHIR/R4'");
    }

    /**
     * Describes the settings without the API key.
     *
     * @return for example {@code SdsFhir[baseUrl=(environment), apiKey=file /run/key (redacted), ...]}
     */
    @Override
    public String toString() {
        return "SdsFhir[baseUrl=" + (baseUrl == null ? "(environment)" : baseUrl) + ", apiKey="
                + (apiKey == null ? "none" : apiKeySource + " (redacted)") + ", trust="
                + (trust == null ? "JDK public CAs" : trust) + ", connectTimeout=" + connectTimeout
                + ", responseTimeout=" + responseTimeout + ", maxRetries=" + maxRetries + "]";
    }

    /** Configures {@link SdsFhir}. Not thread-safe. */
    public static final class Builder {
        private URI baseUrl;
        private char[] apiKey;
        private Path apiKeyFile;
        private String apiKeyVariable;
        private Function<String, String> environment = System::getenv;
        private String apiKeySource;
        private SpineTlsContext trust;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration responseTimeout = Duration.ofSeconds(5);
        private int maxRetries = 2;
        private Duration maxRetryWait = Duration.ofSeconds(5);
        private int maxConnections = 8;

        private Builder() {
        }

        /**
         * Sets the API base URL, overriding the environment's {@code sds.fhir.url}.
         *
         * @param url such as {@code https://int.api.service.nhs.uk/spine-directory/FHIR/R4}
         * @return this
         * @throws SdsLookupException when it is not an https URL with a host
         */
        public Builder baseUrl(String url) {
            this.baseUrl = checkedBase(Objects.requireNonNull(url, "url"));
            return this;
        }

        /**
         * Sets the API key (the {@code apikey} header), copied; clear your array afterwards.
         *
         * @param key the key
         * @return this
         */
        public Builder apiKey(char[] key) {
            Objects.requireNonNull(key, "key");
            clearKey();
            this.apiKey = Arrays.copyOf(key, key.length);
            this.apiKeySource = "given";
            return this;
        }

        /**
         * Reads the API key from a file when {@link #build()} runs (UTF-8, surrounding white space trimmed).
         *
         * @param file the file
         * @return this
         */
        public Builder apiKeyFile(Path file) {
            clearKey();
            this.apiKeyFile = Objects.requireNonNull(file, "file");
            this.apiKeySource = "file " + file;
            return this;
        }

        /**
         * Reads the API key from an environment variable when {@link #build()} runs.
         *
         * @param name the variable, such as {@code SDS_API_KEY}
         * @return this
         */
        public Builder apiKeyFromEnvironment(String name) {
            clearKey();
            this.apiKeyVariable = Objects.requireNonNull(name, "name");
            this.apiKeySource = "environment variable " + name;
            return this;
        }

        /** Test seam: where {@link #apiKeyFromEnvironment(String)} reads. */
        Builder environment(Function<String, String> env) {
            this.environment = Objects.requireNonNull(env, "env");
            return this;
        }

        private void clearKey() {
            if (apiKey != null) {
                Arrays.fill(apiKey, '\0');
            }
            apiKey = null;
            apiKeyFile = null;
            apiKeyVariable = null;
        }

        /**
         * Replaces the default public trust, as {@code --trust} does for a test server. Keep it apart
         * from the Spine (NHS PKI) context.
         *
         * @param tls the context (its client identity, if any, is not presented by this API's callers
         *        in NHS code, and is not needed)
         * @return this
         */
        public Builder trust(SpineTlsContext tls) {
            this.trust = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /**
         * Sets how long to wait for the TCP connection and, separately, the TLS handshake. Default 5 seconds.
         *
         * @param timeout positive
         * @return this
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Sets how long one request may take in all, from sending it to the end of the answer (a
         * server that trickles bytes cannot stretch it). Default 5 seconds.
         *
         * @param timeout positive
         * @return this
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = positive(timeout, "responseTimeout");
            return this;
        }

        /**
         * Sets how many times a 429 (rate limited) answer is retried, after its {@code Retry-After}
         * (or 250 ms, doubling). Default 2; nothing else is retried.
         *
         * @param retries 0 or more
         * @return this
         */
        public Builder maxRetries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more, was " + retries);
            }
            this.maxRetries = retries;
            return this;
        }

        /**
         * Sets the longest {@code Retry-After} waited for; a longer one fails the look-up at once as
         * rate limited (a stale answer is then served if cached). Default 5 seconds.
         *
         * @param wait zero or positive
         * @return this
         */
        public Builder maxRetryWait(Duration wait) {
            this.maxRetryWait = SdsValues.notNegative(wait, "maxRetryWait");
            return this;
        }

        /**
         * Sets the most pooled connections. Default 8.
         *
         * @param max 1 or more
         * @return this
         */
        public Builder maxConnections(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnections must be 1 or more, was " + max);
            }
            this.maxConnections = max;
            return this;
        }

        /**
         * Builds the settings, reading the API key from its file or variable.
         *
         * @return the settings
         * @throws SdsLookupException when the key's file or variable cannot be read, or the key is
         *         empty, too long or holds characters a header cannot carry
         */
        public SdsFhir build() {
            char[] key = apiKey != null ? Arrays.copyOf(apiKey, apiKey.length)
                    : apiKeyFile != null ? readFile(apiKeyFile)
                    : apiKeyVariable != null ? readVariable(apiKeyVariable) : null;
            if (key != null) {
                check(key, apiKeySource);
            }
            return new SdsFhir(this, key);
        }

        private static char[] readFile(Path file) {
            byte[] bytes;
            try {
                // one bounded read: no size check that the file could outgrow before it is read
                bytes = BoundedFiles.read(file, MAX_KEY_FILE_BYTES, "SDS FHIR API key file");
            } catch (FileReadException e) {
                if (e.reason() == FileReadException.Reason.TOO_LARGE) {
                    throw new SdsLookupException("The SDS FHIR API key file " + Text.quote(file.toString())
                            + " is larger than an API key (" + MAX_KEY_FILE_BYTES + " bytes at most): expected the"
                            + " key alone", e);
                }
                throw new SdsLookupException(e.getMessage(), e);
            }
            try {
                CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
                char[] all = new char[chars.remaining()];
                chars.get(all);
                Arrays.fill(chars.array(), '\0');
                return trim(all);
            } catch (CharacterCodingException e) {
                throw new SdsLookupException("The SDS FHIR API key file " + Text.quote(file.toString())
                        + " is not UTF-8 text: expected the key alone");
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }

        private char[] readVariable(String name) {
            String v = environment.apply(name);
            if (v == null) {
                throw new SdsLookupException("The environment variable " + Text.quote(name)
                        + " that should hold the SDS FHIR API key is not set");
            }
            return trim(v.toCharArray());
        }

        private static char[] trim(char[] all) {
            int from = 0;
            int to = all.length;
            while (from < to && Character.isWhitespace(all[from])) {
                from++;
            }
            while (to > from && Character.isWhitespace(all[to - 1])) {
                to--;
            }
            char[] out = Arrays.copyOfRange(all, from, to);
            Arrays.fill(all, '\0');
            return out;
        }

        /** A key is 1 to 512 visible ASCII characters: anything else could break or forge a header. */
        private static void check(char[] key, String source) {
            if (key.length == 0 || key.length > MAX_KEY_LENGTH) {
                throw new SdsLookupException("The SDS FHIR API key (" + source + ") is " + (key.length == 0 ? "empty"
                        : key.length + " characters long") + ": expected 1 to " + MAX_KEY_LENGTH
                        + " visible ASCII characters");
            }
            for (int i = 0; i < key.length; i++) {
                if (key[i] < 0x21 || key[i] > 0x7e) {
                    throw new SdsLookupException("The SDS FHIR API key (" + source + ") holds a character that is"
                            + " not visible ASCII at position " + (i + 1) + " (" + String.format(Locale.ROOT,
                                    "U+%04X", (int) key[i]) + "): expected 1 to " + MAX_KEY_LENGTH
                            + " visible ASCII characters");
                }
            }
        }

        private static Duration positive(Duration d, String name) {
            return SdsValues.positive(d, name);
        }
    }
}
