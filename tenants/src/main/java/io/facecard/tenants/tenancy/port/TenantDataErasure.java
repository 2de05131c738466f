package io.facecard.tenants.tenancy.port;

import io.facecard.domain.tenancy.TenantId;

/**
 * Port out: what the platform holds of a leaving tenant's members, erased in steps that the
 * offboarding repeats until nothing is left. Each step is short and may be repeated after a crash.
 */
public interface TenantDataErasure {
    /**
     * Erases up to {@code max} of the tenant's living members exactly as a member erasure does (the
     * data key destroyed, faces, bindings, saved cards and provider customers removed).
     *
     * @return how many were erased; 0 once none is left
     */
    int eraseMembers(TenantId tenant, int max);

    /** How many of the tenant's members are erased (for the offboarding's record). */
    long erasedMembers(TenantId tenant);

    /**
     * Takes the tenant's face-template partition out of the shared table without a lock other
     * tenants' identify waits behind, then drops it.
     *
     * @return false while the table is too busy to detach it now (call again later)
     */
    boolean dropFaceTemplates(TenantId tenant);
}
