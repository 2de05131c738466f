package io.facecard.application.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many refused notifications of one webhook (provider and account id, or "unknown") are written down per
 * minute. A refused notification changes nothing, but each one recorded is a row: a forger posting as fast as
 * the network allows would fill the table. An operator needs the first few of a burst and the count of the rest,
 * which the log line gives. Per replica; the window restarts every minute.
 */
final class RejectionLog {
    static final int PER_MINUTE = 10;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** At most this many webhooks are tracked: a forger inventing account ids cannot grow it without bound. */
    private static final int MAX_KEYS = 10_000;

    private record Window(Instant start, int count) {}

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    /** @return whether this refusal is to be recorded (false: over the minute's budget, only counted) */
    boolean record(String webhook, Instant now) {
        if (windows.size() > MAX_KEYS) {
            windows.entrySet().removeIf(e -> !e.getValue().start().plus(WINDOW).isAfter(now));
        }
        Window w = windows.compute(webhook, (k, old) -> old == null || !old.start().plus(WINDOW).isAfter(now)
                ? new Window(now, 1) : new Window(old.start(), old.count() + 1));
        return w.count() <= PER_MINUTE;
    }
}
