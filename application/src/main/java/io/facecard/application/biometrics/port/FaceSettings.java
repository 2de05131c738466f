package io.facecard.application.biometrics.port;

import io.facecard.domain.biometrics.ImpostorTail;
import io.facecard.domain.biometrics.MatchPolicy;
import io.facecard.domain.refusal.Refusal;

/**
 * A tenant's face-matching settings, turned into three bands by risk for the gallery's size.
 * <ul>
 * <li>{@code MATCH} from the gallery-aware threshold at which identifications of strangers expect at most
 * {@code falseAcceptsPer10k} false accepts per 10,000 (a gallery of 100,000 templates meets 100 times more
 * look-alikes than one of 1,000, so the score needed grows), never below the admin's {@code matchThreshold};
 * an admin may demand more with {@code confidentThreshold}.</li>
 * <li>{@code CONFIRM} below it, down to a step-up floor where a stranger must also produce a candidate's last
 * four phone digits: the floor lets through as many strangers' faces as keep face × digits at the same
 * {@code falseAcceptsPer10k} (at most {@link #MAX_STEP_UPS_PER10K} asked, so strangers are rarely bothered).</li>
 * <li>Face-pay needs {@code paymentThreshold} (a hundred times fewer false accepts than loyalty) or a
 * step-up resolved with the digits, and liveness.</li>
 * </ul>
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
    /** Face-pay by our own match expects this share of loyalty's allowed false accepts. */
    static final double PAYMENT_SHARE = 0.01;
    /**
     * The chance that a stranger who reached a step-up produces a candidate's last four digits: each of
     * the at most {@link MatchPolicy#MAX_CANDIDATES} candidates takes {@link MatchPolicy#STEP_UP_TRIES_PER_MEMBER} wrong
     * tries across tokens before its step-up locks, out of 10,000 possible endings.
     */
    public static final double DIGIT_GUESS_CHANCE = MatchPolicy.MAX_CANDIDATES * MatchPolicy.STEP_UP_TRIES_PER_MEMBER / 10_000.0;
    /** However loose the tenant's risk, at most one stranger in ten is asked for digits (UX, not risk). */
    static final double MAX_STEP_UPS_PER10K = 1_000;

    /**
     * What the tenant's till uses now.
     *
     * @param matchThreshold the gallery-aware threshold for {@code falseAcceptsPer10k} (also 1:1 verification's and
     *     enrolment's "another member's face" test)
     * @param confidentThreshold where a clear best is taken without asking: the match threshold unless the admin set more
     * @param stepUpThreshold the floor of the CONFIRM band
     * @param paymentThreshold what a face-pay by our own match needs without a resolved step-up
     * @param falseAcceptsPer10k expected identifications of a stranger at or above {@code matchThreshold}, per 10,000
     * @param falseMatchesPer10k the same at or above {@code confidentThreshold} (a stranger taken without asking)
     * @param stepUpsPer10k strangers expected at or above {@code stepUpThreshold} (asked for digits), per 10,000
     * @param stepUpFalseAcceptsPer10k strangers expected through a step-up (face and digits), per 10,000
     * @param paymentFalseAcceptsPer10k the same at or above {@code paymentThreshold}
     */
    public record Effective(double matchThreshold, double confidentThreshold, double stepUpThreshold, double paymentThreshold,
            double ambiguityMargin, long templates, double falseAcceptsPer10k, double falseMatchesPer10k, double stepUpsPer10k,
            double stepUpFalseAcceptsPer10k, double paymentFalseAcceptsPer10k) {
        public MatchPolicy policy() {
            return new MatchPolicy(stepUpThreshold, confidentThreshold, ambiguityMargin);
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
        double match = Math.max(matchThreshold, tail.thresholdFor(templates, falseAcceptsPer10k));
        double confident = confidentThreshold == null ? match : Math.max(match, confidentThreshold);
        double faceShare = Math.min(MAX_STEP_UPS_PER10K, falseAcceptsPer10k / DIGIT_GUESS_CHANCE);
        double stepUp = Math.min(match, Math.max(matchThreshold, tail.thresholdFor(templates, faceShare)));
        double payment = Math.max(confident, tail.thresholdFor(templates, falseAcceptsPer10k * PAYMENT_SHARE));
        double stepUps = tail.falseAcceptsPer10k(stepUp, templates);
        return new Effective(match, confident, stepUp, payment, ambiguityMargin, templates,
                tail.falseAcceptsPer10k(match, templates), tail.falseAcceptsPer10k(confident, templates), stepUps,
                stepUps * DIGIT_GUESS_CHANCE, tail.falseAcceptsPer10k(payment, templates));
    }
}
