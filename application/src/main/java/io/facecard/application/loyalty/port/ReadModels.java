package io.facecard.application.loyalty.port;

import io.facecard.domain.tenancy.TenantId;

/** Rebuilds a tenant's ledger, checkout and receipt read models from the event store. */
public interface ReadModels {
    /** @param eventsRead every stored event, of all tenants, the rebuild read; @param eventsReplayed the tenant's, handled */
    record Rebuilt(long eventsRead, long eventsReplayed) {}

    Rebuilt rebuild(TenantId tenant);
}
