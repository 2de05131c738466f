package io.facecard.application.payment.port;

import io.facecard.domain.payment.PaymentTimings;
import io.facecard.domain.refusal.Refusal;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A tenant's face-pay settings.
 *
 * @param stripeFaceThreshold the face score a STRIPE_FACE payment needs (null: the tenant's confident
 *     threshold, where the gallery expects a hundredth of the loyalty match's false accepts)
 * @param perPaymentLimit the most one face-pay payment may charge, in the tenant's currency
 * @param livenessRequired whether a STRIPE_FACE payment needs the till photo to pass liveness
 * @param firstQuerySeconds after a charge with no answer, the first query
 * @param queryEverySeconds while the buyer is paying, the interval between queries
 * @param payWindowSeconds how long a charge may stay open before it is reversed
 * @param reverseNotBeforeSeconds the earliest a reversal may come after the charge
 */
public record PaymentSettings(Double stripeFaceThreshold, BigDecimal perPaymentLimit, boolean livenessRequired, int firstQuerySeconds,
        int queryEverySeconds, int payWindowSeconds, int reverseNotBeforeSeconds) {
    public static final PaymentSettings DEFAULT = new PaymentSettings(null, new BigDecimal("100"), true, 5, 10, 45, 15);
    /** How long one step may run (the provider call with its timeout and a margin) before another worker takes it over. */
    public static final Duration LEASE = Duration.ofSeconds(15);

    public PaymentSettings {
        if (stripeFaceThreshold != null && !(stripeFaceThreshold >= 0.3 && stripeFaceThreshold <= 0.99)) {
            throw Refusal.invalid("'stripeFaceThreshold' must be between 0.3 and 0.99, or null to use the confident threshold");
        }
        if (perPaymentLimit == null || perPaymentLimit.signum() <= 0 || perPaymentLimit.compareTo(new BigDecimal("1000000")) > 0) {
            throw Refusal.invalid("'perPaymentLimit' must be above 0 and at most 1000000");
        }
        if (firstQuerySeconds < 1 || queryEverySeconds < 1 || payWindowSeconds < queryEverySeconds || payWindowSeconds > 600
                || reverseNotBeforeSeconds < 1 || reverseNotBeforeSeconds > 600 || firstQuerySeconds > 60 || queryEverySeconds > 60) {
            throw Refusal.invalid("the poll timings must be 1-60 s, the window at least one query interval and at most 600 s,"
                    + " a reversal at most 600 s after the charge");
        }
    }

    /** Live providers set floors: WeChat Pay reverses no earlier than 15 s after the charge; nobody wants queries faster than every 3 s. */
    public void requireProviderFloors() {
        if (reverseNotBeforeSeconds < 15 || queryEverySeconds < 3 || firstQuerySeconds < 3) {
            throw Refusal.invalid("against the live providers, 'reverseNotBeforeSeconds' must be at least 15 and the query timings "
                    + "at least 3 s; only the sandbox runs faster");
        }
    }

    public PaymentTimings timings() {
        return new PaymentTimings(Duration.ofSeconds(firstQuerySeconds), Duration.ofSeconds(queryEverySeconds),
                Duration.ofSeconds(payWindowSeconds), Duration.ofSeconds(reverseNotBeforeSeconds), LEASE);
    }
}
