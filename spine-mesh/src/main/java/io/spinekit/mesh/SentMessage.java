package io.spinekit.mesh;

/**
 * A message MESH accepted.
 *
 * @param messageId the id MESH gave it
 * @param chunks how many chunks were uploaded
 * @param bytes the uncompressed size
 */
public record SentMessage(String messageId, int chunks, long bytes) {
}
