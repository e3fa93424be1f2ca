/**
 * Care Identity Service (CIS): the environment's GAS, sbapi and CIS2 URLs, smartcard role assertions
 * (SAML 1.1 over mutual TLS, read with a hardened XML parser), the Identity Agent's GAS messages, and
 * CIS2 OpenID Connect discovery and ID token validation.
 *
 * <p>Entry point: {@link io.spinekit.cis.CisClient}. URLs: {@link io.spinekit.cis.CisUrls}. Parsing on
 * its own: {@link io.spinekit.cis.RoleAssertionParser}, {@link io.spinekit.cis.GasMessage},
 * {@link io.spinekit.cis.OidcDiscovery}. Tokens: {@link io.spinekit.cis.IdTokenValidator}. Every
 * failure is a {@link io.spinekit.cis.CisException} with a {@link io.spinekit.cis.CisException.Reason};
 * SSO tickets travel as {@link io.spinekit.cis.SsoTicket}, which never prints itself.
 */
package io.spinekit.cis;
