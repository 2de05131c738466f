package io.facecard.tenants.tenancy;

import static io.facecard.application.problem.Validation.optionalText;
import static io.facecard.application.problem.Validation.requiredText;
import static io.facecard.application.security.Role.CASHIER;
import static io.facecard.application.security.Role.MARKETER;
import static io.facecard.application.security.Role.STORE_MANAGER;
import static io.facecard.application.security.Role.TENANT_ADMIN;

import io.facecard.application.security.Caller;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.Store;
import io.facecard.tenants.tenancy.port.Stores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** A chain's stores: the admin opens and edits them; every staff role may look them up. */
@ApplicationScoped
@Transactional
public class StoreManagement {
    public record StoreDraft(String name, String code, String address, String timezone) {}

    private Stores stores;
    private Clock clock;

    /** For the CDI client proxy only. */
    protected StoreManagement() {}

    @Inject
    public StoreManagement(Stores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    public Store open(Caller caller, StoreDraft draft) {
        TenantId tenant = Access.staffOf(caller, TENANT_ADMIN);
        Instant now = clock.instant();
        Store store = new Store(UUID.randomUUID(), tenant,
                requiredText(draft.name(), "name", 200),
                code(requiredText(draft.code(), "code", 64)),
                optionalText(draft.address(), "address", 500),
                zone(draft.timezone()), now, now);
        stores.add(store);
        return store;
    }

    public Store change(Caller caller, UUID id, StoreDraft patch) {
        TenantId tenant = Access.staffOf(caller, TENANT_ADMIN);
        Store s = find(tenant, id);
        Store changed = new Store(s.id(), tenant,
                patch.name() != null ? requiredText(patch.name(), "name", 200) : s.name(),
                patch.code() != null ? code(requiredText(patch.code(), "code", 64)) : s.code(),
                patch.address() != null ? optionalText(patch.address(), "address", 500) : s.address(),
                patch.timezone() != null ? zone(patch.timezone()) : s.timezone(),
                s.createdAt(), clock.instant());
        stores.update(changed);
        return changed;
    }

    public Store get(Caller caller, UUID id) {
        return find(Access.staffOf(caller, TENANT_ADMIN, STORE_MANAGER, MARKETER, CASHIER), id);
    }

    public List<Store> list(Caller caller, Paging paging) {
        TenantId tenant = Access.staffOf(caller, TENANT_ADMIN, STORE_MANAGER, MARKETER, CASHIER);
        return stores.list(tenant, paging.offset(), paging.limit());
    }

    Store find(TenantId tenant, UUID id) {
        return stores.find(tenant, id).orElseThrow(() -> Refusal.notFound("store " + id));
    }

    private static String code(String code) {
        if (!code.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            throw Refusal.invalid("'code' may hold only letters, digits, '_' and '-'");
        }
        return code;
    }

    private static String zone(String timezone) {
        if (timezone == null) {
            return null;
        }
        try {
            return ZoneId.of(timezone).getId();
        } catch (RuntimeException e) {
            throw Refusal.invalid("'timezone' must be an IANA zone id such as Europe/Berlin");
        }
    }
}
