/**
 * Spine Directory Service (SDS) look-ups: routes (MHS endpoint, party key, ASID, CPA id,
 * reliability), accredited systems and organisations, with one cache over either of SDS's two
 * back-ends: LDAPS (this package: a pooled failover connection) or the SDS FHIR API
 * ({@link io.spinekit.ldap.fhir}).
 *
 * <p>Entry point: {@link io.spinekit.ldap.SdsClient}.
 */
package io.spinekit.ldap;
