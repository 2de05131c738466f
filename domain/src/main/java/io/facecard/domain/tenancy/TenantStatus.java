package io.facecard.domain.tenancy;

/** ACTIVE and SUSPENDED go back and forth; OFFBOARDING leads only to OFFBOARDED, which is for good. */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED,
    /** Closed like a suspension while its members' data is erased and its face partition dropped. */
    OFFBOARDING,
    OFFBOARDED;

    public boolean leaving() {
        return this == OFFBOARDING || this == OFFBOARDED;
    }
}
