package io.facecard.domain.membership;

public enum ConsentSource {
    APP,
    POS,
    KIOSK,
    STAFF
}
