package io.facecard.tenants.tenancy.port;

import io.facecard.application.security.Role;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A member of a chain's staff who logs in with a password. */
public record StaffAccount(
        UUID id, TenantId tenantId, String username, String displayName, String passwordHash,
        Set<Role> roles, boolean active, Instant createdAt, Instant updatedAt) {

    public StaffAccount {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return active && roles.contains(Role.TENANT_ADMIN);
    }
}
