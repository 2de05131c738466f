package io.facecard.tenants.tenancy.port;

import io.facecard.application.security.TerminalKind;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;

/** A till, kiosk, app or camera. Its API key is held only as a hash; the prefix helps people tell keys apart. */
public record Terminal(
        UUID id, TenantId tenantId, UUID storeId, TerminalKind kind, String name,
        String keyHash, String keyPrefix, Instant createdAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
