/**
 * NHS trust and mutual TLS for Spine.
 *
 * <p>Entry point: {@link io.spinekit.tls.SpineTlsContext#builder()}, which gives one immutable,
 * strict TLS context (TLS 1.3/1.2, strong suites, host name checks with the CN fallback NHS
 * certificates need) and adapters for Apache HttpClient 5, UnboundID LDAP and the JDK
 * {@code HttpClient}. Around it: the bundled, pinned NHS CAs ({@link io.spinekit.tls.NhsCertificateAuthority},
 * {@link io.spinekit.tls.NhsCertificateAuthority#trustedBy}), PEM reading ({@link io.spinekit.tls.Pem}), certificate inspection
 * ({@link io.spinekit.tls.CertificateInspector}), CSRs ({@link io.spinekit.tls.Csr}) and a handshake
 * probe that explains failures ({@link io.spinekit.tls.TlsProbe}).
 *
 * <p>Nothing in this package changes JVM-global state: Bouncy Castle is used through a private
 * provider instance, and neither the default {@code SSLContext} nor the JVM trust store is touched.
 * Errors are {@link io.spinekit.tls.TlsConfigurationException}s naming the file or value at fault.
 */
package io.spinekit.tls;
