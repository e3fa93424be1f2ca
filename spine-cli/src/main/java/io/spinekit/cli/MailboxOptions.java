package io.spinekit.cli;

import io.spinekit.mesh.MeshClient;
import io.spinekit.mesh.MeshClientBuilder;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * {@code --mailbox}, {@code --mailbox-password-file} and {@code --shared-key-file}: a MESH mailbox's
 * credentials, shared by {@code spine mesh} (where they are required) and {@code spine doctor} (where
 * they turn on the MESH check). Used as a picocli argument group, so that giving one asks for all three.
 */
final class MailboxOptions {
    @Option(names = "--mailbox", paramLabel = "ID", required = true, description = "Your mailbox id, such as X26ABC1.")
    String mailbox;

    @Option(names = "--mailbox-password-file", paramLabel = "FILE", required = true,
            description = "File whose first line is the mailbox password (kept off the command line).")
    Path mailboxPasswordFile;

    @Option(names = "--shared-key-file", paramLabel = "FILE", required = true,
            description = "File whose first line is the environment's MESH shared key.")
    Path sharedKeyFile;

    /**
     * Refuses a secret file that cannot be read or is empty, before anything is sent.
     *
     * @throws CliException a usage error naming the option
     */
    void requireReadable() {
        Arrays.fill(TlsCommand.readSecret(mailboxPasswordFile, "--mailbox-password-file"), '\0');
        Arrays.fill(TlsCommand.readSecret(sharedKeyFile, "--shared-key-file"), '\0');
    }

    /**
     * Builds a client for this mailbox: reads the password and shared key from their files, hands them
     * to the builder and clears the copies read here.
     *
     * @param b a builder with the URL, TLS and timeouts set
     * @return the client
     * @throws CliException a usage error when a secret file cannot be read or is empty
     */
    MeshClient build(MeshClientBuilder b) {
        char[] password = TlsCommand.readSecret(mailboxPasswordFile, "--mailbox-password-file");
        char[] key = TlsCommand.readSecret(sharedKeyFile, "--shared-key-file");
        try {
            return b.mailbox(mailbox).password(password).sharedKey(key).build();
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(key, '\0');
        }
    }
}
