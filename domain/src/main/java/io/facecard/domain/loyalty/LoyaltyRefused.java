package io.facecard.domain.loyalty;

/** A ledger or checkout rule said no; {@link #rule} is a stable name clients can switch on. */
public class LoyaltyRefused extends RuntimeException {
    private final String rule;

    public LoyaltyRefused(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
