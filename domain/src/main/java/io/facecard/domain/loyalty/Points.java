package io.facecard.domain.loyalty;

import io.facecard.domain.Published;

/** A number of bonus points, never negative: a debit is a {@code Points} taken, not a negative one. */
@Published("an amount of points: checkout quotes, redeems and earns in it")
public record Points(long value) {
    public static final Points NONE = new Points(0);

    public Points {
        if (value < 0) {
            throw new IllegalArgumentException("points cannot be negative: " + value);
        }
    }

    public static Points of(long value) {
        return value == 0 ? NONE : new Points(value);
    }

    public boolean isNone() {
        return value == 0;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
