package io.spinekit.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A WireMock server on 127.0.0.1 over HTTPS only, presenting a {@link TestPki} certificate and
 * trusting that PKI's root for client certificates; WireMock reads key stores from files, so they
 * live in a temporary directory that {@link #close()} deletes. Shared by the testkit's fakes.
 */
final class MutualTlsWireMock implements AutoCloseable {
    private static final String PASSWORD = "spinekit-testkit";

    private final WireMockServer server;
    private final Path storeDirectory;

    private MutualTlsWireMock(WireMockServer server, Path storeDirectory) {
        this.server = server;
        this.storeDirectory = storeDirectory;
    }

    /**
     * Configures a server (not started: add stubs, then {@code server().start()}).
     *
     * @param name a prefix for the temporary directory
     * @param pki the PKI whose root client certificates must chain to
     * @param serverCertificate what the server presents, with its chain
     * @param requireClientCertificate whether a client certificate is required
     * @return the server and its stores
     */
    static MutualTlsWireMock create(String name, TestPki pki, IssuedCertificate serverCertificate,
            boolean requireClientCertificate) {
        Objects.requireNonNull(pki, "pki");
        Objects.requireNonNull(serverCertificate, "serverCertificate");
        Path dir = null;
        try {
            dir = Files.createTempDirectory(name);
            Path keyStore = write(serverCertificate.keyStore("server", PASSWORD.toCharArray()), dir.resolve("server.p12"));
            Path trustStore = write(pki.trustStore(), dir.resolve("trust.p12"));
            WireMockConfiguration config = WireMockConfiguration.options()
                    .bindAddress("127.0.0.1")
                    .httpDisabled(true)
                    .dynamicHttpsPort()
                    .keystorePath(keyStore.toString())
                    .keystoreType("PKCS12")
                    .keystorePassword(PASSWORD)
                    .keyManagerPassword(PASSWORD)
                    .trustStorePath(trustStore.toString())
                    .trustStoreType("PKCS12")
                    .trustStorePassword(PASSWORD)
                    .needClientAuth(requireClientCertificate)
                    .http2TlsDisabled(true);
            return new MutualTlsWireMock(new WireMockServer(config), dir);
        } catch (IOException | RuntimeException e) {
            if (dir != null) {
                deleteQuietly(dir);
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * The WireMock server.
     *
     * @return the server
     */
    WireMockServer server() {
        return server;
    }

    /** Stops the server and deletes its key stores. */
    @Override
    public void close() {
        server.stop();
        deleteQuietly(storeDirectory);
    }

    private static Path write(KeyStore store, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write key store " + file, e);
        }
        return file;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: temporary files only
        }
    }
}
