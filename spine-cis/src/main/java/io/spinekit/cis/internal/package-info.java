/**
 * Implementation details of spine-cis: the hardened XML reader ({@link io.spinekit.cis.internal.SafeXml})
 * and the element tree it produces ({@link io.spinekit.cis.internal.XmlElement}), shared by the SAML
 * role assertion parser and the GAS message reader in {@code io.spinekit.cis}.
 *
 * <p>Not API. The types here are public only so that spine-cis's own packages can share them; this
 * package carries no compatibility promise: anything in it may change or disappear in any release,
 * without notice or deprecation. Do not use it from outside spine-cis.
 */
package io.spinekit.cis.internal;
