package io.facecard.marketing.attribution;

import io.facecard.marketing.port.CampaignAudience.Group;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A campaign's effect, treated group against holdout (intention to treat): the difference in
 * conversion rate with Newcombe's hybrid score interval (from the two Wilson intervals; sound at
 * small counts and rates near 0, where the Wald interval is not), and the difference in revenue
 * per member with a Welch (unequal variances) normal interval. Both at 95 %.
 */
public record Uplift(double conversionDifference, double[] conversionInterval, BigDecimal revenuePerMemberDifference,
        BigDecimal[] revenueInterval) {
    static final double Z = 1.959963984540054;

    /** @return null when a group is empty (no difference can be measured) */
    public static Uplift of(Group treated, Group control) {
        if (treated.members() == 0 || control.members() == 0) {
            return null;
        }
        double p1 = rate(treated);
        double p2 = rate(control);
        double[] w1 = wilson(treated.converted(), treated.members());
        double[] w2 = wilson(control.converted(), control.members());
        double d = p1 - p2;
        double lower = d - Math.sqrt(sq(p1 - w1[0]) + sq(w2[1] - p2));
        double upper = d + Math.sqrt(sq(w1[1] - p1) + sq(p2 - w2[0]));
        double m1 = mean(treated);
        double m2 = mean(control);
        double se = Math.sqrt(variance(treated) / treated.members() + variance(control) / control.members());
        return new Uplift(round(d), new double[] {round(lower), round(upper)}, money(m1 - m2),
                new BigDecimal[] {money(m1 - m2 - Z * se), money(m1 - m2 + Z * se)});
    }

    public static double rate(Group g) {
        return g.members() == 0 ? 0 : (double) g.converted() / g.members();
    }

    public static double mean(Group g) {
        return g.members() == 0 ? 0 : g.revenue().doubleValue() / g.members();
    }

    /** Wilson's score interval of x successes in n. */
    static double[] wilson(long x, long n) {
        double p = (double) x / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** The sample variance of revenue per member (members without a purchase count as 0). */
    static double variance(Group g) {
        long n = g.members();
        if (n < 2) {
            return 0;
        }
        double m = mean(g);
        return Math.max(0, (g.revenueSquares() - n * m * m) / (n - 1));
    }

    private static double sq(double v) {
        return v * v;
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000) / 1_000_000.0;
    }

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }
}
