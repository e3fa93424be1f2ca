package io.spinekit.wes;

import io.spinekit.core.BoundedFiles;
import io.spinekit.core.FileReadException;
import io.spinekit.core.Text;
import io.spinekit.wes.internal.CellValue;
import io.spinekit.wes.internal.WesColumn;
import io.spinekit.wes.internal.WesRow;
import io.spinekit.wes.internal.WesTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Warranted Environment Specification (WES): its two tables as data, and assessments of client
 * environments against them. The entry point of wes-core.
 *
 * <pre>{@code
 * Wes wes = Wes.bundled();                                   // edition of 1 September 2021
 * Assessment a = wes.assess(Application.SPINE_SCR,
 *         ClientEnvironment.parse("Windows 10 21H2 64-bit", "Chrome"));
 * a.verdict();      // SUPPORTED_WITH_CONDITIONS
 * a.conditions();   // Chrome needs the Chrome extension (footnote ****)
 *
 * wes.assessUserAgent(Application.CARE_IDENTITY_SERVICE, request.getHeader("User-Agent"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Wes {
    /** The bundled data file, on the class path. */
    public static final String BUNDLED_RESOURCE = "/io/spinekit/wes/wes-2021-09-01.json";
    /** The largest WES data file or stream read: 4 MiB (the bundled one is about 8 KiB). */
    public static final long MAX_DATA_BYTES = 4L * 1024 * 1024;
    /** The time zone "today" is taken in. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private final WesData.Loaded data;
    private final Clock clock;

    private Wes(WesData.Loaded data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    private static final class Bundled {
        static final Wes INSTANCE = load();

        private static Wes load() {
            InputStream in = Wes.class.getResourceAsStream(BUNDLED_RESOURCE);
            if (in == null) {
                throw new WesDataException("bundled WES data " + BUNDLED_RESOURCE + " is missing from the class path");
            }
            return Wes.load(in, BUNDLED_RESOURCE);
        }
    }

    /**
     * The bundled WES edition (last edited 1 September 2021), loaded and checked once.
     *
     * @return the WES
     * @throws WesDataException if the bundled data fails its checks
     */
    public static Wes bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * Loads and checks a WES data file in the bundled format ({@code spinekit-wes/1}), e.g. a newer edition.
     *
     * @param in the data, at most {@link #MAX_DATA_BYTES}; closed when read
     * @param sourceName a name for messages
     * @return the WES
     * @throws WesDataException naming the source and the place when the data is malformed or inconsistent
     */
    public static Wes load(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        byte[] bytes;
        try (InputStream s = in) {
            bytes = s.readNBytes((int) MAX_DATA_BYTES + 1);
        } catch (IOException e) {
            throw new WesDataException("cannot read WES data " + Text.quote(sourceName, 200) + ": "
                    + Text.quote(String.valueOf(e.getMessage())), e);
        }
        if (bytes.length > MAX_DATA_BYTES) {
            throw new WesDataException("cannot read WES data " + Text.quote(sourceName, 200)
                    + ": it is larger than the limit of " + BoundedFiles.describe(MAX_DATA_BYTES) + "; is this the right file?");
        }
        return new Wes(WesData.load(new ByteArrayInputStream(bytes), sourceName), Clock.system(ZONE));
    }

    /**
     * Loads and checks a WES data file of at most {@link #MAX_DATA_BYTES}.
     *
     * @param file the file
     * @return the WES
     * @throws WesDataException naming the file and the place when unreadable (missing, permission
     *     denied, over the limit), malformed or inconsistent
     */
    public static Wes load(Path file) {
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(file, MAX_DATA_BYTES, "WES data file");
        } catch (FileReadException e) {
            throw new WesDataException(e.getMessage(), e);
        }
        return load(new ByteArrayInputStream(bytes), file.toString());
    }

    /**
     * A copy that takes "today" from another clock (for the assessments without a date).
     *
     * @param newClock the clock
     * @return the copy
     */
    public Wes withClock(Clock newClock) {
        return new Wes(data, Objects.requireNonNull(newClock, "clock"));
    }

    /**
     * Today in Europe/London, by this instance's clock.
     *
     * @return today
     */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /**
     * The edition the data comes from.
     *
     * @return the edition
     */
    public WesEdition edition() {
        return data.edition();
    }

    /**
     * The table "NHS Digital Smartcard enabled system".
     *
     * <p>The table model is in {@code io.spinekit.wes.internal}, which carries no compatibility
     * promise; to ask what the WES warrants, use {@link #assess(Application, ClientEnvironment)}.
     *
     * @return the table
     */
    public WesTable systems() {
        return data.systems();
    }

    /**
     * The table "NHS Digital approved authenticators".
     *
     * <p>The table model is in {@code io.spinekit.wes.internal}, which carries no compatibility
     * promise; to ask what the WES warrants, use {@link #assess(Application, ClientEnvironment)}.
     *
     * @return the table
     */
    public WesTable authenticators() {
        return data.authenticators();
    }

    /**
     * One of the tables (the table model carries no compatibility promise, see {@link #systems()}).
     *
     * @param id which
     * @return the table
     */
    public WesTable table(WesTableId id) {
        return id == WesTableId.SYSTEMS ? systems() : authenticators();
    }

    /**
     * The vendor end-of-support dates known (public vendor lifecycle dates, not part of the WES).
     *
     * @return the dates
     */
    public List<EndOfSupport> endOfSupport() {
        return data.endOfSupport();
    }

    /**
     * Where the end-of-support dates come from.
     *
     * @return the provenance
     */
    public String endOfSupportProvenance() {
        return data.endOfSupportProvenance();
    }

    /**
     * The vendor end-of-support date of an operating system.
     *
     * @param product the product
     * @return the date, empty when none is recorded (never guessed)
     */
    public Optional<EndOfSupport> endOfSupport(OsProduct product) {
        return data.endOfSupport().stream().filter(e -> e.product().equals(product.name())).findFirst();
    }

    /**
     * The vendor end-of-support date of a browser.
     *
     * @param product the product
     * @return the date, empty when none is recorded (never guessed)
     */
    public Optional<EndOfSupport> endOfSupport(BrowserProduct product) {
        return data.endOfSupport().stream().filter(e -> e.product().equals(product.name())).findFirst();
    }

    /**
     * Assesses a client environment for a smartcard-enabled system, with end-of-support warnings as of today.
     *
     * @param application the system
     * @param environment the client environment
     * @return the assessment
     */
    public Assessment assess(Application application, ClientEnvironment environment) {
        return assess(application, environment, today());
    }

    /**
     * Assesses a client environment for a smartcard-enabled system.
     *
     * @param application the system
     * @param environment the client environment
     * @param date the date for end-of-support warnings
     * @return the assessment
     */
    public Assessment assess(Application application, ClientEnvironment environment, LocalDate date) {
        return Assessor.assess(systems(), row(systems(), application.name()), Objects.requireNonNull(environment, "environment"),
                Objects.requireNonNull(date, "date"), edition().date(), endOfSupport());
    }

    /**
     * Assesses a client environment for an approved authenticator, with end-of-support warnings as of today.
     *
     * @param authenticator the authenticator
     * @param environment the client environment (its JRE is not assessed: the table has no JRE column)
     * @return the assessment
     */
    public Assessment assess(Authenticator authenticator, ClientEnvironment environment) {
        return assess(authenticator, environment, today());
    }

    /**
     * Assesses a client environment for an approved authenticator.
     *
     * @param authenticator the authenticator
     * @param environment the client environment (its JRE is not assessed: the table has no JRE column)
     * @param date the date for end-of-support warnings
     * @return the assessment
     */
    public Assessment assess(Authenticator authenticator, ClientEnvironment environment, LocalDate date) {
        return Assessor.assess(authenticators(), row(authenticators(), authenticator.name()),
                Objects.requireNonNull(environment, "environment"), Objects.requireNonNull(date, "date"), edition().date(),
                endOfSupport());
    }

    /**
     * Assesses a visitor's browser, from its User-Agent header, for a smartcard-enabled system, as of today.
     *
     * @param application the system
     * @param userAgentHeader the {@code User-Agent} header
     * @return the assessment; what the header cannot show is a condition
     * @throws WesException when the header is empty or too long
     */
    public Assessment assessUserAgent(Application application, String userAgentHeader) {
        return assessUserAgent(application, UserAgent.parse(userAgentHeader), Optional.empty(), false, today());
    }

    /**
     * Assesses a visitor's browser, from its User-Agent header and client hints, for a
     * smartcard-enabled system, as of today. The hints settle Windows 10 or 11 and the bitness where
     * the header cannot; ask for them with an {@code Accept-CH: }{@link ClientHints#ACCEPT_CH} response header.
     *
     * @param application the system
     * @param userAgentHeader the {@code User-Agent} header
     * @param hints the client hints sent with it, e.g. {@code ClientHints.fromHeaders(request::getHeader)}
     * @return the assessment; what the header and hints cannot show is a condition
     * @throws WesException when the header is empty or too long
     */
    public Assessment assessUserAgent(Application application, String userAgentHeader, ClientHints hints) {
        return assessUserAgent(application, UserAgent.parse(userAgentHeader, hints), Optional.empty(), false, today());
    }

    /**
     * Assesses a visitor's browser, from its User-Agent, for a smartcard-enabled system.
     *
     * <p>The header may fit several environments (Windows 10 or 11; Windows 7 or Server 2008 R2...).
     * Each is assessed; the verdict is the most favourable one, and when another reading would be
     * worse the assessment carries a {@link ConditionKind#USER_AGENT_AMBIGUOUS} condition saying what to confirm.
     *
     * @param application the system
     * @param userAgent the parsed header
     * @param jre the JRE, which a User-Agent does not show
     * @param citrix whether delivered through Citrix XenApp
     * @param date the date for end-of-support warnings
     * @return the assessment
     */
    public Assessment assessUserAgent(Application application, UserAgent userAgent, Optional<JavaRuntime> jre, boolean citrix,
            LocalDate date) {
        return viaUserAgent(systems(), row(systems(), application.name()), userAgent, jre, citrix, date);
    }

    /**
     * Assesses a visitor's device, from its User-Agent header, for an approved authenticator, as of today.
     *
     * @param authenticator the authenticator
     * @param userAgentHeader the {@code User-Agent} header
     * @return the assessment
     * @throws WesException when the header is empty or too long
     */
    public Assessment assessUserAgent(Authenticator authenticator, String userAgentHeader) {
        return assessUserAgent(authenticator, UserAgent.parse(userAgentHeader), false, today());
    }

    /**
     * Assesses a visitor's device, from its User-Agent header and client hints, for an approved
     * authenticator, as of today.
     *
     * @param authenticator the authenticator
     * @param userAgentHeader the {@code User-Agent} header
     * @param hints the client hints sent with it
     * @return the assessment
     * @throws WesException when the header is empty or too long
     */
    public Assessment assessUserAgent(Authenticator authenticator, String userAgentHeader, ClientHints hints) {
        return assessUserAgent(authenticator, UserAgent.parse(userAgentHeader, hints), false, today());
    }

    /**
     * Assesses a visitor's device, from its User-Agent, for an approved authenticator.
     *
     * @param authenticator the authenticator
     * @param userAgent the parsed header
     * @param citrix whether used through Citrix XenApp
     * @param date the date for end-of-support warnings
     * @return the assessment
     */
    public Assessment assessUserAgent(Authenticator authenticator, UserAgent userAgent, boolean citrix, LocalDate date) {
        return viaUserAgent(authenticators(), row(authenticators(), authenticator.name()), userAgent, Optional.empty(), citrix,
                date);
    }

    private static WesRow row(WesTable table, String key) {
        return table.row(key).orElseThrow(() -> new WesDataException("WES data has no row " + key + " in " + table.title()));
    }

    private Assessment viaUserAgent(WesTable table, WesRow row, UserAgent ua, Optional<JavaRuntime> jre, boolean citrix,
            LocalDate date) {
        Objects.requireNonNull(ua, "userAgent");
        Objects.requireNonNull(date, "date");
        List<Reason> head = new ArrayList<>();
        head.add(new Reason(Reason.Outcome.INFO, Optional.empty(), Optional.empty(), "User-Agent read as: " + ua.describe() + "."));
        ua.notes().forEach(n -> head.add(new Reason(Reason.Outcome.INFO, Optional.empty(), Optional.empty(), n)));
        List<ClientEnvironment> environments = ua.environments(jre, citrix);
        if (environments.isEmpty()) {
            head.add(new Reason(Reason.Outcome.NOT_MET, Optional.empty(), Optional.empty(),
                    "The User-Agent names no operating system the WES lists."));
            return new Assessment(table.id(), row.label(), Optional.empty(), Optional.of(ua), date, edition().date(),
                    Verdict.NOT_SUPPORTED, List.of(), List.copyOf(head), List.of());
        }
        boolean browserRow = row.cells().stream().anyMatch(c -> c.column().kind() == WesColumn.Kind.BROWSER
                && c.value() != CellValue.NOT_APPLICABLE);
        if (ua.browser().isEmpty() && browserRow) {
            head.add(new Reason(Reason.Outcome.NOT_MET, Optional.empty(), Optional.empty(),
                    "The User-Agent names no browser the WES lists."));
        }
        Map<OsProduct, Assessment> each = new LinkedHashMap<>();
        for (ClientEnvironment env : environments) {
            each.put(env.os().product(), Assessor.assess(table, row, env, date, edition().date(), endOfSupport()));
        }
        Assessment best = each.values().stream().min(Comparator.comparing(Assessment::verdict)).orElseThrow();
        List<Reason> reasons = new ArrayList<>(head);
        reasons.addAll(best.reasons());
        List<Condition> conditions = new ArrayList<>(best.conditions());
        Map<Verdict, List<String>> worse = new java.util.EnumMap<>(Verdict.class);
        for (Assessment a : each.values()) {
            if (a == best) {
                continue;
            }
            String product = a.environment().orElseThrow().os().product().label();
            String why = a.failures().stream().findFirst().map(r -> " (" + r.message() + ")").orElse("");
            reasons.add(new Reason(Reason.Outcome.INFO, Optional.empty(), Optional.empty(), "If the device runs " + product
                    + ": " + a.verdict() + why));
            if (a.verdict().compareTo(best.verdict()) > 0) {
                worse.computeIfAbsent(a.verdict(), v -> new ArrayList<>()).add(product);
            }
        }
        boolean failed = best.verdict() == Verdict.NOT_SUPPORTED || (ua.browser().isEmpty() && browserRow);
        String assumed = best.environment().orElseThrow().os().product().label();
        if (!failed && !worse.isEmpty()) {
            List<String> parts = new ArrayList<>();
            worse.forEach((v, products) -> parts.add(String.join(", ", products) + " would be " + v));
            String text = "The User-Agent cannot tell " + assumed + " from " + String.join(", ", worse.values().stream()
                    .flatMap(List::stream).toList()) + ": confirm the device runs " + assumed + " ("
                    + String.join("; ", parts) + ").";
            conditions.add(new Condition(ConditionKind.USER_AGENT_AMBIGUOUS, Optional.empty(), text));
            reasons.add(new Reason(Reason.Outcome.CONDITION, Optional.empty(), Optional.empty(), text));
        }
        Verdict verdict = failed ? Verdict.NOT_SUPPORTED
                : conditions.isEmpty() ? Verdict.SUPPORTED : Verdict.SUPPORTED_WITH_CONDITIONS;
        return new Assessment(table.id(), row.label(), best.environment(), Optional.of(ua), date, edition().date(), verdict,
                failed ? List.of() : List.copyOf(conditions), List.copyOf(reasons), best.warnings());
    }
}
