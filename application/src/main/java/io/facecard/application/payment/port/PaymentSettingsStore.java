package io.facecard.application.payment.port;

import io.facecard.domain.tenancy.TenantId;

/** Where a tenant's payment settings are kept; a tenant that set none gets the defaults. */
public interface PaymentSettingsStore {
    PaymentSettings of(TenantId tenant);

    void put(TenantId tenant, PaymentSettings settings);
}
