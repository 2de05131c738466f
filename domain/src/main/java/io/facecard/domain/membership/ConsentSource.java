package io.facecard.domain.membership;

public enum ConsentSource {
    APP,
    /** A bulk import of the chain's member records. */
    IMPORT,
    POS,
    KIOSK,
    STAFF
}
