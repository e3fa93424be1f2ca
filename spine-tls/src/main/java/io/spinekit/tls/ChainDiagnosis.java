package io.spinekit.tls;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateRevokedException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns a certificate-chain failure into a {@link TlsFailure} and a sentence naming the certificate. */
record ChainDiagnosis(TlsFailure failure, String message) {

    static ChainDiagnosis of(List<X509Certificate> chain, List<X509Certificate> anchors, Throwable error) {
        return of(chain, anchors, error, null);
    }

    static ChainDiagnosis of(List<X509Certificate> chain, List<X509Certificate> anchors, Throwable error, String host) {
        String raw = error == null ? "" : String.valueOf(error.getMessage());
        if (chain.isEmpty()) {
            return new ChainDiagnosis(TlsFailure.OTHER, raw);
        }
        X509Certificate leaf = chain.get(0);
        Optional<String> g1 = NhsTrust.explainExpiredG1(chain);
        if (g1.isPresent()) {
            return new ChainDiagnosis(TlsFailure.EXPIRED_G1_CHAIN, g1.get());
        }
        String all = messages(error).toLowerCase(Locale.ROOT);
        Date now = new Date();
        if (has(error, CertificateRevokedException.class) || reason(error, CertPathValidatorException.BasicReason.REVOKED)) {
            return new ChainDiagnosis(TlsFailure.REVOKED, revoked(chain, error).orElse("a certificate of the chain of "
                    + Certificates.shortName(leaf) + " is revoked") + " (" + raw + ")");
        }
        if (has(error, CertificateExpiredException.class) || reason(error, CertPathValidatorException.BasicReason.EXPIRED)) {
            X509Certificate expired = chain.stream().filter(c -> c.getNotAfter().before(now)).findFirst().orElse(leaf);
            return new ChainDiagnosis(TlsFailure.EXPIRED, Certificates.shortName(expired) + " expired on "
                    + expired.getNotAfter().toInstant() + " (" + raw + ")");
        }
        if (has(error, CertificateNotYetValidException.class)
                || reason(error, CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
            X509Certificate early = chain.stream().filter(c -> c.getNotBefore().after(now)).findFirst().orElse(leaf);
            return new ChainDiagnosis(TlsFailure.NOT_YET_VALID, Certificates.shortName(early) + " is not valid before "
                    + early.getNotBefore().toInstant() + " (" + raw + ")");
        }
        if (all.contains("no subject alternative") || all.contains("no name matching")
                || all.contains("doesn't match any of the subject alternative names")) {
            String why = host == null ? raw : SpineHostnameVerifier.INSTANCE.mismatch(host, leaf).orElse(raw);
            return new ChainDiagnosis(TlsFailure.WRONG_HOST, why);
        }
        if (all.contains("algorithm policy")) {
            return new ChainDiagnosis(TlsFailure.WEAK_ALGORITHM, raw);
        }
        if (all.contains("algorithm constraints") || reason(error, CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED)) {
            return new ChainDiagnosis(TlsFailure.WEAK_ALGORITHM, "the chain of " + Certificates.shortName(leaf)
                    + " uses an algorithm or key size the JDK refuses (" + raw + ")");
        }
        if (all.contains("unable to find valid certification path") || all.contains("no trusted certificate")
                || all.contains("path does not chain") || all.contains("trust anchor")) {
            X509Certificate top = chain.get(chain.size() - 1);
            if (chain.size() == 1 && Certificates.isSelfIssued(leaf)) {
                return new ChainDiagnosis(TlsFailure.SELF_SIGNED, Certificates.shortName(leaf)
                        + " is self-signed and not in the trust");
            }
            if (chain.size() == 1) {
                return new ChainDiagnosis(TlsFailure.MISSING_INTERMEDIATE, "the peer sent only "
                        + Certificates.shortName(leaf) + ", without the certificate of its issuer "
                        + leaf.getIssuerX500Principal().getName() + ", which is not in the trust either");
            }
            boolean issuerKnown = anchors.stream().anyMatch(a -> a.getSubjectX500Principal().equals(top.getIssuerX500Principal()));
            String rootName = Certificates.isSelfIssued(top) ? Certificates.shortName(top)
                    : top.getIssuerX500Principal().getName();
            return new ChainDiagnosis(TlsFailure.UNKNOWN_CA, "the chain of " + Certificates.shortName(leaf)
                    + " leads to " + rootName + (issuerKnown ? ", whose signature does not verify against the trusted"
                    + " certificate of that name" : ", which is not in the trust"));
        }
        return new ChainDiagnosis(TlsFailure.OTHER, raw);
    }

    /**
     * The kind of a certificate failure read from the exception alone, without the chain (so a
     * self-signed or incomplete chain is {@link TlsFailure#UNKNOWN_CA}).
     */
    static TlsFailure kindOf(Throwable error) {
        String all = messages(error).toLowerCase(Locale.ROOT);
        if (all.contains("g1 live") || all.contains("expired on 2024-06-04")) {
            return TlsFailure.EXPIRED_G1_CHAIN;
        }
        if (has(error, CertificateRevokedException.class) || reason(error, CertPathValidatorException.BasicReason.REVOKED)) {
            return TlsFailure.REVOKED;
        }
        if (has(error, CertificateExpiredException.class) || reason(error, CertPathValidatorException.BasicReason.EXPIRED)) {
            return TlsFailure.EXPIRED;
        }
        if (has(error, CertificateNotYetValidException.class)
                || reason(error, CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
            return TlsFailure.NOT_YET_VALID;
        }
        if (all.contains("no subject alternative") || all.contains("no name matching")
                || all.contains("doesn't match any of the subject alternative names")) {
            return TlsFailure.WRONG_HOST;
        }
        if (all.contains("algorithm constraints") || all.contains("algorithm policy")
                || reason(error, CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED)) {
            return TlsFailure.WEAK_ALGORITHM;
        }
        if (all.contains("unable to find valid certification path") || all.contains("no trusted certificate")
                || all.contains("path does not chain") || all.contains("trust anchor")) {
            return TlsFailure.UNKNOWN_CA;
        }
        return TlsFailure.OTHER;
    }

    private static Optional<String> revoked(List<X509Certificate> chain, Throwable error) {
        return cause(error, CertificateRevokedException.class).map(r -> {
            X509Certificate cert = chain.stream()
                    .filter(x -> x.getIssuerX500Principal().equals(r.getAuthorityName()))
                    .findFirst().orElse(chain.get(0));
            return Certificates.shortName(cert) + " was revoked on " + r.getRevocationDate().toInstant() + ", reason "
                    + r.getRevocationReason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        });
    }

    static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
            if (c.getCause() == c) {
                break;
            }
        }
        return sb.toString();
    }

    static boolean has(Throwable t, Class<? extends Throwable> type) {
        return cause(t, type).isPresent();
    }

    /** The first throwable of this type in the cause chain of {@code t} (itself included). */
    private static <T extends Throwable> Optional<T> cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
        }
        return Optional.empty();
    }

    private static boolean reason(Throwable t, CertPathValidatorException.Reason r) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CertPathValidatorException v && v.getReason() == r) {
                return true;
            }
        }
        return false;
    }
}
