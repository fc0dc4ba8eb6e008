package io.bridgehead.shared.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.io.Serial;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets per key (an IP address, say), held in memory on this node and bounded so that many keys cannot
 * exhaust memory: the least recently used key is forgotten first.
 */
public class RateLimiter {

    private static final int MAX_KEYS = 10_000;

    private final long capacity;
    private final Duration period;
    private final Map<String, Bucket> buckets = new LeastRecentlyUsed();

    public RateLimiter(long capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
    }

    /** Takes one token for the key; false when the key has used up its allowance for now. */
    public boolean tryAcquire(String key) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> newBucket());
        }
        return bucket.tryConsume(1);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(capacity, period)
                        .build())
                .build();
    }

    /** In access order, forgetting the least recently used key beyond {@link #MAX_KEYS}. */
    private static final class LeastRecentlyUsed extends LinkedHashMap<String, Bucket> {

        @Serial
        private static final long serialVersionUID = 1L;

        LeastRecentlyUsed() {
            super(256, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    }
}
