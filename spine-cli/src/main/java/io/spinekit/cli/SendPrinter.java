package io.spinekit.cli;

import io.spinekit.ldap.Route;
import io.spinekit.messaging.EbxmlError;
import io.spinekit.messaging.FaultError;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.messaging.Workflow;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one printer of what {@code spine messaging send} did, as text or JSON: a send's outcome
 * (acknowledged, answered, nacked, faulted, failed) and, with {@code --store ... --no-wait}, a
 * reliable message accepted into the store with delivery pending. Both print the same fields
 * ({@code messageId}, {@code conversationId}, {@code workflow}, {@code outcome}, {@code attempts},
 * {@code errors}, {@code failure}, {@code failureDetail}, {@code route}); an accepted message adds
 * {@code store}, a synchronous answer {@code responseBody}.
 */
final class SendPrinter {
    private SendPrinter() {
    }

    /** {@code spine messaging send}: the outcome of a send. */
    static void outcome(CommandSpec spec, boolean json, SendOutcome out, Route route) {
        List<Map<String, Object>> errors = errors(out);
        Map<String, Object> extra = new LinkedHashMap<>();
        out.responseBody().ifPresent(b -> extra.put("responseBody", new String(b, StandardCharsets.UTF_8)));
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> e : errors) {
            lines.add("  error " + e.get("code") + " (" + e.get("severity") + "): " + e.get("description"));
        }
        out.failure().ifPresent(f -> lines.add("  failed (" + f + "): " + out.failureDetail()));
        out.responseBody().ifPresent(b -> lines.add(new String(b, StandardCharsets.UTF_8)));
        print(spec, json, new Printed(out.outcome().name(), out.messageId(), out.conversationId(), out.workflow(),
                out.attempts(), "", errors, out.failure().map(Enum::name), out.failureDetail(), extra, route, lines));
    }

    /** {@code spine messaging send --store ... --no-wait}: the message is stored, delivery pending. */
    static void accepted(CommandSpec spec, boolean json, String messageId, String conversationId, Workflow workflow,
            Route route, MessageStore store) {
        print(spec, json, new Printed("ACCEPTED", messageId, conversationId, workflow, 0, ", stored in " + store
                + "; delivery pending (spine messaging pending / drain --store ...)", List.of(), Optional.empty(), "",
                Map.of("store", store.toString()), route, List.of()));
    }

    /** {@code spine messaging send} when SDS has no route: nothing was sent. */
    static void noRoute(CommandSpec spec, boolean json, String why, String reason) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("outcome", SendOutcome.Outcome.FAILED.name());
            m.put("failure", "NO_ROUTE");
            m.put("reason", reason);
            m.put("message", why);
            m.put("attempts", 0);
            m.put("errors", List.of());
            m.put("route", null);
            Cli.printJson(spec, m);
        } else {
            Cli.out(spec).println("No route: " + why);
            Cli.out(spec).flush();
        }
    }

    /** What one send printed: the shared fields, extra JSON fields and extra text lines. */
    private record Printed(String outcome, String messageId, String conversationId, Workflow workflow, int attempts,
            String textTail, List<Map<String, Object>> errors, Optional<String> failure, String failureDetail,
            Map<String, Object> extraJson, Route route, List<String> extraLines) {
    }

    private static void print(CommandSpec spec, boolean json, Printed p) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("messageId", p.messageId());
            m.put("conversationId", p.conversationId());
            m.put("workflow", p.workflow().name());
            m.put("outcome", p.outcome());
            m.put("attempts", p.attempts());
            m.put("errors", p.errors());
            m.put("failure", p.failure().orElse(null));
            m.put("failureDetail", p.failureDetail().isEmpty() ? null : p.failureDetail());
            m.putAll(p.extraJson());
            m.put("route", p.route() == null ? null : SdsCommand.routeJson(p.route()));
            Cli.printJson(spec, m);
            return;
        }
        PrintWriter w = Cli.out(spec);
        w.println(p.outcome() + ": message " + p.messageId() + " (conversation " + p.conversationId() + "), "
                + p.workflow().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", " + p.attempts()
                + (p.attempts() == 1 ? " attempt" : " attempts") + p.textTail());
        if (p.route() != null) {
            w.println("  to " + p.route().partyKey() + " at " + p.route().endpoint() + " (ASID " + p.route().asid()
                    + ", CPA id " + p.route().cpaId() + ")");
        }
        p.extraLines().forEach(w::println);
        w.flush();
    }

    private static List<Map<String, Object>> errors(SendOutcome out) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (EbxmlError e : out.ebxmlErrors()) {
            list.add(error(e.errorCode(), e.severity(), e.description().orElse(null), e.codeContext()));
        }
        for (FaultError e : out.faultErrors()) {
            list.add(error(e.errorCode(), e.severity().orElse(null), e.description().orElse(null),
                    e.codeContext().orElse(null)));
        }
        return list;
    }

    private static Map<String, Object> error(String code, String severity, String description, String context) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("severity", severity);
        m.put("description", description);
        m.put("codeContext", context);
        return m;
    }
}
