package io.facecard.adapters.outbound.marketing;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.facecard.adapters.outbound.axon.AxonWiring;
import io.facecard.adapters.outbound.axon.Projection;
import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.domain.marketing.CampaignEvents.AudienceFrozenEvent;
import io.facecard.domain.marketing.CampaignEvents.CampaignCancelledEvent;
import io.facecard.domain.marketing.CampaignEvents.CampaignChangedEvent;
import io.facecard.domain.marketing.CampaignEvents.CampaignCompletedEvent;
import io.facecard.domain.marketing.CampaignEvents.CampaignDraftedEvent;
import io.facecard.domain.marketing.CampaignEvents.CampaignScheduledEvent;
import io.facecard.domain.marketing.CampaignEvents.CampaignStartedEvent;
import io.facecard.domain.marketing.CampaignSpec;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/** The campaigns' read model, in the command's transaction. */
@Dependent
@ProcessingGroup(MarketingAxon.CAMPAIGNS)
@TenantBound
public class CampaignProjection implements Projection {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @EventHandler
    void on(CampaignDraftedEvent e) {
        Jdbc.update(em, "insert into campaign_view (id, tenant_id, name, status, spec, created_at, updated_at) values (?, ?, ?, 'DRAFT', ?, ?, ?) "
                + "on conflict (id) do nothing", e.campaignId().value(), e.tenantId().value(), e.spec().name(), write(e.spec()), e.at(), e.at());
    }

    @EventHandler
    void on(CampaignChangedEvent e) {
        set(e.tenantId(), e.campaignId().value(), e.at(), "name = ?, spec = ?", e.spec().name(), write(e.spec()));
    }

    @EventHandler
    void on(CampaignScheduledEvent e) {
        set(e.tenantId(), e.campaignId().value(), e.at(), "status = 'SCHEDULED', send_at = ?", e.sendAt());
    }

    @EventHandler
    void on(CampaignStartedEvent e) {
        set(e.tenantId(), e.campaignId().value(), e.at(), "status = 'RUNNING', started_at = ?", e.at());
    }

    @EventHandler
    void on(AudienceFrozenEvent e) {
        set(e.tenantId(), e.campaignId().value(), e.at(), "treated = ?, holdout = ?", e.treated(), e.holdout());
    }

    @EventHandler
    void on(CampaignCompletedEvent e) {
        set(e.tenantId(), e.campaignId().value(), e.at(), "status = 'COMPLETED', completed_at = ?, queued = ?", e.at(), e.queued());
    }

    @EventHandler
    void on(CampaignCancelledEvent e) {
        set(e.tenantId(), e.campaignId().value(), e.at(), "status = 'CANCELLED', completed_at = ?", e.at());
    }

    private void set(TenantId tenant, UUID id, Instant at, String assignments, Object... values) {
        Object[] params = new Object[values.length + 2];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = at;
        params[values.length + 1] = id;
        Jdbc.update(em, "update campaign_view set " + assignments + ", updated_at = ? where id = ?", params);
    }

    static String write(CampaignSpec spec) {
        try {
            return AxonWiring.objectMapper().writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static CampaignSpec read(String json) {
        try {
            return AxonWiring.objectMapper().readValue(json, CampaignSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign_view holds a spec it cannot read", e);
        }
    }
}
