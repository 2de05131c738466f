package io.facecard.tenants.tenancy.port;

import io.facecard.application.security.Caller;
import io.facecard.application.security.Role;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A member of a chain's staff who logs in with a password; {@code stores} empty: the whole chain. */
public record StaffAccount(
        UUID id, TenantId tenantId, String username, String displayName, String passwordHash,
        Set<Role> roles, Set<UUID> stores, boolean active, Instant createdAt, Instant updatedAt) {

    public StaffAccount {
        roles = Set.copyOf(roles);
        stores = Set.copyOf(stores);
    }

    public Caller.Staff asCaller() {
        return new Caller.Staff(tenantId, id, username, roles, stores);
    }

    public boolean isAdmin() {
        return active && roles.contains(Role.TENANT_ADMIN);
    }
}
