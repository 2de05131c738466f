package io.facecard.marketing.port;

import io.facecard.domain.marketing.CampaignId;
import io.facecard.domain.marketing.CampaignSpec;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Port out: a campaign's recipients, frozen at send time in a command-side table, and what became of them. */
public interface CampaignAudience {
    /**
     * Evaluates the tree now and stores its members once, each TREATED or HOLDOUT by a stable hash
     * of campaign and member (holdout when below {@code holdoutBasisPoints} of 10,000).
     *
     * @return {treated, holdout}; a second call for the same campaign adds nobody
     */
    long[] freeze(TenantId tenant, CampaignId campaign, Condition condition, Function<String, Condition> segments, Instant now,
            int holdoutBasisPoints);

    /** Treated recipients whose message is not queued yet, with what personalises it. */
    List<Pending> pending(TenantId tenant, CampaignId campaign, int limit);

    /**
     * Treated recipients whose message is not queued yet, counting those another worker holds locked: {@link #pending}
     * skips those, so only this says whether the campaign is done.
     */
    long unqueued(TenantId tenant, CampaignId campaign);

    /** Records that these recipients' messages are queued (with their coupon codes); false when a code was taken (draw again). */
    boolean queued(TenantId tenant, CampaignId campaign, List<Queued> queued, Instant at);

    /**
     * The campaign's offer, waiting at the till for each of these members (with the code their
     * message carries), and its global budget when it has one. Once per member however often called.
     */
    void offer(TenantId tenant, CampaignId campaign, CampaignSpec spec, List<Offered> offered);

    /** The campaign's offers redeemed (less those a return gave back), and what they cost. */
    Redemptions redemptions(TenantId tenant, CampaignId campaign);

    /**
     * @param discount money off the baskets
     * @param points points the offers added
     * @param cost the discount plus the points at the programme's point value
     */
    record Redemptions(long redeemed, long givenBack, BigDecimal discount, long points, BigDecimal cost) {}

    record Offered(MemberId member, String couponCode) {}

    Tally tally(TenantId tenant, CampaignId campaign, Instant start, Instant attributionEnd);

    record Pending(MemberId member, String name, String locale) {}

    record Queued(MemberId member, String couponCode, String outboxKey) {}

    /**
     * @param messages per status (SENT, QUEUED, FAILED, BLOCKED) and, for BLOCKED and FAILED, per rule: "BLOCKED:no-consent";
     *     "SENT:MASS" counts the sent ones that went in a WeChat mass send
     */
    /** @param held per delivery rule, the messages it holds and the earliest they may go */
    record Tally(long recipients, long holdout, Map<String, Long> messages, Map<String, Held> held, Group treated,
            Group control) {}

    /** Messages a delivery rule (quiet hours, the frequency cap, a messenger's limit) holds, and when the first may go. */
    record Held(long messages, Instant until) {}

    /**
     * One group's outcome in the attribution window: members, members who bought, revenue (what the
     * baskets came to less the offers' discounts) and its sum of squares per member.
     */
    record Group(long members, long converted, BigDecimal revenue, double revenueSquares) {}
}
