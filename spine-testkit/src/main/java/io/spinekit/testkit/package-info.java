/**
 * Test support for spinekit users and spinekit itself: a test PKI shaped like NHS's
 * ({@link io.spinekit.testpki.TestPki}), an embedded SDS over LDAPS, fake Spine and CIS endpoints
 * over mutual TLS, and JUnit 5 extensions that hand them to tests.
 */
package io.spinekit.testkit;
