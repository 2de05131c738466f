package io.facecard.tenants.tenancy;

import static io.facecard.application.problem.Validation.optionalText;
import static io.facecard.application.security.Role.TENANT_ADMIN;

import io.facecard.application.security.Caller;
import io.facecard.application.security.Role;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenancyRule;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.StaffAccount;
import io.facecard.tenants.tenancy.port.StaffAccounts;
import io.facecard.tenants.tenancy.port.Stores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The tenant admin's staff accounts. A chain must never lock itself out, so the last active
 * admin can neither be removed nor lose the admin role.
 */
@ApplicationScoped
@Transactional
public class StaffManagement {
    /** {@code stores}: null keeps (or, on creation, means the whole chain); empty is the whole chain. */
    public record StaffDraft(String username, String password, String displayName, Set<Role> roles, Set<UUID> stores) {
        public StaffDraft(String username, String password, String displayName, Set<Role> roles) {
            this(username, password, displayName, roles, null);
        }
    }

    private StaffAccounts staff;
    private Stores shops;
    private PasswordHashing passwords;
    private Clock clock;

    /** For the CDI client proxy only. */
    protected StaffManagement() {}

    @Inject
    public StaffManagement(StaffAccounts staff, Stores shops, PasswordHashing passwords, Clock clock) {
        this.staff = staff;
        this.shops = shops;
        this.passwords = passwords;
        this.clock = clock;
    }

    public StaffAccount create(Caller caller, StaffDraft draft) {
        TenantId tenant = Access.staffOf(caller, TENANT_ADMIN);
        String username = StaffRules.username(draft.username());
        Set<Role> roles = StaffRules.roles(draft.roles());
        Set<UUID> worksIn = stores(tenant, roles, draft.stores() == null ? Set.of() : draft.stores());
        String hash = passwords.hash(StaffRules.password(draft.password(), "password"));
        Instant now = clock.instant();
        StaffAccount account = new StaffAccount(UUID.randomUUID(), tenant, username,
                optionalText(draft.displayName(), "displayName", 200), hash, roles, worksIn, true, now, now);
        staff.add(account);
        return account;
    }

    public StaffAccount change(Caller caller, UUID id, StaffDraft patch) {
        TenantId tenant = Access.staffOf(caller, TENANT_ADMIN);
        if (patch.username() != null) {
            throw Refusal.invalid("'username' cannot be changed; create a new account instead");
        }
        StaffAccount a = find(tenant, id);
        Set<Role> roles = patch.roles() != null ? StaffRules.roles(patch.roles()) : a.roles();
        if (a.isAdmin() && !roles.contains(Role.TENANT_ADMIN)) {
            requireAnotherAdmin(tenant);
        }
        Set<UUID> worksIn = stores(tenant, roles, patch.stores() != null ? patch.stores() : a.stores());
        String hash = patch.password() != null
                ? passwords.hash(StaffRules.password(patch.password(), "password"))
                : a.passwordHash();
        StaffAccount changed = new StaffAccount(a.id(), tenant, a.username(),
                patch.displayName() != null ? optionalText(patch.displayName(), "displayName", 200) : a.displayName(),
                hash, roles, worksIn, a.active(), a.createdAt(), clock.instant());
        staff.update(changed);
        return changed;
    }

    /** Deactivates rather than deletes: the account's id stays valid in audit trails. */
    public void remove(Caller caller, UUID id) {
        TenantId tenant = Access.staffOf(caller, TENANT_ADMIN);
        StaffAccount a = find(tenant, id);
        if (!a.active()) {
            return;
        }
        if (a.isAdmin()) {
            requireAnotherAdmin(tenant);
        }
        staff.update(new StaffAccount(a.id(), tenant, a.username(), a.displayName(), a.passwordHash(),
                a.roles(), a.stores(), false, a.createdAt(), clock.instant()));
    }

    public StaffAccount get(Caller caller, UUID id) {
        return find(Access.staffOf(caller, TENANT_ADMIN), id);
    }

    public List<StaffAccount> list(Caller caller, Paging paging) {
        return staff.list(Access.staffOf(caller, TENANT_ADMIN), paging.offset(), paging.limit());
    }

    private StaffAccount find(TenantId tenant, UUID id) {
        return staff.find(tenant, id).orElseThrow(() -> Refusal.notFound("user " + id));
    }

    /** An admin works for the whole chain (a store-bound admin could still widen itself); every store must be the tenant's. */
    private Set<UUID> stores(TenantId tenant, Set<Role> roles, Set<UUID> wanted) {
        if (wanted.stream().anyMatch(Objects::isNull) || wanted.size() > 100) {
            throw Refusal.invalid("'stores' must list at most 100 store ids");
        }
        if (!wanted.isEmpty() && roles.contains(Role.TENANT_ADMIN)) {
            throw Refusal.invalid("'stores' must be empty for a TENANT_ADMIN: an admin works for the whole chain");
        }
        for (UUID store : wanted) {
            if (shops.find(tenant, store).isEmpty()) {
                throw Refusal.invalid("'stores' names " + store + ", which is not a store of this tenant");
            }
        }
        return Set.copyOf(wanted);
    }

    private void requireAnotherAdmin(TenantId tenant) {
        if (staff.countActiveAdmins(tenant) <= 1) {
            throw new Refusal(TenancyRule.LAST_ADMIN, "the tenant's last active TENANT_ADMIN cannot be removed or demoted");
        }
    }
}
