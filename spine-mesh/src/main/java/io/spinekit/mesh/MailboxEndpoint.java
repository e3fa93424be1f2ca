package io.spinekit.mesh;

/**
 * An endpoint look-up result (v2 {@code results[]}, MESH.md section 3).
 *
 * @param mailboxId the mailbox id
 * @param mailboxName its name, empty when MESH gave none
 */
public record MailboxEndpoint(String mailboxId, String mailboxName) {
}
