package io.facecard.domain.instore;

/**
 * The service-quality index of a store and period: the mean change of mood from a person's way in to their way out (each
 * mood from -1, displeased, to 1, pleased), over the visits where both were seen, with its 95 % confidence interval
 * (normal approximation on the sample variance; none below two visits). Kept as count, sum and sum of squares so hours
 * add up to days and weeks.
 */
public record MoodShift(long n, double sum, double sumOfSquares) {
    /** A way out this much worse than the way in is worth a manager's look (a happy entrance, a neutral-to-sad exit). */
    public static final double MARKED_DROP = -0.6;

    public static final MoodShift NONE = new MoodShift(0, 0, 0);

    public static MoodShift of(double entrance, double exit) {
        double d = exit - entrance;
        return new MoodShift(1, d, d * d);
    }

    public MoodShift plus(MoodShift other) {
        return new MoodShift(n + other.n, sum + other.sum, sumOfSquares + other.sumOfSquares);
    }

    /** NaN without visits. */
    public double index() {
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Half the width of the 95 % interval; NaN below two visits (one visit says nothing about its spread). */
    public double margin() {
        if (n < 2) {
            return Double.NaN;
        }
        double mean = sum / n;
        double variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
        return 1.96 * Math.sqrt(variance / n);
    }

    public static boolean markedDrop(double entrance, double exit) {
        return exit - entrance <= MARKED_DROP;
    }
}
