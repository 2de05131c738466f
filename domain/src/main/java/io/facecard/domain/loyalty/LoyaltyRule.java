package io.facecard.domain.loyalty;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** What a bonus account refuses. */
public enum LoyaltyRule implements Rule {
    INVALID_POINTS("invalid-points", Category.INVALID),
    INSUFFICIENT_POINTS("insufficient-points", Category.CONFLICT),
    HOLD_EXPIRED("hold-expired", Category.CONFLICT),
    WRONG_TENANT("wrong-tenant", Category.CONFLICT);

    private final String slug;
    private final Category category;

    LoyaltyRule(String slug, Category category) {
        this.slug = slug;
        this.category = category;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public Category category() {
        return category;
    }
}
