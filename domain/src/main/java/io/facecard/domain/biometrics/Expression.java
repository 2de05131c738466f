package io.facecard.domain.biometrics;

import io.facecard.domain.Published;

/**
 * A facial expression as the model pack's expression model names it (the FER-2013 classes, in its output order), with
 * the valence store analytics reads as mood: pleased +1, displeased -1, the rest 0. A face is read as a probability
 * over all seven, so a mood is an expectation, not a label.
 */
@Published("the expressions a face is read as, which store analytics turns into mood")
public enum Expression {
    ANGRY(-1),
    DISGUST(-1),
    FEAR(-1),
    HAPPY(1),
    SAD(-1),
    SURPRISE(0),
    NEUTRAL(0);

    private final int valence;

    Expression(int valence) {
        this.valence = valence;
    }

    public int valence() {
        return valence;
    }

    /** The expected valence of a reading (probabilities in this enum's order), from -1 to 1. */
    public static double mood(float[] probabilities) {
        if (probabilities.length != values().length) {
            throw new IllegalArgumentException("an expression reading has " + values().length + " probabilities, not " + probabilities.length);
        }
        double mood = 0;
        for (Expression e : values()) {
            mood += probabilities[e.ordinal()] * e.valence;
        }
        return mood;
    }

    /** The most probable expression of a reading. */
    public static Expression likeliest(float[] probabilities) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return values()[best];
    }
}
