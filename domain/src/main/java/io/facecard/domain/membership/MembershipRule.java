package io.facecard.domain.membership;

import io.facecard.domain.Published;
import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** What membership, consent and face enrolment refuse. */
@Published("the member and face rules problems name, also where biometrics refuses a photo")
public final class MembershipRule {
    public static final Rule CONSENT_REQUIRED = new Rule("consent-required", Category.CONFLICT);
    public static final Rule TOO_MANY_FACES = new Rule("too-many-faces", Category.CONFLICT);
    public static final Rule MEMBER_ERASED = new Rule("member-erased", Category.CONFLICT);
    public static final Rule DUPLICATE_PHONE = new Rule("duplicate-phone", Category.CONFLICT);
    public static final Rule DUPLICATE_EMAIL = new Rule("duplicate-email", Category.CONFLICT);
    public static final Rule DUPLICATE_CARD = new Rule("duplicate-cardNumber", Category.CONFLICT);
    public static final Rule DUPLICATE_IDENTIFIER = new Rule("duplicate-identifier", Category.CONFLICT);
    public static final Rule FACE_BELONGS_TO_ANOTHER_MEMBER = new Rule("face-belongs-to-another-member", Category.CONFLICT);
    public static final Rule FACE_REJECTED = new Rule("face-rejected", Category.UNPROCESSABLE);
    /** A step-up token that is unknown (or another tenant's), expired, already used or spent by wrong digits. */
    public static final Rule STEP_UP_EXPIRED = new Rule("step-up-expired", Category.CONFLICT);
    public static final Rule UNREADABLE_IMAGE = new Rule("unreadable-image", Category.INVALID);
    public static final Rule IMAGE_TOO_LARGE = new Rule("unreadable-image", Category.TOO_LARGE);

    /** The tenant already has its share of photos in the face pipeline: retry after a moment. */
    public static final Rule FACE_CAPACITY = new Rule("face-capacity", Category.TOO_MANY_REQUESTS);

    /** All tenants together fill the face pipeline's queue: nothing changed, retry after a moment. */
    public static final Rule FACE_PIPELINE_BUSY = new Rule("face-pipeline-busy", Category.UNAVAILABLE);

    public static final Rule DUPLICATE_EXTERNAL_ID = new Rule("duplicate-external-id", Category.CONFLICT);

    /** The tenant has an import queued or running: one at a time, so two never race over the same rows. */
    public static final Rule IMPORT_RUNNING = new Rule("import-running", Category.CONFLICT);
    /** The import's file is not a members CSV this platform reads (missing or unknown columns, not CSV, no members.csv). */
    public static final Rule IMPORT_UNREADABLE = new Rule("import-unreadable", Category.INVALID);
    /** The upload is larger than imports accept, or its archive is beyond the bounds (entries, sizes, ratio). */
    public static final Rule IMPORT_TOO_LARGE = new Rule("import-too-large", Category.TOO_LARGE);

    private MembershipRule() {}
}
