package io.facecard.tenants.tenancy.port;

import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;

public record Store(
        UUID id, TenantId tenantId, String name, String code, String address, String timezone,
        Instant createdAt, Instant updatedAt) {}
