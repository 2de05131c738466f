package io.facecard.domain.refusal;

/**
 * What kind of "no" a refusal is. Every protocol adapter maps each category exhaustively (a
 * switch without default), so a new category cannot reach a client unmapped, and a rule's
 * status follows from the category it declares, never from its name.
 */
public enum Category {
    /** The request itself is malformed or out of range. */
    INVALID,
    /** The body is larger than the endpoint accepts. */
    TOO_LARGE,
    UNAUTHENTICATED,
    FORBIDDEN,
    /** Absent, or belongs to another tenant: the two are indistinguishable on purpose. */
    NOT_FOUND,
    /** Valid, but the current state forbids it (retrying later or after another step may work). */
    CONFLICT,
    /** Well-formed, but against a business rule for these values. */
    UNPROCESSABLE,
    /** This caller asked too often; {@link Throttled} says when it may ask again. Nothing changed. */
    TOO_MANY_REQUESTS,
    /** Not now: a shared resource is busy; the same request may succeed after a short wait. Nothing changed. */
    UNAVAILABLE
}
