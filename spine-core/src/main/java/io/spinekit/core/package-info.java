/**
 * What every spinekit module shares, with no dependencies: {@link io.spinekit.core.SpineException},
 * the one root of every exception the SDK throws; {@link io.spinekit.core.Text}, which quotes input
 * for error messages (control characters escaped, long values cut); and
 * {@link io.spinekit.core.BoundedFiles}, which reads a file only up to a stated limit. The SDK's one
 * hardened XML setup is in {@link io.spinekit.core.xml}.
 */
package io.spinekit.core;
