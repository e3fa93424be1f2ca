/**
 * Implementation details of spine-cis (hardened XML reading). Not API: may change without notice.
 */
package io.spinekit.cis.internal;
