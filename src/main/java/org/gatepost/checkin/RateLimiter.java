package org.gatepost.checkin;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} requests per key within any window of the given length (a sliding
 * log, so there is no window edge at which twice the limit passes). In this process's memory:
 * each instance of the application counts on its own.
 */
final class RateLimiter {

    /** Keys kept before those idle for a whole window are forgotten. */
    private static final int TIDY_ABOVE = 10_000;

    private final Map<String, Deque<Long>> log = new ConcurrentHashMap<>();
    private final long windowMillis;

    RateLimiter(Duration window) {
        this.windowMillis = window.toMillis();
    }

    /**
     * Counts a request for {@code key} at {@code now} if fewer than {@code limit} were counted
     * within the window; answers 0 then, else the seconds until one leaves the window (not counted).
     */
    long take(String key, int limit, long now) {
        if (log.size() > TIDY_ABOVE) {
            log.values().removeIf(times -> {
                synchronized (times) {
                    return times.isEmpty() || times.peekLast() <= now - windowMillis;
                }
            });
        }
        Deque<Long> times = log.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                long wait = times.peekFirst() + windowMillis - now;
                return Math.max(1, (wait + 999) / 1000);
            }
            times.addLast(now);
            return 0;
        }
    }
}
