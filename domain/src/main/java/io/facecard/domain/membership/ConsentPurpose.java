package io.facecard.domain.membership;

public enum ConsentPurpose {
    BIOMETRIC_IDENTIFICATION,
    MARKETING_PUSH,
    ANALYTICS
}
