package io.facecard.marketing.campaigns;

import io.facecard.domain.marketing.CampaignCommands;
import io.facecard.domain.marketing.CampaignId;
import io.facecard.domain.marketing.CampaignSpec;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.delivery.NoticeTexts;
import io.facecard.marketing.port.CampaignAudience;
import io.facecard.marketing.port.CampaignStore;
import io.facecard.marketing.port.Condition;
import io.facecard.marketing.port.Notice;
import io.facecard.marketing.port.Outbox;
import io.facecard.marketing.segments.Segments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * A running campaign's steps, each one short transaction: freeze the audience once, then queue
 * the treated members' messages batch by batch (a batch's rows are locked, so two runners split
 * the work; each message's outbox key queues it once), then complete.
 */
@ApplicationScoped
@Transactional
public class CampaignSteps {
    static final int BATCH = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CommandGateway commands;
    private CampaignStore store;
    private CampaignAudience audience;
    private Outbox outbox;
    private Segments segments;
    private Clock clock;

    /** For the container's proxy. */
    protected CampaignSteps() {}

    @Inject
    public CampaignSteps(CommandGateway commands, CampaignStore store, CampaignAudience audience, Outbox outbox,
            Segments segments, Clock clock) {
        this.commands = commands;
        this.store = store;
        this.audience = audience;
        this.outbox = outbox;
        this.segments = segments;
        this.clock = clock;
    }

    /** @return false when it ran already */
    public boolean start(TenantId tenant, CampaignId id, String actor) {
        Instant now = clock.instant();
        Boolean started = commands.sendAndWait(new CampaignCommands.StartCampaign(id, actor, now));
        store.due(tenant, id, now);
        return Boolean.TRUE.equals(started);
    }

    public void freeze(TenantId tenant, CampaignId id, CampaignSpec spec) {
        Condition c = spec.segmentId() != null ? segments.condition(tenant, UUID.fromString(spec.segmentId()))
                : segments.parse(tenant, spec.condition());
        if (spec.trigger() != null) {
            // Those of the audience the trigger holds for now; members frozen earlier stay, so each is sent to once.
            c = new Condition.And(List.of(c, segments.parse(tenant, CampaignSpecs.condition(spec.trigger()))));
        }
        Instant now = clock.instant();
        long[] counts = audience.freeze(tenant, id, c, segments.resolver(tenant), now, (int) Math.round(spec.holdoutShare() * 10_000));
        commands.sendAndWait(new CampaignCommands.FreezeAudience(id, counts[0], counts[1], now));
    }

    /** @return how many messages this batch queued; 0 when none was left, -1 when its codes must be drawn again */
    public int queueBatch(TenantId tenant, CampaignId id, CampaignSpec spec) {
        List<CampaignAudience.Pending> batch = audience.pending(tenant, id, BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Notice> notices = new ArrayList<>();
        List<CampaignAudience.Queued> queued = new ArrayList<>();
        List<CampaignAudience.Offered> offered = new ArrayList<>();
        boolean sameForAll = !personal(spec);
        for (CampaignAudience.Pending p : batch) {
            String coupon = coupon(spec);
            Map<String, String> personal = new HashMap<>();
            personal.put("name", p.name() == null ? "" : p.name());
            personal.put("coupon", coupon == null ? "" : coupon);
            Map<String, String> fields = new HashMap<>();
            fields.put("text", NoticeTexts.fill(NoticeTexts.pick(spec.message(), p.locale()), personal));
            fields.put("campaign", id.toString());
            if (sameForAll) {
                fields.put("mass", "1"); // the same text to all of a locale: WeChat may carry it by mass send
            }
            if (!spec.channel().equals("PREFERRED")) {
                fields.put("channel", spec.channel());
            }
            String key = "campaign-" + id + "-" + p.member().value();
            offered.add(new CampaignAudience.Offered(p.member(), coupon));
            notices.add(new Notice(tenant, p.member(), "CAMPAIGN", Notice.Kind.MARKETING, fields, key));
            // A generic code is the campaign's; only unique codes are the recipient's own.
            queued.add(new CampaignAudience.Queued(p.member(), "UNIQUE".equals(spec.offer() == null ? null : spec.offer().codes()) ? coupon
                    : null, key));
        }
        if (!audience.queued(tenant, id, queued, now)) {
            // A drawn code is taken (about one batch in a million at 8 characters): nothing was written, the next call draws again.
            return -1;
        }
        if (spec.offer() != null) {
            audience.offer(tenant, id, spec, offered);
        }
        outbox.queueAll(notices, now);
        return batch.size();
    }

    /** True when every treated recipient's message is queued, including any a worker on another replica was writing. */
    public boolean allQueued(TenantId tenant, CampaignId id) {
        return audience.unqueued(tenant, id) == 0;
    }

    /** A triggered campaign looks again in 15 s (its audience query, once per campaign, not per member). */
    public void later(TenantId tenant, CampaignId id) {
        store.due(tenant, id, clock.instant().plusSeconds(TRIGGER_EVERY_SECONDS));
    }

    static final long TRIGGER_EVERY_SECONDS = 15;

    public void complete(TenantId tenant, CampaignId id, long queued) {
        commands.sendAndWait(new CampaignCommands.CompleteCampaign(id, queued, clock.instant()));
        store.done(id);
    }

    /** A message with the member's name or their own code: only a message to one member can carry it, never a mass send. */
    static boolean personal(CampaignSpec spec) {
        boolean unique = spec.offer() != null && "UNIQUE".equals(spec.offer().codes());
        return spec.message().values().stream().anyMatch(t -> t.contains("{name}") || unique && t.contains("{coupon}"));
    }

    /** A unique code by the offer's pattern, the generic code, or none. */
    static String coupon(CampaignSpec spec) {
        if (spec.offer() == null || spec.offer().codes() == null) {
            return null;
        }
        if (spec.offer().codes().equals("GENERIC")) {
            return spec.offer().code();
        }
        var p = spec.offer().pattern();
        StringBuilder code = new StringBuilder(p.prefix());
        for (int i = 0; i < p.length(); i++) {
            code.append(p.charset().charAt(RANDOM.nextInt(p.charset().length())));
        }
        return code.toString();
    }
}
