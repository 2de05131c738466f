package io.facecard.tenants.tenancy.port;

import io.facecard.domain.tenancy.TenantId;

/**
 * Port out, one per context that holds a leaving tenant's data: the offboarding calls every hook (found
 * through CDI) in ascending {@link #order()}, each until it answers {@link Progress#DONE}. A call does a
 * short, bounded step that may be repeated after a crash, so the data itself says how far it got.
 */
public interface TenantErasureHook {
    /** Members first: their erasure needs the faces, bindings and saved cards still in place. */
    int MEMBERS = 100;
    /** Whole tenant tables and partitions, once no member needs them. */
    int TENANT_TABLES = 200;

    enum Progress {
        /** Nothing of the tenant is left here. */
        DONE,
        /** A step was done and more is left: call again at once. */
        MORE,
        /** Cannot go on now (a table too busy to detach): the next tick calls again. */
        BUSY
    }

    int order();

    Progress eraseSome(TenantId tenant);
}
