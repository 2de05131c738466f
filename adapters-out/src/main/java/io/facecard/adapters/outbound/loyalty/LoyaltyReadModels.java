package io.facecard.adapters.outbound.loyalty;

import io.facecard.adapters.outbound.axon.AxonRuntime;
import io.facecard.adapters.outbound.checkout.CheckoutProjection;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.loyalty.port.ReadModels;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;

/** Empties a tenant's loyalty read models and replays every event of the tenant into the same projections. */
@ApplicationScoped
@TenantBound
public class LoyaltyReadModels implements ReadModels {
    private static final List<String> TABLES = List.of("ledger_entry", "bonus_lot", "bonus_hold", "checkout_view", "receipt_view");

    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    AxonRuntime axon;
    @Inject
    LedgerProjection ledger;
    @Inject
    CheckoutProjection checkouts;

    @Override
    public ReadModels.Rebuilt rebuild(TenantId tenant) {
        for (String table : TABLES) {
            em.createNativeQuery("delete from " + table + " where tenant_id = ?1").setParameter(1, tenant.value()).executeUpdate();
        }
        var handlers = List.of(new AnnotationEventHandlerAdapter(ledger), new AnnotationEventHandlerAdapter(checkouts));
        long[] replayed = {0};
        long read = axon.replayHistory(e -> {
            if (tenant.equals(tenantOf(e.getPayload()))) {
                for (var h : handlers) {
                    if (h.canHandle(e)) {
                        handle(h, e);
                        replayed[0]++;
                    }
                }
            }
        });
        return new ReadModels.Rebuilt(read, replayed[0]);
    }

    private static void handle(AnnotationEventHandlerAdapter handler, TrackedEventMessage<?> event) {
        try {
            handler.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException("rebuilding the loyalty read models failed at event " + event.getIdentifier(), e);
        }
    }

    private static Object tenantOf(Object payload) {
        try {
            return payload.getClass().getMethod("tenantId").invoke(payload);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
