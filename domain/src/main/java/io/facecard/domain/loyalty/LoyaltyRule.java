package io.facecard.domain.loyalty;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** What a bonus account refuses. */
public final class LoyaltyRule {
    public static final Rule INVALID_POINTS = new Rule("invalid-points", Category.INVALID);
    public static final Rule INSUFFICIENT_POINTS = new Rule("insufficient-points", Category.CONFLICT);
    public static final Rule HOLD_EXPIRED = new Rule("hold-expired", Category.CONFLICT);
    public static final Rule WRONG_TENANT = new Rule("wrong-tenant", Category.CONFLICT);

    private LoyaltyRule() {}
}
