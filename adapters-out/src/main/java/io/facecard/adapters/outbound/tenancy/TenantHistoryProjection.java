package io.facecard.adapters.outbound.tenancy;

import io.facecard.adapters.outbound.axon.Projection;
import io.facecard.domain.tenancy.TenantEvents.TenantLimitsSetEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantOffboardedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantOffboardingStartedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantOnboardedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantResumedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantSettingsChangedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantSuspendedEvent;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * The operator's audit trail of tenant events. Runs in a pooled streaming processor (its own
 * threads, tokens in the token store); keyed by the aggregate sequence, so a replay rewrites
 * the same rows instead of adding copies.
 */
@Dependent
@ProcessingGroup(TenantHistoryProjection.PROCESSOR)
public class TenantHistoryProjection implements Projection {
    public static final String PROCESSOR = "tenant-history";

    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @EventHandler
    void on(TenantOnboardedEvent e, @SequenceNumber long seq) {
        record(e.tenantId(), seq, "ONBOARDED", e.actor(), e.at());
    }

    @EventHandler
    void on(TenantSettingsChangedEvent e, @SequenceNumber long seq) {
        record(e.tenantId(), seq, "SETTINGS_CHANGED", e.actor(), e.at());
    }

    @EventHandler
    void on(TenantLimitsSetEvent e, @SequenceNumber long seq) {
        record(e.tenantId(), seq, "LIMITS_SET", e.actor(), e.at());
    }

    @EventHandler
    void on(TenantSuspendedEvent e, @SequenceNumber long seq) {
        record(e.tenantId(), seq, "SUSPENDED", e.actor(), e.at());
    }

    @EventHandler
    void on(TenantResumedEvent e, @SequenceNumber long seq) {
        record(e.tenantId(), seq, "RESUMED", e.actor(), e.at());
    }

    @EventHandler
    void on(TenantOffboardingStartedEvent e, @SequenceNumber long seq) {
        record(e.tenantId(), seq, "OFFBOARDING_STARTED", e.actor(), e.at());
    }

    @EventHandler
    void on(TenantOffboardedEvent e, @SequenceNumber long seq) {
        record(e.tenantId(), seq, "OFFBOARDED", e.actor(), e.at());
    }

    private void record(TenantId tenant, long seq, String event, String actor, Instant at) {
        em.createNativeQuery("insert into tenant_history (tenant_id, sequence, event, actor, at) values (?1, ?2, ?3, ?4, ?5) "
                        + "on conflict (tenant_id, sequence) do update set event = excluded.event, actor = excluded.actor, at = excluded.at")
                .setParameter(1, tenant.value()).setParameter(2, seq).setParameter(3, event)
                .setParameter(4, actor).setParameter(5, at)
                .executeUpdate();
    }
}
