/**
 * Spine environments and their facts, typed identifiers and maintenance windows.
 *
 * <p>Entry point: {@link io.spinekit.env.SpineCatalog}. Pick an environment with
 * {@link io.spinekit.env.SpineEnvironment}, read its {@code EnvironmentProfile}, and validate
 * identifiers with {@link io.spinekit.env.OdsCode#of(String)}, {@link io.spinekit.env.PartyKey#of(String)},
 * {@link io.spinekit.env.Asid#of(String)} and {@link io.spinekit.env.InteractionId#of(String)}.
 */
package io.spinekit.env;
