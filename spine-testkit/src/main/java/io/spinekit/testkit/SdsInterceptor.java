package io.spinekit.testkit;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The search-time part of {@link EmbeddedSds}: the latency fault (every search waits before it is
 * answered) and the observation of searches (a count and the last 1,000 filters, health checks of
 * the root DSE excluded). Thread-safe.
 */
final class SdsInterceptor extends InMemoryOperationInterceptor {
    private static final int MAX_FILTERS = 1000;

    private final AtomicLong latencyMillis = new AtomicLong();
    private final AtomicLong searches = new AtomicLong();
    private final List<String> filters = new ArrayList<>();

    void latency(Duration delay) {
        latencyMillis.set(delay.toMillis());
    }

    long searchCount() {
        return searches.get();
    }

    List<String> searchFilters() {
        synchronized (filters) {
            return List.copyOf(filters);
        }
    }

    void resetSearchCount() {
        searches.set(0);
        synchronized (filters) {
            filters.clear();
        }
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        long delay = latencyMillis.get();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!request.getRequest().getBaseDN().isEmpty()) {
            searches.incrementAndGet();
            synchronized (filters) {
                if (filters.size() >= MAX_FILTERS) {
                    filters.remove(0);
                }
                filters.add(request.getRequest().getFilter().toString());
            }
        }
    }
}
