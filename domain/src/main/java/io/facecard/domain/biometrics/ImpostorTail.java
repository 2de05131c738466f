package io.facecard.domain.biometrics;

import io.facecard.domain.Published;

/**
 * The upper tail of a face model's impostor scores (two different people), fitted as an
 * exponential above {@code from}: P(score ≥ s) = share · e^(−(s − from)/scale). One-to-many
 * identification compares a probe with every template of the gallery, so its false-accept rate
 * grows with the gallery: a threshold that is safe for 1,000 templates is not for 100,000.
 * Rates far below what the evaluation sets can measure (about 1e-9 a comparison) are extrapolated
 * from this fit; an exponential falls more slowly than the measured tail, so it errs on the safe side.
 *
 * @param from the score above which the fit holds
 * @param share the measured share of impostor comparisons at or above {@code from}
 * @param scale the fitted exponential scale (mean excess above {@code from})
 */
@Published("how often strangers score a distance, which the settings of every context that matches read")
public record ImpostorTail(double from, double share, double scale) {
    public ImpostorTail {
        if (!(share > 0 && share <= 1) || !(scale > 0)) {
            throw new IllegalArgumentException("an impostor tail needs 0 < share <= 1 and scale > 0");
        }
    }

    /** The chance that one impostor comparison scores at least {@code score} (the measured share below {@code from}). */
    public double perComparison(double score) {
        return score <= from ? share : share * Math.exp(-(score - from) / scale);
    }

    /** Expected false accepts per 10,000 identifications of non-enrolled people against {@code templates} templates. */
    public double falseAcceptsPer10k(double threshold, long templates) {
        return Math.min(10_000, 10_000.0 * Math.max(1, templates) * perComparison(threshold));
    }

    /** The lowest threshold at which a gallery of {@code templates} expects at most {@code per10k} false accepts per 10,000. */
    public double thresholdFor(long templates, double per10k) {
        double allowed = per10k / 10_000.0 / Math.max(1, templates);
        if (allowed >= share) {
            return from;
        }
        // Rounded up by a billionth: exp(log(x)) may come back a hair above x, and "at most" must hold exactly.
        return from + scale * Math.log(share / allowed) + 1e-9;
    }
}
