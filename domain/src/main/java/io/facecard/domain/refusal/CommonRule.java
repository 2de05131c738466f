package io.facecard.domain.refusal;

/** Refusals every context shares: a bad request, a missing resource, a caller without the right. */
public enum CommonRule implements Rule {
    INVALID_REQUEST("invalid-request", Category.INVALID),
    NOT_FOUND("not-found", Category.NOT_FOUND),
    FORBIDDEN("forbidden", Category.FORBIDDEN),
    UNAUTHENTICATED("unauthenticated", Category.UNAUTHENTICATED);

    private final String slug;
    private final Category category;

    CommonRule(String slug, Category category) {
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
