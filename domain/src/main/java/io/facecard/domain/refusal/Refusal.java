package io.facecard.domain.refusal;

import java.util.Objects;

/**
 * The one way the domain and the use cases say no: the {@link Rule} that refused, a detail a
 * person can read and, where a client needs it, a machine-readable sub-reason (such as
 * {@code NO_FACE}). Adapters turn the rule's {@link Category} into their protocol's status.
 */
public class Refusal extends RuntimeException {
    private final transient Rule rule;
    private final String reason;

    public Refusal(Rule rule, String detail) {
        this(rule, null, detail);
    }

    public Refusal(Rule rule, String reason, String detail) {
        super(detail, null, false, false); // a refusal is an answer, not a failure: no stack trace to fill
        this.rule = Objects.requireNonNull(rule, "rule");
        this.reason = reason;
    }

    public Rule rule() {
        return rule;
    }

    public Category category() {
        return rule.category();
    }

    public String type() {
        return rule.slug();
    }

    public String reason() {
        return reason;
    }

    public static Refusal invalid(String detail) {
        return new Refusal(CommonRule.INVALID_REQUEST, detail);
    }

    public static Refusal notFound(String what) {
        return new Refusal(CommonRule.NOT_FOUND, what + " was not found");
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(CommonRule.FORBIDDEN, detail);
    }

    public static Refusal unauthenticated(String detail) {
        return new Refusal(CommonRule.UNAUTHENTICATED, detail);
    }
}
