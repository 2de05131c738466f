package io.facecard.adapters.outbound.tenancy;

import io.facecard.adapters.outbound.axon.Projection;
import io.facecard.adapters.outbound.loyalty.RecentLoyaltySettings;
import io.facecard.domain.tenancy.TenantEvents.TenantLimitsSetEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantOffboardedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantOffboardingStartedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantOnboardedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantResumedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantSettingsChangedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantSuspendedEvent;
import io.facecard.domain.tenancy.TenantStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Keeps {@code tenant_view}. It runs in a subscribing processor, inside the command's own
 * transaction, because credentials are checked against it: a suspension must hold at once.
 */
@Dependent
@ProcessingGroup(TenantDirectoryProjection.PROCESSOR)
public class TenantDirectoryProjection implements Projection {
    public static final String PROCESSOR = "tenant-directory";

    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    RecentLoyaltySettings loyaltySettings;

    @EventHandler
    void on(TenantOnboardedEvent e) {
        UUID id = e.tenantId().value();
        TenantViewRow existing = em.find(TenantViewRow.class, id);
        TenantViewRow row = existing != null ? existing : new TenantViewRow(id, e.slug(), e.at());
        row.name = e.name();
        row.currency = e.currency();
        row.timezone = e.timezone();
        row.updatedAt = e.at();
        if (existing == null) {
            em.persist(row); // after the fields are set: the insert takes the state at persist time
        }
    }

    @EventHandler
    void on(TenantSettingsChangedEvent e) {
        loyaltySettings.forgetAll(); // currency and time zone
        TenantViewRow row = em.find(TenantViewRow.class, e.tenantId().value());
        row.name = e.name();
        row.currency = e.currency();
        row.timezone = e.timezone();
        row.updatedAt = e.at();
    }

    @EventHandler
    void on(TenantLimitsSetEvent e) {
        TenantViewRow row = em.find(TenantViewRow.class, e.tenantId().value());
        row.requestsPerSecond = e.limits().requestsPerSecond();
        row.burst = e.limits().burst();
        row.faceConcurrency = e.limits().faceConcurrency();
        row.importWorkers = e.limits().importWorkers();
        row.updatedAt = e.at();
    }

    @EventHandler
    void on(TenantSuspendedEvent e) {
        status(e.tenantId().value(), TenantStatus.SUSPENDED, e.at());
    }

    @EventHandler
    void on(TenantResumedEvent e) {
        status(e.tenantId().value(), TenantStatus.ACTIVE, e.at());
    }

    @EventHandler
    void on(TenantOffboardingStartedEvent e) {
        status(e.tenantId().value(), TenantStatus.OFFBOARDING, e.at());
    }

    @EventHandler
    void on(TenantOffboardedEvent e) {
        status(e.tenantId().value(), TenantStatus.OFFBOARDED, e.at());
    }

    private void status(UUID id, TenantStatus status, Instant at) {
        TenantViewRow row = em.find(TenantViewRow.class, id);
        row.status = status;
        row.updatedAt = at;
    }
}
