/**
 * A test PKI shaped like NHS's: {@link io.spinekit.testpki.TestPki} issues a root, a sub-CA, server
 * and client certificates (RSA or EC, with or without SANs, expired, weak), certificate requests and
 * CRLs, and starts TLS test servers. It depends on Bouncy Castle only, so any spinekit module can
 * use it at test scope; {@code spine-testkit} brings it to users' tests.
 */
package io.spinekit.testpki;
