package io.facecard.tenants.tenancy.port;

import io.facecard.domain.tenancy.TenantId;
import io.facecard.domain.tenancy.TenantLimits;
import io.facecard.domain.tenancy.TenantStatus;
import java.time.Instant;

/** A tenant as the read model shows it. */
public record TenantView(
        TenantId id, String slug, String name, String currency, String timezone,
        TenantStatus status, TenantLimits limits, Instant createdAt, Instant updatedAt) {}
