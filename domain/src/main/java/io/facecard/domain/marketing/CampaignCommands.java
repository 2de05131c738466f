package io.facecard.domain.marketing;

import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class CampaignCommands {
    private CampaignCommands() {}

    public record DraftCampaign(@TargetAggregateIdentifier CampaignId campaignId, TenantId tenantId, CampaignSpec spec, String actor,
            Instant at) {}

    public record ChangeCampaign(@TargetAggregateIdentifier CampaignId campaignId, CampaignSpec spec, String actor, Instant at) {}

    public record ScheduleCampaign(@TargetAggregateIdentifier CampaignId campaignId, Instant sendAt, String actor, Instant at) {}

    public record StartCampaign(@TargetAggregateIdentifier CampaignId campaignId, String actor, Instant at) {}

    /** The audience frozen at send time (the recipients themselves are in a command-side table, not in events). */
    public record FreezeAudience(@TargetAggregateIdentifier CampaignId campaignId, long treated, long holdout, Instant at) {}

    public record CompleteCampaign(@TargetAggregateIdentifier CampaignId campaignId, long queued, Instant at) {}

    public record CancelCampaign(@TargetAggregateIdentifier CampaignId campaignId, String actor, Instant at) {}
}
