package io.facecard.domain.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a campaign sends to whom: its audience (a saved segment, or a condition tree of its own in its JSON form),
 * the channel (WECHAT, TELEGRAM or PREFERRED), the message per locale ("" the default; with {name} and {coupon}), the offer, the holdout share,
 * the limits, how long the offer is valid and how long purchases are attributed to it.
 */
public record CampaignSpec(String name, String segmentId, Map<String, Object> condition, String channel, Map<String, String> message, Offer offer,
        double holdoutShare, Limits limits, Instant validUntil, int attributionDays, Trigger trigger) {
    public CampaignSpec {
        message = Map.copyOf(message);
    }

    /** Without a trigger: sent once, to the audience as it is at the start. */
    public CampaignSpec(String name, String segmentId, Map<String, Object> condition, String channel, Map<String, String> message, Offer offer,
            double holdoutShare, Limits limits, Instant validUntil, int attributionDays) {
        this(name, segmentId, condition, channel, message, offer, holdoutShare, limits, validUntil, attributionDays, null);
    }

    /**
     * A campaign that runs until {@code validUntil} and sends to each member of its audience once,
     * when the member comes to match: POINTS_EXPIRING (points lapse within {@code days}), NO_VISIT
     * (not identified at a till for {@code days}), FIRST_PURCHASE (exactly one purchase so far).
     */
    public record Trigger(String kind, int days) {}

    /**
     * @param kind COUPON (a code that gives {@code value} off), BONUS_POINTS, POINTS_MULTIPLIER or DISCOUNT (percent off SKUs or a category)
     * @param codes GENERIC (one {@code code} for all) or UNIQUE (one per recipient by {@code pattern}); none for offers without a code
     */
    public record Offer(String kind, String title, BigDecimal value, String category, List<String> skus, String codes, String code,
            CodePattern pattern, boolean givenBackOnReturn) {
        public Offer {
            skus = skus == null ? List.of() : List.copyOf(skus);
        }
    }

    /** A unique code: {@code prefix} then {@code length} characters drawn from {@code charset}. */
    public record CodePattern(String prefix, int length, String charset) {}

    /** @param perMember redemptions per member; @param total redemptions in all (null: no global budget) */
    public record Limits(int perMember, Integer total) {}
}
