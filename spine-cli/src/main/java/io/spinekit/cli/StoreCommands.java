package io.spinekit.cli;

import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.PartyKey;
import io.spinekit.env.SpineCatalog;
import io.spinekit.messaging.MessageStore.Status;
import io.spinekit.messaging.MessageStore.Stored;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.messaging.store.JdbcMessageStore;
import io.spinekit.tls.SpineTlsContext;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spine messaging pending} and {@code spine messaging drain}: what a durable message store
 * (spine-message-store) holds, and delivering it.
 */
final class StoreCommands {
    /** The most messages listed or drained in one run. */
    static final int MAX = 10_000;

    /** The states {@code pending} lists: everything not acknowledged or answered. */
    static final Set<Status> NOT_DELIVERED = EnumSet.of(Status.PENDING, Status.FAILED, Status.FAULTED, Status.NACKED);

    private StoreCommands() {
    }

    static String newId() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    /** What a stored message's state means to a reader. */
    static String state(Stored m) {
        if (m.status() != Status.PENDING) {
            return m.status().name();
        }
        return m.attempts() == 0 ? "WAITING" : "RETRYING";
    }

    static Map<String, Object> json(Stored m) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("messageId", m.messageId());
        j.put("conversationId", m.conversationId());
        j.put("workflow", m.workflow().name());
        j.put("state", state(m));
        j.put("status", m.status().name());
        j.put("attempts", m.attempts());
        j.put("maxAttempts", m.maxAttempts());
        j.put("posts", m.posts());
        j.put("accepted", m.created().toString());
        j.put("nextAttempt", m.status() == Status.PENDING ? m.nextAttempt().toString() : null);
        j.put("deadline", m.deadline().map(Object::toString).orElse(null));
        j.put("endpoint", m.endpoint().toString());
        j.put("lastError", m.lastError().isEmpty() ? null : m.lastError());
        return j;
    }

    static String line(Stored m) {
        return String.format(Locale.ROOT, "%-12s %s  attempt %d/%d%s%s, to %s%s", state(m), m.messageId(), m.attempts(),
                m.maxAttempts(), m.status() == Status.PENDING ? ", next " + m.nextAttempt() : "",
                m.deadline().map(d -> ", deadline " + d).orElse(""), m.endpoint(),
                m.lastError().isEmpty() ? "" : ": " + m.lastError());
    }

    /** {@code spine messaging pending}. */
    @Command(name = "pending", mixinStandardHelpOptions = true,
            description = "List the reliable messages in a durable store that are not delivered: waiting, retrying, "
                    + "and failed (with the reasons). Exit 0.")
    static final class Pending extends JsonOption implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--store", required = true, paramLabel = "JDBC_URL",
                description = "The store: jdbc:postgresql://HOST/DB?user=U or jdbc:h2:file:PATH.")
        String store;

        @Override
        public Integer call() {
            try (JdbcMessageStore s = JdbcMessageStore.open(store)) {
                List<Stored> list = s.list(NOT_DELIVERED, MAX);
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (String state : List.of("WAITING", "RETRYING", "FAILED", "FAULTED", "NACKED")) {
                    counts.put(state, (int) list.stream().filter(m -> state(m).equals(state)).count());
                }
                if (json) {
                    Map<String, Object> j = new LinkedHashMap<>();
                    j.put("store", s.description());
                    j.put("counts", counts);
                    j.put("messages", list.stream().map(StoreCommands::json).toList());
                    Cli.printJson(spec, j);
                } else {
                    PrintWriter w = Cli.out(spec);
                    w.println(list.size() + " not delivered in " + s.description() + ": " + counts);
                    list.forEach(m -> w.println("  " + line(m)));
                    w.flush();
                }
                return Cli.OK;
            }
        }
    }

    /** {@code spine messaging drain}. */
    @Command(name = "drain", mixinStandardHelpOptions = true,
            description = "Deliver every due message in a durable store, waiting for retries (and for the leases of "
                    + "senders that stopped), until nothing is pending; print a summary. Exit 0 when every message "
                    + "that was pending is delivered, 1 when any failed.")
    static final class Drain extends JsonOption implements Callable<Integer> {
        /** How often the store is asked whether anything is still pending. */
        static final Duration CHECK = Duration.ofMillis(200);

        @Spec
        CommandSpec spec;

        @Option(names = "--store", required = true, paramLabel = "JDBC_URL",
                description = "The store: jdbc:postgresql://HOST/DB?user=U or jdbc:h2:file:PATH.")
        String store;

        @Option(names = "--env", paramLabel = "ENV",
                description = "Environment whose trust applies without --trust (see spine env list).")
        String env;

        @Mixin
        ClientTlsOptions tlsOptions;

        @Mixin
        TimeoutOption timeout;

        @Override
        public Integer call() throws InterruptedException {
            tlsOptions.requireUsable();
            EnvironmentProfile profile = env == null ? null : Cli.input("", () -> SpineCatalog.load().profile(env));
            SpineTlsContext tls = Cli.input(ClientTlsOptions.HINT, () -> tlsOptions.builder(profile).orElseThrow(
                    () -> CliException.usage("drain needs --trust PEM or --env ENV (the MHS's trust), and --cert "
                            + "and --key (your endpoint certificate)")).build());
            Duration deadline = timeout.orElse(MessagingCommand.DEFAULT_TIMEOUT);
            try (JdbcMessageStore s = JdbcMessageStore.open(store)) {
                List<Stored> before = s.list(EnumSet.of(Status.PENDING), MAX);
                // the party key builds new messages only; a drain sends stored bytes as they are
                try (SpineMessaging messaging = SpineMessaging.builder().tls(tls).fromPartyKey(PartyKey.of("X00-0"))
                        .store(s).responseTimeout(deadline).requestTimeout(deadline).pollInterval(CHECK).build()) {
                    while (!messaging.store().list(EnumSet.of(Status.PENDING), 1).isEmpty()) {
                        Thread.sleep(CHECK.toMillis());
                    }
                }
                return summary(s, before);
            }
        }

        private int summary(JdbcMessageStore s, List<Stored> before) {
            List<Stored> after = new ArrayList<>();
            for (Stored m : before) {
                s.stored(m.messageId()).ifPresent(after::add);
            }
            long delivered = after.stream().filter(m -> m.status() == Status.ACKNOWLEDGED).count();
            List<Stored> failed = after.stream().filter(m -> m.status() != Status.ACKNOWLEDGED).toList();
            if (json) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("store", s.description());
                j.put("pendingAtStart", before.size());
                j.put("delivered", delivered);
                j.put("failed", failed.stream().map(StoreCommands::json).toList());
                Cli.printJson(spec, j);
            } else {
                PrintWriter w = Cli.out(spec);
                w.println("Drained " + s.description() + ": " + before.size() + " pending, " + delivered
                        + " delivered, "
                        + failed.size() + " not delivered");
                failed.forEach(m -> w.println("  " + line(m)));
                w.flush();
            }
            return failed.isEmpty() ? Cli.OK : Cli.FAILURE;
        }
    }
}
