package io.facecard.domain.tenancy;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** What tenant onboarding, stores and staff refuse. */
public enum TenancyRule implements Rule {
    DUPLICATE_SLUG("duplicate-slug", Category.CONFLICT),
    DUPLICATE_USERNAME("duplicate-username", Category.CONFLICT),
    DUPLICATE_STORE_CODE("duplicate-store-code", Category.CONFLICT),
    LAST_ADMIN("last-admin", Category.CONFLICT),
    /** Another tenant's onboarding holds the face-template table's attach lock: retry in a moment. */
    TEMPLATES_BUSY("templates-busy", Category.UNAVAILABLE);

    private final String slug;
    private final Category category;

    TenancyRule(String slug, Category category) {
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
