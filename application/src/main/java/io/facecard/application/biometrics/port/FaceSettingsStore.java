package io.facecard.application.biometrics.port;

import io.facecard.domain.tenancy.TenantId;

/** Where a tenant's face-matching settings are kept; a tenant that set none gets the defaults. */
public interface FaceSettingsStore {
    FaceSettings of(TenantId tenant);

    void put(TenantId tenant, FaceSettings settings);
}
