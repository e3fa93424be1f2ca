package io.spinekit.ldap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each distinct {@link SdsWarning} of one {@link SdsClient} once, at WARN, however many look-ups
 * (cache keys) read the record that holds it: a route, the accredited systems by interaction and by
 * party key all read the same {@code nhsAs} entry, and each used to log its skipped values again.
 * Remembers at most {@value #REMEMBERED} warnings (then the least recently seen is forgotten and
 * may be logged again). Thread-safe.
 */
final class SdsWarnings {
    private static final Logger LOG = LoggerFactory.getLogger(SdsWarnings.class);
    /** How many distinct warnings are remembered. */
    static final int REMEMBERED = 10_000;

    private final Cache<SdsWarning, Boolean> seen = Caffeine.newBuilder().maximumSize(REMEMBERED)
            .executor(Runnable::run).build();
    private final Consumer<String> sink;

    SdsWarnings() {
        this(message -> LOG.warn("{}", message));
    }

    /** @param sink where a first-seen warning's message goes (a test seam) */
    SdsWarnings(Consumer<String> sink) {
        this.sink = sink;
    }

    /** Logs the warnings not logged before. */
    void logOnce(Collection<SdsWarning> warnings) {
        for (SdsWarning w : warnings) {
            if (seen.asMap().putIfAbsent(w, Boolean.TRUE) == null) {
                sink.accept(w.message());
            }
        }
    }
}
