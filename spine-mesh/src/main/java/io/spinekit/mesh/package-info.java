/**
 * MESH (Message Exchange for Social Care and Health): a client for the MESH API v2 over mutual TLS.
 *
 * <p>Entry point: {@link io.spinekit.mesh.MeshClient} ({@link io.spinekit.mesh.MeshClient#builder()}).
 * Messages to send are described by {@link io.spinekit.mesh.OutgoingMessage}; downloads return
 * {@link io.spinekit.mesh.MeshMessage}, tracking {@link io.spinekit.mesh.TrackingInfo}; retries follow a
 * {@link io.spinekit.mesh.RetryPolicy}. Every failure is a {@link io.spinekit.mesh.MeshException} with a
 * {@link io.spinekit.mesh.MeshException.Reason}, the HTTP status and MESH's error code. Protocol facts
 * follow the MESH API specification as summarised in the project's MESH reference.
 */
package io.spinekit.mesh;
