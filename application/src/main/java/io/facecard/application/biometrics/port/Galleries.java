package io.facecard.application.biometrics.port;

import io.facecard.domain.tenancy.TenantId;

/** What biometrics publishes about a tenant's gallery: how many templates a search runs over (its risk grows with it). */
public interface Galleries {
    long of(TenantId tenant);
}
