package io.facecard.application.platform.port;

import io.facecard.domain.tenancy.TenantLimits;
import io.facecard.domain.tenancy.TenantId;

/** Port out: a tenant's share of the machine as the operator set it (read from a short-lived cache). */
public interface Shares {
    TenantLimits of(TenantId tenant);

    /** Import jobs this replica runs at once, all tenants together ({@code facecard.import.jobs}, default 1). */
    int importJobs();

    /**
     * The share of its time an import worker may be busy ({@code facecard.import.busy-share}, default 0.25): after a row
     * that took t, it rests t·(1/share − 1), so an import leaves the cores to the tills most of the time.
     */
    double importBusyShare();
}
