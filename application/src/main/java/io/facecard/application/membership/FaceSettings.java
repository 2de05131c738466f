package io.facecard.application.membership;

import io.facecard.domain.membership.ImpostorTail;
import io.facecard.domain.membership.MatchPolicy;
import io.facecard.domain.refusal.Refusal;

/**
 * A tenant's face-matching settings. The threshold a till uses is the larger of the admin's
 * {@code matchThreshold} and the one the gallery's size calls for: a gallery of 100,000 templates
 * meets 100 times more look-alikes per identification than one of 1,000, so the score needed
 * grows until the expected false accepts per 10,000 identifications of strangers are at most
 * {@code falseAcceptsPer10k}. {@code confidentThreshold} (null: derived, a hundred times fewer
 * false accepts) is where a clear best candidate is taken without the customer confirming.
 * Liveness, where required, refuses a face scoring below {@code minLiveness} as a SPOOF.
 * {@code refreshFromTill} (opt-in) lets a confident or confirmed till match add the photo's template.
 */
public record FaceSettings(double matchThreshold, Double confidentThreshold, double ambiguityMargin, int minFacePixels,
        double falseAcceptsPer10k, boolean livenessForLoyalty, boolean livenessForPayments, double minLiveness,
        boolean refreshFromTill) {
    /**
     * Liveness off for loyalty (a wrong bonus balance is cheap; the model refuses 6.5 % of real photos at
     * 0.5), on for payments; 0.5 from LivenessBenchmark.
     */
    public static final FaceSettings DEFAULT = new FaceSettings(0.40, null, 0.05, 60, 1.0, false, true, 0.5, false);
    /** A derived confident score expects this share of the allowed false accepts. */
    static final double CONFIDENT_SHARE = 0.01;

    /**
     * What the tenant's till uses now.
     *
     * @param templates the face templates searched (the tenant's gallery)
     * @param falseAcceptsPer10k expected identifications of a stranger at or above {@code matchThreshold}, per 10,000
     * @param falseMatchesPer10k the same at or above {@code confidentThreshold} (a stranger taken without asking)
     */
    public record Effective(double matchThreshold, double confidentThreshold, double ambiguityMargin, long templates,
            double falseAcceptsPer10k, double falseMatchesPer10k) {
        public MatchPolicy policy() {
            return new MatchPolicy(matchThreshold, confidentThreshold, ambiguityMargin);
        }
    }

    public FaceSettings {
        if (matchThreshold < 0.2 || matchThreshold > 0.95) {
            throw Refusal.invalid("'matchThreshold' must be between 0.2 and 0.95");
        }
        if (confidentThreshold != null && (confidentThreshold < 0.2 || confidentThreshold > 0.99)) {
            throw Refusal.invalid("'confidentThreshold' must be between 0.2 and 0.99, or null to derive it");
        }
        if (ambiguityMargin < 0 || ambiguityMargin > 0.5) {
            throw Refusal.invalid("'ambiguityMargin' must be between 0 and 0.5");
        }
        if (minFacePixels < 20 || minFacePixels > 2000) {
            throw Refusal.invalid("'minFacePixels' must be between 20 and 2000");
        }
        if (!(falseAcceptsPer10k >= 0.001 && falseAcceptsPer10k <= 1000)) {
            throw Refusal.invalid("'falseAcceptsPer10k' must be between 0.001 and 1000");
        }
        if (!(minLiveness >= 0 && minLiveness <= 1)) {
            throw Refusal.invalid("'minLiveness' must be between 0 and 1");
        }
    }

    public Effective effective(long templates, ImpostorTail tail) {
        double threshold = Math.max(matchThreshold, tail.thresholdFor(templates, falseAcceptsPer10k));
        double confident = Math.max(threshold, confidentThreshold != null ? confidentThreshold
                : tail.thresholdFor(templates, falseAcceptsPer10k * CONFIDENT_SHARE));
        return new Effective(threshold, confident, ambiguityMargin, templates, tail.falseAcceptsPer10k(threshold, templates),
                tail.falseAcceptsPer10k(confident, templates));
    }
}
