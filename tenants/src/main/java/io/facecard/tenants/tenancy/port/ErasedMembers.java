package io.facecard.tenants.tenancy.port;

import io.facecard.domain.tenancy.TenantId;

/** Port out: how many of a tenant's members are erased, for the offboarding's record. */
public interface ErasedMembers {
    long count(TenantId tenant);
}
