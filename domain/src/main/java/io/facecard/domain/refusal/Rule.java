package io.facecard.domain.refusal;

/**
 * A business or request rule that can refuse. Each context declares its rules as an enum
 * implementing this, so adding a context adds an enum and touches no shared list; the slug is
 * the stable problem type clients switch on, the category decides the status.
 */
public interface Rule {
    /** A short, stable name such as {@code insufficient-points}; unique across all rules. */
    String slug();

    Category category();
}
