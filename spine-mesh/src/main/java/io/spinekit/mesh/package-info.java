/**
 * MESH (Message Exchange for Social Care and Health): a client for the MESH API v2 over mutual TLS.
 *
 * <p>Every failure is a {@link io.spinekit.mesh.MeshException} with a {@link io.spinekit.mesh.MeshException.Reason}.
 * Protocol facts follow the MESH API specification as summarised in the project's MESH reference.
 */
package io.spinekit.mesh;
