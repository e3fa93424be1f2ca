/**
 * Spine Directory Service (SDS) look-ups over LDAPS: routes (MHS endpoint, party key, ASID, CPA id,
 * reliability), accredited systems and organisations, with a pooled failover connection and a cache.
 *
 * <p>Entry point: {@link io.spinekit.ldap.SdsClient}.
 */
package io.spinekit.ldap;
