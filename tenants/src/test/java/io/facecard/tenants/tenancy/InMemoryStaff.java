package io.facecard.tenants.tenancy;

import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenancyRule;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.StaffAccount;
import io.facecard.tenants.tenancy.port.StaffAccounts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A test double of the staff port that keeps tenants apart as the real one must. */
class InMemoryStaff implements StaffAccounts {
    final Map<UUID, StaffAccount> accounts = new LinkedHashMap<>();

    @Override
    public void add(StaffAccount account) {
        if (findByUsername(account.tenantId(), account.username()).isPresent()) {
            throw new Refusal(TenancyRule.DUPLICATE_USERNAME, "taken");
        }
        accounts.put(account.id(), account);
    }

    @Override
    public void update(StaffAccount account) {
        accounts.put(account.id(), account);
    }

    @Override
    public Optional<StaffAccount> find(TenantId tenant, UUID id) {
        return Optional.ofNullable(accounts.get(id)).filter(a -> a.tenantId().equals(tenant));
    }

    @Override
    public Optional<StaffAccount> findByUsername(TenantId tenant, String username) {
        return accounts.values().stream().filter(a -> a.tenantId().equals(tenant) && a.username().equals(username)).findFirst();
    }

    @Override
    public List<StaffAccount> list(TenantId tenant, int offset, int limit) {
        return accounts.values().stream().filter(a -> a.tenantId().equals(tenant)).skip(offset).limit(limit).toList();
    }

    @Override
    public long countActiveAdmins(TenantId tenant) {
        return accounts.values().stream().filter(a -> a.tenantId().equals(tenant) && a.isAdmin()).count();
    }
}
