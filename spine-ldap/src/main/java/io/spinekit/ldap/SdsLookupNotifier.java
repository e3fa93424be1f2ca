package io.spinekit.ldap;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times each look-up of {@link SdsLookups} and tells the {@link SdsLookupListener}; a listener that
 * throws is logged and never changes the look-up. Without a listener nothing is timed.
 */
final class SdsLookupNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(SdsLookupListener.class);
    private static final Call NONE = new Call(null, null, 0);
    private final SdsLookupListener listener;
    private final String backend;

    SdsLookupNotifier(SdsLookupListener listener, String backend) {
        this.listener = listener;
        this.backend = backend;
    }

    Call start(SdsLookupEvent.Kind kind) {
        return listener == null ? NONE : new Call(this, kind, System.nanoTime());
    }

    /** One look-up in progress: whether it loaded (searched SDS) and when it started. */
    static final class Call {
        private final SdsLookupNotifier notifier;
        private final SdsLookupEvent.Kind kind;
        private final long started;
        private volatile boolean loaded;

        private Call(SdsLookupNotifier notifier, SdsLookupEvent.Kind kind, long started) {
            this.notifier = notifier;
            this.kind = kind;
            this.started = started;
        }

        /** The loader, noting that it ran (this call searched SDS: a miss). */
        <V> Supplier<V> loading(Supplier<V> loader) {
            if (notifier == null) {
                return loader;
            }
            return () -> {
                loaded = true;
                return loader.get();
            };
        }

        void ended(boolean found, boolean stale) {
            SdsLookupEvent.Cache cache = stale ? SdsLookupEvent.Cache.STALE
                    : loaded ? SdsLookupEvent.Cache.MISS : SdsLookupEvent.Cache.HIT;
            tell(found ? SdsLookupEvent.Outcome.FOUND : SdsLookupEvent.Outcome.NOT_FOUND, cache);
        }

        void failed(RuntimeException e) {
            tell(e instanceof SdsUnavailableException ? SdsLookupEvent.Outcome.UNAVAILABLE
                    : SdsLookupEvent.Outcome.ERROR, SdsLookupEvent.Cache.MISS);
        }

        private void tell(SdsLookupEvent.Outcome outcome, SdsLookupEvent.Cache cache) {
            if (notifier == null) {
                return;
            }
            SdsLookupEvent event = new SdsLookupEvent(notifier.backend, kind, outcome, cache,
                    Duration.ofNanos(System.nanoTime() - started));
            try {
                notifier.listener.lookedUp(event);
            } catch (RuntimeException e) {
                LOG.warn("the SDS look-up listener {} threw on a {} {} look-up; the look-up's answer stands",
                        notifier.listener.getClass().getName(), kind, outcome, e);
            }
        }
    }
}
