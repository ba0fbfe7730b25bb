package dev.attest.trustcenter.internal;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts access requests and subscriptions per client address in a sliding window, in memory:
 * enough to stop one address from flooding the forms (a node restart forgets the counts).
 */
@Component
class RateLimits {

    private final Map<String, Deque<Instant>> hits = new ConcurrentHashMap<>();
    private final TrustCenterProperties properties;
    private final Clock clock;

    RateLimits(TrustCenterProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Records one attempt of this kind from this address; false when the address is over its limit. */
    boolean allow(String kind, String address) {
        Instant now = clock.instant();
        Instant since = now.minus(properties.rateWindow());
        Deque<Instant> times = hits.computeIfAbsent(kind + "|" + address, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.pollFirst();
            }
            if (times.size() >= properties.rateLimit()) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    void clear() {
        hits.clear();
    }
}
