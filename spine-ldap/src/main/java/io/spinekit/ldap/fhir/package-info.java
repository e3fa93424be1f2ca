/**
 * The SDS FHIR API back-end of {@link io.spinekit.ldap.SdsClient} (spine-ldap holds both SDS
 * back-ends: LDAPS in {@code io.spinekit.ldap}, FHIR here). API: {@link io.spinekit.ldap.fhir.SdsFhir}
 * (settings), {@link io.spinekit.ldap.fhir.SdsFhirException},
 * {@link io.spinekit.ldap.fhir.SdsFhirUnavailableException} and
 * {@link io.spinekit.ldap.fhir.FhirOutcome}; the rest is package-private. The routes it answers are
 * those of the LDAP back-end: same {@link io.spinekit.ldap.Route}, same cache.
 */
package io.spinekit.ldap.fhir;
