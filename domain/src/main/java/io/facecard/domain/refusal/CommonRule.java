package io.facecard.domain.refusal;

/** Refusals every context shares: a bad request, a missing resource, a caller without the right. */
public final class CommonRule {
    public static final Rule INVALID_REQUEST = new Rule("invalid-request", Category.INVALID);
    public static final Rule NOT_FOUND = new Rule("not-found", Category.NOT_FOUND);
    public static final Rule FORBIDDEN = new Rule("forbidden", Category.FORBIDDEN);
    public static final Rule UNAUTHENTICATED = new Rule("unauthenticated", Category.UNAUTHENTICATED);

    /** The credential called faster than its tenant's share allows. */
    public static final Rule RATE_LIMITED = new Rule("rate-limited", Category.TOO_MANY_REQUESTS);

    private CommonRule() {}
}
