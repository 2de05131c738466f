package io.facecard.application.instore.port;

import io.facecard.domain.tenancy.TenantId;

/** Removes everything store analytics holds of a leaving tenant. */
public interface InStoreErasure {
    void eraseTenant(TenantId tenant);
}
