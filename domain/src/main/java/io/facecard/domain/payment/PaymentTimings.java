package io.facecard.domain.payment;

import java.time.Duration;

/**
 * When an open charge is looked at again. The providers' defaults: WeChat Pay queries 5 s after an
 * unknown answer and every 10 s while the buyer is paying, for about 45 s, and never reverses
 * earlier than 15 s after the charge; Alipay polls every 3-6 s for about 60 s. The sandbox runs
 * them faster so a demo and the tests stay short.
 *
 * @param lease how long one worker owns a step (a call with its timeout); a step older than this
 *     was cut off (a crash) and is taken over
 */
public record PaymentTimings(Duration firstQuery, Duration queryEvery, Duration payWindow, Duration reverseNotBefore,
        Duration lease) {
    public static final PaymentTimings PROVIDERS = new PaymentTimings(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(45), Duration.ofSeconds(15), Duration.ofSeconds(20));

    public PaymentTimings {
        if (firstQuery.isNegative() || queryEvery.isZero() || queryEvery.isNegative() || payWindow.compareTo(queryEvery) < 0
                || reverseNotBefore.isNegative() || lease.isZero() || lease.isNegative()) {
            throw new IllegalArgumentException("payment timings must be positive, and the window at least one query interval");
        }
    }
}
