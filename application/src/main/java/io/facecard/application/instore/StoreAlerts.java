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
import java.util.Set;
import java.util.UUID;

/**
 * The alert stream as its reader may see it: the tenant's admins and chain-wide managers every store (or the one they
 * ask for), a manager bound to stores those stores, a store's devices (a POS, a kiosk, the staff app) their own store.
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

    /** What the caller may follow: their tenant and these of its stores (empty: every store). */
    public record Scope(TenantId tenant, Set<UUID> stores) {
        public Scope {
            stores = Set.copyOf(stores);
        }

        boolean covers(UUID store) {
            return stores.isEmpty() || stores.contains(store);
        }
    }

    public Scope scope(Caller caller, UUID requestedStore) {
        TenantId tenant = READ.tenantOf(caller);
        if (requestedStore != null) {
            if (!caller.worksIn(requestedStore) || !stores.hasStore(tenant, requestedStore)) {
                throw Refusal.notFound("store " + requestedStore);
            }
            return new Scope(tenant, Set.of(requestedStore));
        }
        if (caller instanceof Caller.Terminal t) {
            return new Scope(tenant, Set.of(t.storeId()));
        }
        return new Scope(tenant, ((Caller.Staff) caller).stores());
    }

    public List<Alert> after(Scope scope, long afterId) {
        return alerts.after(scope.tenant(), afterId, scope.stores(), PAGE);
    }

    public long latest(Scope scope) {
        return alerts.latest(scope.tenant(), scope.stores());
    }

    public Alert acknowledge(Caller caller, long id) {
        Scope scope = scope(caller, null);
        Alert a = alerts.find(scope.tenant(), id).filter(x -> scope.covers(x.store()))
                .orElseThrow(() -> Refusal.notFound("alert " + id));
        if (a.acknowledgedAt() == null) {
            alerts.acknowledge(scope.tenant(), id, caller.actor(), clock.instant());
        }
        return alerts.find(scope.tenant(), id).orElseThrow();
    }
}
