package io.facecard.application.instore;

import io.facecard.application.instore.port.Alerts;
import io.facecard.application.instore.port.Alerts.Alert;
import io.facecard.application.instore.port.Cameras;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.application.security.Role;
import io.facecard.application.security.TerminalKind;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The alert stream as its reader may see it: the tenant's admins and managers every store (or the one they ask for), a
 * store's devices (a POS, a kiosk, the staff app) only their own store.
 */
@ApplicationScoped
@Transactional
public class StoreAlerts {
    public static final Permit READ = new Permit(Set.of(Role.TENANT_ADMIN, Role.STORE_MANAGER),
            Set.of(TerminalKind.POS, TerminalKind.KIOSK, TerminalKind.APP));
    static final int PAGE = 100;

    private Alerts alerts;
    private Cameras stores;
    private Clock clock;

    /** For the CDI client proxy only. */
    protected StoreAlerts() {}

    @Inject
    public StoreAlerts(Alerts alerts, Cameras stores, Clock clock) {
        this.alerts = alerts;
        this.stores = stores;
        this.clock = clock;
    }

    /** What the caller may follow: their tenant, and the store they are bound to (a device) or chose (staff; null for all). */
    public record Scope(TenantId tenant, UUID store) {}

    public Scope scope(Caller caller, UUID requestedStore) {
        TenantId tenant = READ.tenantOf(caller);
        if (caller instanceof Caller.Terminal t) {
            if (requestedStore != null && !requestedStore.equals(t.storeId())) {
                throw Refusal.notFound("store " + requestedStore);
            }
            return new Scope(tenant, t.storeId());
        }
        if (requestedStore != null && !stores.hasStore(tenant, requestedStore)) {
            throw Refusal.notFound("store " + requestedStore);
        }
        return new Scope(tenant, requestedStore);
    }

    public List<Alert> after(Scope scope, long afterId) {
        return alerts.after(scope.tenant(), afterId, scope.store(), PAGE);
    }

    public long latest(Scope scope) {
        return alerts.latest(scope.tenant(), scope.store());
    }

    public Alert acknowledge(Caller caller, long id) {
        Scope scope = scope(caller, null);
        Alert a = alerts.find(scope.tenant(), id).filter(x -> scope.store() == null || scope.store().equals(x.store()))
                .orElseThrow(() -> Refusal.notFound("alert " + id));
        if (a.acknowledgedAt() == null) {
            alerts.acknowledge(scope.tenant(), id, caller.actor(), clock.instant());
        }
        return alerts.find(scope.tenant(), id).orElseThrow();
    }
}
