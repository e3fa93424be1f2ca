package io.spinekit.tls;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an exception chain into a {@link TlsFailure}; behind {@link TlsFailure#classify(Throwable)} and {@link TlsProbe}. */
final class FailureClassifier {
    /** Alerts a server sends when it refuses the client's certificate (or the lack of one). */
    static final List<String> CLIENT_CERTIFICATE_ALERTS = List.of("bad_certificate", "certificate_required",
            "unknown_ca", "certificate_unknown", "access_denied", "unsupported_certificate", "certificate_revoked",
            "certificate_expired");
    private static final Pattern RECEIVED_ALERT = Pattern.compile("received fatal alert: ([a-z_]+)");

    private FailureClassifier() {
    }

    static TlsFailure classify(Throwable error) {
        if (error == null) {
            return TlsFailure.OTHER;
        }
        String all = ChainDiagnosis.messages(error).toLowerCase(Locale.ROOT);
        if (notTls(all)) {
            return TlsFailure.NOT_TLS;
        }
        if (ChainDiagnosis.has(error, SocketTimeoutException.class)) {
            return TlsFailure.TIMEOUT;
        }
        if (ChainDiagnosis.has(error, ConnectException.class) || ChainDiagnosis.has(error, UnknownHostException.class)
                || ChainDiagnosis.has(error, NoRouteToHostException.class)) {
            return TlsFailure.CONNECTION_FAILED;
        }
        String alert = receivedAlert(all);
        if (alert != null && CLIENT_CERTIFICATE_ALERTS.contains(alert)) {
            return TlsFailure.CLIENT_CERTIFICATE_REJECTED;
        }
        if (alert == null && (ChainDiagnosis.has(error, CertificateException.class)
                || ChainDiagnosis.has(error, CertPathValidatorException.class))) {
            return ChainDiagnosis.kindOf(error);
        }
        if (protocolVersion(all)) {
            return TlsFailure.PROTOCOL_VERSION;
        }
        if (noCommonCipher(all)) {
            return TlsFailure.NO_COMMON_CIPHER;
        }
        return TlsFailure.OTHER;
    }

    /** Whether the connection broke under the handshake (reset, broken pipe, closed by the peer). */
    static boolean brokenDuringHandshake(Throwable error) {
        String all = ChainDiagnosis.messages(error).toLowerCase(Locale.ROOT);
        return all.contains("broken pipe") || all.contains("connection reset") || all.contains("remote host terminated")
                || all.contains("closed without an alert") || ChainDiagnosis.has(error, java.io.EOFException.class);
    }

    /** The name of a fatal alert received from the peer, such as {@code certificate_required}, or null. */
    static String receivedAlert(String lowerMessages) {
        Matcher m = RECEIVED_ALERT.matcher(lowerMessages);
        return m.find() ? m.group(1) : null;
    }

    static boolean notTls(String lowerMessages) {
        return lowerMessages.contains("unsupported or unrecognized ssl message")
                || lowerMessages.contains("unrecognized ssl message") || lowerMessages.contains("plaintext connection");
    }

    static boolean protocolVersion(String lowerMessages) {
        return lowerMessages.contains("protocol_version") || lowerMessages.contains("no appropriate protocol")
                || lowerMessages.contains("protocol is disabled");
    }

    static boolean noCommonCipher(String lowerMessages) {
        return lowerMessages.contains("handshake_failure") || lowerMessages.contains("insufficient_security")
                || lowerMessages.contains("no negotiable cipher") || lowerMessages.contains("no cipher suites in common");
    }
}
