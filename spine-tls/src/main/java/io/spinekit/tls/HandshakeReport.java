package io.spinekit.tls;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a real TLS handshake made by {@link TlsProbe}: what was negotiated and verified,
 * or precisely why it failed and what to do.
 *
 * @param host the host connected to
 * @param port the port
 * @param success true when the handshake completed, the chain verified and the host name matched,
 *     and the server did not reject the client certificate
 * @param protocol the negotiated protocol, such as {@code TLSv1.3}
 * @param cipherSuite the negotiated cipher suite
 * @param serverChain the chain the server sent, leaf first (empty if it sent none before failing)
 * @param clientCertificateRequested whether the server asked for a client certificate
 * @param clientCertificate the client certificate sent, if any
 * @param failure why it failed, empty on success
 * @param message a sentence describing the result, naming the certificate or setting at fault
 * @param fix what to do about a failure, empty on success
 */
public record HandshakeReport(String host, int port, boolean success, Optional<String> protocol,
        Optional<String> cipherSuite, List<CertificateSummary> serverChain, boolean clientCertificateRequested,
        Optional<CertificateSummary> clientCertificate, Optional<TlsFailure> failure, String message,
        Optional<String> fix) {

    /**
     * Copies the chain.
     *
     * @param host the host
     * @param port the port
     * @param success whether it succeeded
     * @param protocol the protocol
     * @param cipherSuite the suite
     * @param serverChain the server chain
     * @param clientCertificateRequested whether the server asked for a client certificate
     * @param clientCertificate the client certificate sent
     * @param failure the failure
     * @param message the description
     * @param fix the fix
     */
    public HandshakeReport {
        serverChain = List.copyOf(serverChain);
    }
}
