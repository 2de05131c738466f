package io.facecard.domain.crm;

import java.time.Duration;
import java.time.Instant;

/**
 * When a webhook delivery is tried again, when it is given up, and when its endpoint is switched off. A failed
 * attempt waits 10 s doubled per attempt, at most an hour, with "full jitter" drawn by the caller (so many deliveries
 * failing together do not come back together); a delivery is tried for {@code window} from its first attempt (a day),
 * and an endpoint that has answered nothing but failures for {@code window} is disabled.
 */
public record DeliveryPolicy(Duration first, Duration longest, Duration window) {
    public static final DeliveryPolicy STANDARD = new DeliveryPolicy(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofDays(1));

    public DeliveryPolicy {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a policy needs 0 < first <= longest and a positive window");
        }
    }

    /**
     * The wait after failed attempt number {@code attempts} (1 for the first).
     *
     * @param jitter a uniform draw in [0, 1): the wait is between half the backoff and the whole of it
     */
    public Duration backoff(int attempts, double jitter) {
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        long cap = longest.toMillis();
        long base = first.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long full = Math.min(cap, base);
        return Duration.ofMillis(full / 2 + (long) (full / 2.0 * jitter));
    }

    /** True when a delivery whose window began at {@code windowStart} must not be tried again after a failure at {@code now}. */
    public boolean givesUp(Instant windowStart, Instant now, Duration nextWait) {
        return !now.plus(nextWait).isBefore(windowStart.plus(window));
    }

    /** True when an endpoint failing without a success since {@code failingSince} is to be disabled at {@code now}. */
    public boolean disables(Instant failingSince, Instant now) {
        return failingSince != null && !now.isBefore(failingSince.plus(window));
    }
}
