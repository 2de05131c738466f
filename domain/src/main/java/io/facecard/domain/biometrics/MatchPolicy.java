package io.facecard.domain.biometrics;

import io.facecard.domain.Published;
import java.util.List;

/**
 * How a tenant turns similarity scores into an answer at the till, in three bands:
 * below {@code threshold} nothing matches; at or above {@code confident} with no other member
 * within {@code margin} the best is the member; anything between — a score that is plausible
 * but not sure, or two members too alike to tell apart (twins, one person enrolled twice) — asks
 * the customer to confirm (the last digits of their phone) instead of guessing.
 *
 * @param threshold the floor of the step-up band: below it nobody is a candidate
 * @param confident the score from which a clear best candidate is taken without asking
 * @param margin how far a runner-up at or above the threshold must trail for the best to be clear
 */
@Published("the verdict of a face search, which membership and payment act on")
public record MatchPolicy(double threshold, double confident, double margin) {
    /** At most this many candidates are offered to a step-up. */
    public static final int MAX_CANDIDATES = 3;
    /** Wrong digits a candidate may take, across step-up tokens, before its step-ups lock (the guess chance rests on it). */
    public static final int STEP_UP_TRIES_PER_MEMBER = 5;

    public enum Verdict { MATCH, CONFIRM, NO_MATCH }

    public MatchPolicy {
        if (confident < threshold) {
            confident = threshold;
        }
    }

    /**
     * @param best the top candidate's score; @param runnerUp the second best's, or {@code NaN} when there is none
     * @param sure whether the probe is good enough to be taken without asking (a poor photo only ever confirms)
     */
    public Verdict decide(double best, double runnerUp, boolean sure) {
        if (Double.isNaN(best) || best < threshold) {
            return Verdict.NO_MATCH;
        }
        boolean rival = !Double.isNaN(runnerUp) && runnerUp >= threshold && best - runnerUp < margin;
        return best >= confident && !rival && sure ? Verdict.MATCH : Verdict.CONFIRM;
    }

    /** The scores (best first) a step-up chooses among: every one at or above the threshold, at most {@link #MAX_CANDIDATES}. */
    public int candidates(List<Double> scoresBestFirst) {
        int n = 0;
        while (n < scoresBestFirst.size() && n < MAX_CANDIDATES && scoresBestFirst.get(n) >= threshold) {
            n++;
        }
        return n;
    }
}
