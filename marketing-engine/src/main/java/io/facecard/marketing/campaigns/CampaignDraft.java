package io.facecard.marketing.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A campaign as the marketer writes it; {@link CampaignSpecs} checks it and makes its spec. */
public record CampaignDraft(String name, String segmentId, Map<String, Object> condition, String channel, Map<String, String> message,
        OfferDraft offer, Double holdoutShare, LimitsDraft limits, Instant validUntil, Integer attributionDays, TriggerDraft trigger) {

    /** {@code kind}: POINTS_EXPIRING, NO_VISIT, FIRST_PURCHASE or BIRTHDAY; {@code days} for the first two, and days ahead for BIRTHDAY. */
    public record TriggerDraft(String kind, Integer days) {}

    public record OfferDraft(String kind, String title, BigDecimal value, String category, List<String> skus, String codes, String code,
            PatternDraft pattern, Boolean givenBackOnReturn) {}

    public record PatternDraft(String prefix, Integer length, String charset) {}

    public record LimitsDraft(Integer perMember, Integer total) {}
}
