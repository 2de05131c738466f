package io.facecard.application.instore.port;

import io.facecard.domain.instore.Placement;
import io.facecard.domain.tenancy.TenantId;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** Where each camera terminal hangs, and the stores and cameras of the tenant it may be said of. */
public interface Cameras {
    /** False when the tenant has no live CAMERA terminal of that id in that store. */
    boolean place(TenantId tenant, UUID terminal, UUID store, Placement placement);

    boolean hasStore(TenantId tenant, UUID store);

    /** The zone the store's days begin in: its own, else its tenant's (store null: the tenant's); empty when there is no such store. */
    Optional<ZoneId> zoneOf(TenantId tenant, UUID store);

    Optional<Placement> placement(TenantId tenant, UUID terminal);
}
