package io.facecard.tenants.tenancy.port;

import io.facecard.domain.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port out: staff accounts of one tenant. Every call names the tenant it works in. */
public interface StaffAccounts {
    /** Refuses with a conflict when the username is taken in that tenant. */
    void add(StaffAccount account);

    void update(StaffAccount account);

    Optional<StaffAccount> find(TenantId tenant, UUID id);

    Optional<StaffAccount> findByUsername(TenantId tenant, String username);

    List<StaffAccount> list(TenantId tenant, int offset, int limit);

    long countActiveAdmins(TenantId tenant);
}
