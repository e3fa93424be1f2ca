/**
 * Spine environments and their facts, typed identifiers, maintenance windows and Identity Agent registry files.
 *
 * <p>Entry point: {@link io.spinekit.env.SpineCatalog}. Pick an environment with
 * {@link io.spinekit.env.SpineEnvironment}, read its {@link io.spinekit.env.EnvironmentProfile}: every value is a
 * {@link io.spinekit.env.Fact} with its {@link io.spinekit.env.Provenance} (seed, public, inferred or override), and
 * values nothing publishes are absent. Validate identifiers with {@link io.spinekit.env.OdsCode#of(String)},
 * {@link io.spinekit.env.PartyKey#of(String)}, {@link io.spinekit.env.Asid#of(String)} and
 * {@link io.spinekit.env.InteractionId#of(String)}. All types are immutable and thread-safe except
 * {@link io.spinekit.env.SpineCatalog.Builder}.
 */
package io.spinekit.env;
