package io.facecard.domain.marketing;

import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;

public final class CampaignEvents {
    private CampaignEvents() {}

    public record CampaignDraftedEvent(TenantId tenantId, CampaignId campaignId, CampaignSpec spec, String actor, Instant at) {}

    public record CampaignChangedEvent(TenantId tenantId, CampaignId campaignId, CampaignSpec spec, String actor, Instant at) {}

    public record CampaignScheduledEvent(TenantId tenantId, CampaignId campaignId, Instant sendAt, String actor, Instant at) {}

    public record CampaignStartedEvent(TenantId tenantId, CampaignId campaignId, String actor, Instant at) {}

    public record AudienceFrozenEvent(TenantId tenantId, CampaignId campaignId, long treated, long holdout, Instant at) {}

    public record CampaignCompletedEvent(TenantId tenantId, CampaignId campaignId, long queued, Instant at) {}

    public record CampaignCancelledEvent(TenantId tenantId, CampaignId campaignId, String actor, Instant at) {}
}
