/**
 * Internals of spine-ldap shared by its two SDS back-ends (LDAP in {@code io.spinekit.ldap}, FHIR in
 * {@code io.spinekit.ldap.fhir}): the back-end interface {@link io.spinekit.ldap.internal.SdsBackend}
 * that {@link io.spinekit.ldap.SdsClient}'s one cache sits over, and the parsing of reliability
 * values both read. Not API: may change in any release.
 */
package io.spinekit.ldap.internal;
