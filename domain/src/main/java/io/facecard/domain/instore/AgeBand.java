package io.facecard.domain.instore;

/**
 * The age bands footfall is counted in. Ten-year bands, no finer: the model's mean error is about nine years
 * (AttributesBenchmark), so a band is a tendency across many people, never a statement about one.
 */
public enum AgeBand {
    UNDER_18(0, 18),
    FROM_18_TO_24(18, 25),
    FROM_25_TO_34(25, 35),
    FROM_35_TO_44(35, 45),
    FROM_45_TO_54(45, 55),
    FROM_55_TO_64(55, 65),
    FROM_65(65, Integer.MAX_VALUE);

    private final int from;
    private final int below;

    AgeBand(int from, int below) {
        this.from = from;
        this.below = below;
    }

    public static AgeBand of(double years) {
        for (AgeBand b : values()) {
            if (years < b.below) {
                return b;
            }
        }
        return FROM_65;
    }

    public int from() {
        return from;
    }
}
