/**
 * Implementation details of spine-tls shared with spinekit's other modules: the LDAP sockets with
 * connect and answer deadlines ({@link io.spinekit.tls.internal.DeadlineSockets}) behind
 * {@code SpineTlsContext.ldapSocketFactory(...)}, which spine-ldap's SDS client also uses (for plain
 * LDAP test directories too).
 *
 * <p>Not API. The types here are public only so that spinekit's own modules can share them; this
 * package carries no compatibility promise: anything in it may change or disappear in any release,
 * without notice or deprecation. Use {@code SpineTlsContext.ldapSocketFactory(...)} instead.
 */
package io.spinekit.tls.internal;
