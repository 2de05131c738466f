package io.facecard.application.loyalty;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** What the idempotency of a till's calls refuses. */
public enum IdempotencyRule implements Rule {
    KEY_REQUIRED("idempotency-key-required", Category.INVALID),
    KEY_REUSED("idempotency-key-reused", Category.UNPROCESSABLE);

    private final String slug;
    private final Category category;

    IdempotencyRule(String slug, Category category) {
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
