package io.spinekit.mesh;

/**
 * Told after each chunk of a send or download, for progress displays. Called on the calling thread;
 * keep it quick and do not throw.
 */
@FunctionalInterface
public interface TransferListener {
    /** Does nothing. */
    TransferListener NONE = (operation, messageId, chunk, chunks, bytes) -> { };

    /**
     * A chunk is done.
     *
     * @param operation {@code send} or {@code download}
     * @param messageId the message id (null for the first chunk of a send until MESH answered)
     * @param chunk the chunk just done, from 1
     * @param chunks how many chunks there are
     * @param bytes uncompressed bytes done so far
     */
    void chunkDone(String operation, String messageId, int chunk, int chunks, long bytes);
}
