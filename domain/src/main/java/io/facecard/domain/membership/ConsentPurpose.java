package io.facecard.domain.membership;

import io.facecard.domain.Published;

@Published("the purposes other contexts check before they act (FACE_PAY, MARKETING_PUSH)")
public enum ConsentPurpose {
    BIOMETRIC_IDENTIFICATION,
    MARKETING_PUSH,
    ANALYTICS,
    /** Being charged at the till by our own face match with a saved card (STRIPE_FACE). */
    FACE_PAY,
    /** Service notices (receipts, points) in a messenger account bound to the member's face ID. */
    MESSENGER_NOTICES
}
