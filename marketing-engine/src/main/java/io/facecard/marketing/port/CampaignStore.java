package io.facecard.marketing.port;

import io.facecard.domain.marketing.CampaignId;
import io.facecard.domain.marketing.CampaignSpec;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port out: the campaigns' read model, and the list of campaigns the runner must act on (across tenants). */
public interface CampaignStore {
    Optional<View> find(TenantId tenant, CampaignId id);

    List<View> list(TenantId tenant);

    /** Campaigns due now: scheduled ones whose time came, running ones with messages left to queue. */
    List<Due> due(Instant now, int limit);

    void due(TenantId tenant, CampaignId id, Instant at);

    void done(CampaignId id);

    /** Whether a segment is some campaign's audience (it is then not deleted). */
    boolean usesSegment(TenantId tenant, String segmentId);

    record Due(TenantId tenant, CampaignId campaign) {}

    record View(CampaignId id, String status, CampaignSpec spec, Instant sendAt, Instant startedAt, Instant completedAt, Long treated,
            Long holdout, Long queued, Instant createdAt, Instant updatedAt) {}
}
