package io.facecard.marketing.campaigns;

import io.facecard.application.security.Caller;
import io.facecard.domain.marketing.CampaignCommands;
import io.facecard.domain.marketing.CampaignId;
import io.facecard.domain.marketing.CampaignRule;
import io.facecard.domain.marketing.CampaignSpec;
import io.facecard.domain.refusal.CommonRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.attribution.Uplift;
import io.facecard.marketing.port.CampaignAudience;
import io.facecard.marketing.port.CampaignStore;
import io.facecard.marketing.port.TenantZones;
import io.facecard.marketing.segments.Segments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** A marketer's campaigns: drafted, changed while drafts, scheduled or started, cancelled, and measured against their holdout. */
@ApplicationScoped
@Transactional
public class Campaigns {
    private CommandGateway commands;
    private CampaignStore store;
    private TenantZones zones;
    private CampaignAudience audience;
    private CampaignSteps steps;
    private Segments segments;
    private Clock clock;

    /** For the container's proxy. */
    protected Campaigns() {}

    @Inject
    public Campaigns(CommandGateway commands, CampaignStore store, TenantZones zones, CampaignAudience audience,
            CampaignSteps steps, Segments segments, Clock clock) {
        this.commands = commands;
        this.store = store;
        this.zones = zones;
        this.audience = audience;
        this.steps = steps;
        this.segments = segments;
        this.clock = clock;
    }

    /**
     * @param delivered sent where the channel's answer means the member's chat has it (Telegram, WeChat's customer-service
     *     and template messages)
     * @param massSent sent in a WeChat mass send: WeChat took the job, and filters a follower over their monthly four silently
     */
    public record Results(long recipients, long holdout, long sent, long delivered, long massSent, long queued,
            Map<String, CampaignAudience.Held> queuedBy, Map<String, Long> blocked, long failed, long redeemed, CampaignAudience.Redemptions offers,
            CampaignAudience.Group treated, CampaignAudience.Group control, Double treatedConversion, Double controlConversion,
            Uplift uplift, String attribution) {}

    public CampaignStore.View create(Caller caller, CampaignDraft draft) {
        TenantId tenant = Segments.MARKETING.tenantOf(caller);
        CampaignSpec spec = checked(tenant, draft);
        CampaignId id = new CampaignId(UUID.randomUUID());
        commands.sendAndWait(new CampaignCommands.DraftCampaign(id, tenant, spec, caller.actor(), clock.instant()));
        return get(tenant, id);
    }

    public CampaignStore.View change(Caller caller, CampaignId id, CampaignDraft draft) {
        TenantId tenant = Segments.MARKETING.tenantOf(caller);
        get(tenant, id);
        commands.sendAndWait(new CampaignCommands.ChangeCampaign(id, checked(tenant, draft), caller.actor(), clock.instant()));
        return get(tenant, id);
    }

    public CampaignStore.View get(Caller caller, CampaignId id) {
        return get(Segments.MARKETING.tenantOf(caller), id);
    }

    public List<CampaignStore.View> list(Caller caller) {
        return store.list(Segments.MARKETING.tenantOf(caller));
    }

    /** @param time an instant with its offset, or a local date-time in the tenant's zone ("2026-12-24T09:00") */
    public CampaignStore.View schedule(Caller caller, CampaignId id, String time) {
        TenantId tenant = Segments.MARKETING.tenantOf(caller);
        get(tenant, id);
        Instant now = clock.instant();
        Instant at = sendTime(time, zones.zone(tenant));
        if (at == null || at.isBefore(now.minusSeconds(60)) || at.isAfter(now.plus(Duration.ofDays(366)))) {
            throw Refusal.invalid("'at' is a time from now to a year ahead");
        }
        commands.sendAndWait(new CampaignCommands.ScheduleCampaign(id, at, caller.actor(), now));
        store.due(tenant, id, at);
        return get(tenant, id);
    }

    static Instant sendTime(String time, ZoneId zone) {
        if (time == null || time.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(time).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw Refusal.invalid("'at' is a date-time such as 2026-12-24T09:00 (the tenant's time) or 2026-12-24T08:00:00Z");
            }
        }
    }

    /** Sends now: the audience is frozen and the messages queued by the runner within a second or so. */
    public CampaignStore.View start(Caller caller, CampaignId id) {
        TenantId tenant = Segments.MARKETING.tenantOf(caller);
        get(tenant, id);
        steps.start(tenant, id, caller.actor());
        return get(tenant, id);
    }

    public CampaignStore.View cancel(Caller caller, CampaignId id) {
        TenantId tenant = Segments.MARKETING.tenantOf(caller);
        get(tenant, id);
        commands.sendAndWait(new CampaignCommands.CancelCampaign(id, caller.actor(), clock.instant()));
        store.done(id);
        return get(tenant, id);
    }

    public Results results(Caller caller, CampaignId id) {
        TenantId tenant = Segments.MARKETING.tenantOf(caller);
        CampaignStore.View v = get(tenant, id);
        if (v.startedAt() == null) {
            throw new Refusal(CampaignRule.CAMPAIGN_STATE, "a " + v.status() + " campaign has no results yet");
        }
        Instant end = v.startedAt().plus(Duration.ofDays(v.spec().attributionDays()));
        CampaignAudience.Tally t = audience.tally(tenant, id, v.startedAt(), end);
        CampaignAudience.Redemptions offers = audience.redemptions(tenant, id);
        Map<String, Long> blocked = new TreeMap<>();
        long failed = 0;
        for (var e : t.messages().entrySet()) {
            if (e.getKey().startsWith("BLOCKED:")) {
                blocked.put(e.getKey().substring("BLOCKED:".length()), e.getValue());
            } else if (e.getKey().startsWith("FAILED")) {
                failed += e.getValue();
            }
        }
        long sent = t.messages().getOrDefault("SENT", 0L);
        long mass = t.messages().getOrDefault("SENT:MASS", 0L);
        return new Results(t.recipients(), t.holdout(), sent, sent - mass, mass, t.messages().getOrDefault("QUEUED", 0L), t.held(),
                blocked, failed, offers.redeemed(), offers, t.treated(), t.control(), t.treated().members() == 0 ? null : Uplift.rate(t.treated()),
                t.control().members() == 0 ? null : Uplift.rate(t.control()), Uplift.of(t.treated(), t.control()),
                "a purchase within " + v.spec().attributionDays() + " days of the start on which a campaign's offer was redeemed goes to "
                        + "that campaign; any other, by last touch, to the latest campaign started before it that had the member in its "
                        + "audience (treated or holdout)");
    }

    private CampaignSpec checked(TenantId tenant, CampaignDraft draft) {
        if (draft == null) {
            throw Refusal.invalid("a JSON body is required");
        }
        CampaignSpec spec = CampaignSpecs.of(draft, clock.instant());
        if (spec.segmentId() != null) {
            try {
                segments.condition(tenant, UUID.fromString(spec.segmentId()));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("'segmentId' is not a segment of this tenant");
            } catch (Refusal r) {
                if (r.rule().equals(CommonRule.NOT_FOUND)) {
                    throw Refusal.invalid("'segmentId' is not a segment of this tenant");
                }
                throw r;
            }
        } else {
            segments.parse(tenant, spec.condition());
        }
        return spec;
    }

    private CampaignStore.View get(TenantId tenant, CampaignId id) {
        return store.find(tenant, id).orElseThrow(() -> Refusal.notFound("campaign " + id));
    }
}
