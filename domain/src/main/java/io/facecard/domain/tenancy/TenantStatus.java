package io.facecard.domain.tenancy;

public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
