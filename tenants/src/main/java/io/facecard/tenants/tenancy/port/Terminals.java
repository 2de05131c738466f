package io.facecard.tenants.tenancy.port;

import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port out: terminals and the global index of their key hashes. */
public interface Terminals {
    void add(Terminal terminal);

    List<Terminal> list(TenantId tenant, UUID storeId);

    Optional<Terminal> find(TenantId tenant, UUID storeId, UUID terminalId);

    void revoke(TenantId tenant, UUID terminalId, Instant at);

    /**
     * Finds the terminal behind a key hash across all tenants: the one lookup that must, because
     * the tenant is what the key is used to learn. Revoked keys are not found.
     */
    Optional<Terminal> findActiveByKeyHash(String keyHash);
}
