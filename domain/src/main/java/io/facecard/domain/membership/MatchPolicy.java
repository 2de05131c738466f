package io.facecard.domain.membership;

/**
 * How a tenant turns similarity scores into an answer at the till: the best candidate must reach
 * the threshold, and a runner-up that also reaches it must trail by at least the margin, or the
 * till cannot tell the two apart (two members too alike, twins, one person enrolled twice).
 */
public record MatchPolicy(double threshold, double margin) {
    public enum Verdict { MATCH, NO_MATCH, AMBIGUOUS }

    /** @param best the top candidate's score; @param runnerUp the second best's, or {@code NaN} when there is none */
    public Verdict decide(double best, double runnerUp) {
        if (Double.isNaN(best) || best < threshold) {
            return Verdict.NO_MATCH;
        }
        if (!Double.isNaN(runnerUp) && runnerUp >= threshold && best - runnerUp < margin) {
            return Verdict.AMBIGUOUS;
        }
        return Verdict.MATCH;
    }

    /** One-to-one verification of a claimed member: only the threshold counts. */
    public boolean accepts(double score) {
        return score >= threshold;
    }
}
