package io.facecard.domain.membership;

/** A membership rule said no; {@link #rule} is a stable name clients can switch on. */
public class MembershipRefused extends RuntimeException {
    private final String rule;

    public MembershipRefused(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
