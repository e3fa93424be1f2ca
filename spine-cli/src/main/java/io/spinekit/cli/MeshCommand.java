package io.spinekit.cli;

import io.spinekit.env.EnvironmentProfile;
import io.spinekit.mesh.MailboxEndpoint;
import io.spinekit.mesh.MeshClient;
import io.spinekit.mesh.MeshClientBuilder;
import io.spinekit.mesh.MeshException;
import io.spinekit.mesh.MeshMessage;
import io.spinekit.mesh.OutgoingMessage;
import io.spinekit.mesh.SentMessage;
import io.spinekit.mesh.TrackingInfo;
import io.spinekit.mesh.TransferListener;
import io.spinekit.tls.SpineTlsContext;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spine mesh}: MESH from the command line, one mailbox at a time. JSON fields are named as MESH
 * names them ({@code message_id}, {@code status}, ...). Exit 0 on success, 1 on failure, 2 for bad
 * input, 3 when a message is not found.
 */
@Command(name = "mesh", mixinStandardHelpOptions = true,
        description = "MESH: handshake, send, inbox, download, acknowledge, track and look up mailboxes.",
        subcommands = {MeshCommand.Handshake.class, MeshCommand.Send.class, MeshCommand.Inbox.class,
                MeshCommand.Download.class, MeshCommand.Ack.class, MeshCommand.Track.class, MeshCommand.Lookup.class})
final class MeshCommand {
    private MeshCommand() {
    }

    /** Where MESH is: an environment from the catalog or the host root. */
    static final class Target {
        @Option(names = "--env", paramLabel = "ENV", required = true,
                description = "Environment whose MESH URL (mesh.url) and trust to use: int, dep, live or a custom one.")
        String env;

        @Option(names = "--url", paramLabel = "URL", required = true,
                description = "MESH host root, such as https://msg.intspineservices.nhs.uk (the client adds /messageexchange); needs --trust.")
        URI url;
    }

    /** The options every subcommand shares. */
    static final class Common extends JsonOption {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @ArgGroup(exclusive = false, multiplicity = "1")
        MailboxOptions mailbox;

        @Mixin
        ClientTlsOptions tls;

        @Mixin
        TimeoutOption timeout;

        MeshClient client(TransferListener listener) {
            tls.requireUsable();
            if (tls.cert == null) {
                throw CliException.usage("MESH needs the mailbox's client certificate: give --cert and --key");
            }
            EnvironmentProfile profile = target.env == null ? null : TlsCommand.profile(target.env);
            SpineTlsContext context = Cli.input(ClientTlsOptions.HINT, () -> tls.builder(profile).orElseThrow(() ->
                    CliException.usage("--url needs --trust PEM: which CA certificates to trust for " + target.url))
                    .build());
            return Cli.input("", () -> {
                MeshClientBuilder b = MeshClient.builder();
                if (profile != null) {
                    b.environment(profile);
                } else {
                    b.url(target.url);
                }
                b.tls(context).transferListener(listener);
                if (timeout.timeout != null) {
                    b.responseTimeout(timeout.timeout);
                }
                return mailbox.build(b);
            });
        }
    }

    /** Runs a subcommand body with a client; MESH failures become the CLI's error output. */
    static int run(CommandSpec spec, Common common, TransferListener listener, Function<MeshClient, Integer> body) {
        try (MeshClient client = common.client(listener)) {
            return body.apply(client);
        } catch (MeshException e) {
            if (e.reason() == MeshException.Reason.CONFIGURATION) {
                throw CliException.usage(e.getMessage(), e);
            }
            int code = e.reason() == MeshException.Reason.NOT_FOUND ? Cli.NOT_FOUND : Cli.FAILURE;
            String message = ErrorHandler.safe(e.getMessage());
            if (common.json) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", message);
                error.put("exitCode", code);
                error.put("reason", e.reason().name());
                error.put("http_status", e.httpStatus() == 0 ? null : e.httpStatus());
                error.put("code", e.meshCode().orElse(null));
                error.put("description", e.meshDescription().orElse(null));
                Cli.printJson(spec, error);
            }
            Cli.err(spec).println(spec.qualifiedName() + ": " + message);
            Cli.err(spec).flush();
            return code;
        }
    }

    /** Progress on stderr when it is a terminal and not --json: bytes, rate, chunk n of m. */
    static TransferListener progress(CommandSpec spec, boolean json) {
        if (json || System.console() == null) {
            return TransferListener.NONE;
        }
        long start = System.nanoTime();
        return (op, id, chunk, chunks, bytes) -> {
            double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
            Cli.err(spec).printf("\r%s: %,d bytes, %.1f MB/s, chunk %d of %d%s", op, bytes, bytes / 1e6 / seconds,
                    chunk, chunks, chunk == chunks ? System.lineSeparator() : "");
            Cli.err(spec).flush();
        };
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof Optional<?> o ? o.orElse(null) : v);
        }
        return m;
    }

    /**
     * What every subcommand shares: the options, the client, the error handling and the choice between
     * JSON and text. A subcommand says only what it does ({@link #perform}) and how its result reads.
     *
     * @param <R> what the subcommand's MESH call returns
     */
    abstract static class MeshSubcommand<R> implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common;

        /** Checks the subcommand's own input before any connection is made; by default nothing. */
        void check() {
        }

        private final boolean showsProgress;

        /** A subcommand that moves no message data, so shows no progress. */
        MeshSubcommand() {
            this(false);
        }

        /**
         * A subcommand that may move message data.
         *
         * @param showsProgress whether its transfers show {@linkplain #progress progress} on a terminal
         */
        MeshSubcommand(boolean showsProgress) {
            this.showsProgress = showsProgress;
        }

        /** Makes the MESH call. */
        abstract R perform(MeshClient client);

        /** The result as the JSON object to print with {@code --json}. */
        abstract Map<String, Object> json(MeshClient client, R result);

        /** The result as text for a person. */
        abstract void text(PrintWriter out, MeshClient client, R result);

        @Override
        public final Integer call() {
            check();
            TransferListener listener = showsProgress ? progress(spec, common.json) : TransferListener.NONE;
            return run(spec, common, listener, c -> {
                R result = perform(c);
                if (common.json) {
                    Cli.printJson(spec, json(c, result));
                } else {
                    PrintWriter out = Cli.out(spec);
                    text(out, c, result);
                    out.flush();
                }
                return Cli.OK;
            });
        }
    }

    /** {@code spine mesh handshake}. */
    @Command(name = "handshake", mixinStandardHelpOptions = true,
            description = "Authenticate with MESH (certificate, password, shared key); MESH asks for one a day.")
    static final class Handshake extends MeshSubcommand<Void> {
        @Override
        Void perform(MeshClient c) {
            c.handshake();
            return null;
        }

        @Override
        Map<String, Object> json(MeshClient c, Void none) {
            return map("mailbox_id", c.mailboxId(), "status", "ok", "url", c.apiUrl().toString());
        }

        @Override
        void text(PrintWriter out, MeshClient c, Void none) {
            out.println("Handshake OK: mailbox " + c.mailboxId() + " at " + c.apiUrl());
        }
    }

    /** {@code spine mesh send FILE --to MAILBOX --workflow ID}. */
    @Command(name = "send", mixinStandardHelpOptions = true,
            description = "Send a file to a mailbox (chunked above the chunk size, optionally gzipped).")
    static final class Send extends MeshSubcommand<SentMessage> {
        @Parameters(paramLabel = "FILE", description = "The file to send.")
        Path file;

        @Option(names = "--to", paramLabel = "MAILBOX", required = true, description = "The recipient mailbox (mex-To).")
        String to;

        @Option(names = "--workflow", paramLabel = "ID", required = true, description = "The workflow id (mex-WorkflowID).")
        String workflow;

        @Option(names = "--subject", paramLabel = "S", description = "mex-Subject.")
        String subject;

        @Option(names = "--local-id", paramLabel = "L", description = "mex-LocalID: your reference (no patient data).")
        String localId;

        @Option(names = "--compress", description = "Gzip each chunk.")
        boolean compress;

        private OutgoingMessage message;

        Send() {
            super(true);
        }

        @Override
        void check() {
            if (!Files.isRegularFile(file)) {
                throw CliException.usage("FILE " + io.spinekit.core.Text.quote(file.toString())
                        + " is not a readable file: give the file to send");
            }
            message = Cli.input("(check --to, --workflow, --subject and --local-id)", () ->
                    OutgoingMessage.to(to, workflow).subject(subject).localId(localId).compress(compress)
                            .fileName(file.getFileName().toString()).build());
        }

        @Override
        SentMessage perform(MeshClient c) {
            return c.send(message, file);
        }

        @Override
        Map<String, Object> json(MeshClient c, SentMessage sent) {
            return map("message_id", sent.messageId(), "chunks", sent.chunks(), "bytes", sent.bytes());
        }

        @Override
        void text(PrintWriter out, MeshClient c, SentMessage sent) {
            out.println("Sent " + sent.bytes() + " bytes in " + sent.chunks() + " chunk(s): message_id " + sent.messageId());
        }
    }

    /** {@code spine mesh inbox}. */
    @Command(name = "inbox", mixinStandardHelpOptions = true, description = "List the message ids in the inbox (every page).")
    static final class Inbox extends MeshSubcommand<List<String>> {
        @Override
        List<String> perform(MeshClient c) {
            return c.inbox();
        }

        @Override
        Map<String, Object> json(MeshClient c, List<String> ids) {
            return map("messages", ids);
        }

        @Override
        void text(PrintWriter out, MeshClient c, List<String> ids) {
            out.println(ids.size() + " message(s) in " + c.mailboxId());
            ids.forEach(id -> out.println("  " + id));
        }
    }

    /** {@code spine mesh download ID --out FILE}. */
    @Command(name = "download", mixinStandardHelpOptions = true,
            description = "Download a message, every chunk, decompressed, to a file.")
    static final class Download extends MeshSubcommand<MeshMessage> {
        @Parameters(paramLabel = "ID", description = "The message id.")
        String id;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the data (replaced).")
        Path out;

        Download() {
            super(true);
        }

        @Override
        MeshMessage perform(MeshClient c) {
            return c.download(id, out);
        }

        @Override
        Map<String, Object> json(MeshClient c, MeshMessage m) {
            return map("message_id", m.messageId(), "from", m.from(), "to", m.to(),
                    "workflow_id", m.workflowId(), "message_type", m.messageType(), "filename", m.fileName(),
                    "subject", m.subject(), "local_id", m.localId(), "status_code", m.statusCode(),
                    "status_success", m.statusSuccess(), "status_description", m.statusDescription(),
                    "linked_message_id", m.linkedMessageId(), "chunks", m.chunks(), "bytes", m.bytes(),
                    "out", out.toString());
        }

        @Override
        void text(PrintWriter writer, MeshClient c, MeshMessage m) {
            writer.println((m.isReport() ? "Report " : "Message ") + m.messageId() + " from "
                    + m.from().orElse("?") + ": " + m.bytes() + " bytes in " + m.chunks() + " chunk(s) to " + out
                    + (m.isReport() ? " (status " + m.statusCode().orElse("?") + " "
                            + m.statusDescription().orElse("") + ", for " + m.linkedMessageId().orElse("?") + ")" : ""));
        }
    }

    /** {@code spine mesh ack ID}. */
    @Command(name = "ack", mixinStandardHelpOptions = true,
            description = "Acknowledge a downloaded message (it leaves the inbox and cannot be downloaded again).")
    static final class Ack extends MeshSubcommand<Void> {
        @Parameters(paramLabel = "ID", description = "The message id.")
        String id;

        @Override
        Void perform(MeshClient c) {
            c.acknowledge(id);
            return null;
        }

        @Override
        Map<String, Object> json(MeshClient c, Void none) {
            return map("message_id", id, "status", "acknowledged");
        }

        @Override
        void text(PrintWriter out, MeshClient c, Void none) {
            out.println("Acknowledged " + id);
        }
    }

    /** {@code spine mesh track (ID | --local-id L)}. */
    @Command(name = "track", mixinStandardHelpOptions = true, description = "Track a message you sent.")
    static final class Track extends MeshSubcommand<TrackingInfo> {
        static final class Which {
            @Parameters(paramLabel = "ID", description = "The message id.")
            String id;

            @Option(names = "--local-id", paramLabel = "L", description = "The mex-LocalID it was sent with.")
            String localId;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        @Override
        TrackingInfo perform(MeshClient c) {
            return which.id != null ? c.track(which.id) : c.trackByLocalId(which.localId);
        }

        @Override
        Map<String, Object> json(MeshClient c, TrackingInfo t) {
            return map("message_id", t.messageId(), "local_id", t.localId(),
                    "workflow_id", t.workflowId(), "filename", t.fileName(), "recipient", t.recipient(),
                    "status", t.status(), "status_success", t.statusSuccess(), "status_code", t.statusCode(),
                    "status_description", t.statusDescription(), "upload_timestamp", t.uploadTimestamp(),
                    "expiry_time", t.expiryTime());
        }

        @Override
        void text(PrintWriter out, MeshClient c, TrackingInfo t) {
            out.println(t.messageId() + ": " + t.status() + t.recipient().map(r -> " (to " + r + ")")
                    .orElse("") + t.statusDescription().map(d -> ", " + d).orElse(""));
        }
    }

    /** {@code spine mesh lookup --ods ODS --workflow ID}. */
    @Command(name = "lookup", mixinStandardHelpOptions = true,
            description = "Find the mailboxes of an organisation (ODS code) that take a workflow.")
    static final class Lookup extends MeshSubcommand<List<MailboxEndpoint>> {
        @Option(names = "--ods", paramLabel = "ODS", required = true, description = "The organisation's ODS code.")
        String ods;

        @Option(names = "--workflow", paramLabel = "ID", required = true, description = "The workflow id.")
        String workflow;

        @Override
        List<MailboxEndpoint> perform(MeshClient c) {
            return c.lookup(ods, workflow);
        }

        @Override
        Map<String, Object> json(MeshClient c, List<MailboxEndpoint> found) {
            return map("results", found.stream()
                    .map(e -> map("mailbox_id", e.mailboxId(), "mailbox_name", e.mailboxName())).toList());
        }

        @Override
        void text(PrintWriter out, MeshClient c, List<MailboxEndpoint> found) {
            out.println(found.size() + " mailbox(es) for " + ods + " and " + workflow);
            found.forEach(e -> out.println("  " + e.mailboxId() + "  " + e.mailboxName()));
        }
    }
}
