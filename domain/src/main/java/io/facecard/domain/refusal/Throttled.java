package io.facecard.domain.refusal;

import java.time.Duration;

/** A refusal that tells the caller how long to wait before the same request can succeed. */
public class Throttled extends Refusal {
    private final transient Duration retryAfter;

    public Throttled(Rule rule, Duration retryAfter, String detail) {
        super(rule, detail);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one: what an HTTP Retry-After can say. */
    public long retryAfterSeconds() {
        long s = (retryAfter.toMillis() + 999) / 1000;
        return Math.max(1, s);
    }
}
