/**
 * Implementation details of spine-cis: {@link io.spinekit.cis.internal.SafeXml}, the one hardened XML
 * parser setup every spine-cis reader uses, and the element tree it builds.
 *
 * <p><b>No compatibility promise:</b> the types here are public only so that spine-cis's own packages
 * can share them; they may change or disappear in any release, including a patch release. Do not use
 * them from outside spinekit.
 */
package io.spinekit.cis.internal;
