/**
 * Implementation details of spine-cis: {@link io.spinekit.cis.internal.CisXml}, spine-cis's door to
 * the SDK's one hardened XML reader ({@link io.spinekit.core.xml.SafeXml} in spine-core) and the
 * element tree it produces ({@link io.spinekit.core.xml.XmlElement}), shared by the SAML role
 * assertion parser and the GAS message reader in {@code io.spinekit.cis}.
 *
 * <p>Not API. The types here are public only so that spine-cis's own packages can share them; this
 * package carries no compatibility promise: anything in it may change or disappear in any release,
 * without notice or deprecation. Do not use it from outside spine-cis.
 */
package io.spinekit.cis.internal;
