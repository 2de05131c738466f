package io.facecard.domain.membership;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** What membership, consent and face enrolment refuse. */
public enum MembershipRule implements Rule {
    CONSENT_REQUIRED("consent-required", Category.CONFLICT),
    TOO_MANY_FACES("too-many-faces", Category.CONFLICT),
    MEMBER_ERASED("member-erased", Category.CONFLICT),
    DUPLICATE_PHONE("duplicate-phone", Category.CONFLICT),
    DUPLICATE_EMAIL("duplicate-email", Category.CONFLICT),
    DUPLICATE_CARD("duplicate-cardNumber", Category.CONFLICT),
    DUPLICATE_IDENTIFIER("duplicate-identifier", Category.CONFLICT),
    FACE_BELONGS_TO_ANOTHER_MEMBER("face-belongs-to-another-member", Category.CONFLICT),
    FACE_REJECTED("face-rejected", Category.UNPROCESSABLE),
    UNREADABLE_IMAGE("unreadable-image", Category.INVALID),
    IMAGE_TOO_LARGE("unreadable-image", Category.TOO_LARGE);

    private final String slug;
    private final Category category;

    MembershipRule(String slug, Category category) {
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
