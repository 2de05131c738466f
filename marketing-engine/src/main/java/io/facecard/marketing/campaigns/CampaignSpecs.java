package io.facecard.marketing.campaigns;

import io.facecard.domain.marketing.CampaignSpec.CodePattern;
import io.facecard.domain.marketing.CampaignSpec.Limits;
import io.facecard.domain.marketing.CampaignSpec.Offer;
import io.facecard.domain.marketing.CampaignSpec;
import io.facecard.domain.refusal.Refusal;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a campaign draft field by field, each refusal naming its field, and makes the spec. */
final class CampaignSpecs {
    static final Set<String> CHANNELS = Set.of("WECHAT", "TELEGRAM", "PREFERRED");
    static final Set<String> OFFER_KINDS = Set.of("COUPON", "BONUS_POINTS", "POINTS_MULTIPLIER", "DISCOUNT");
    /** Anything in braces is a placeholder to check, so {name.__class__} is refused like {surname}, not sent as text. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    /** A campaign runs for at most five years: a later end is a typo (year 99999), not a plan. */
    private static final Duration LONGEST_RUN = Duration.ofDays(5 * 366);
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final Pattern PREFIX = Pattern.compile("[A-Z0-9-]{0,16}");
    static final String DEFAULT_CHARSET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private CampaignSpecs() {}

    static CampaignSpec of(CampaignDraft d, Instant now) {
        String name = d.name();
        if (name == null || name.isBlank() || name.length() > 200) {
            throw Refusal.invalid("'name' must be 1 to 200 characters");
        }
        if ((d.segmentId() == null) == (d.condition() == null)) {
            throw Refusal.invalid("the audience is 'segmentId' or 'condition', one of them");
        }
        if (d.channel() == null || !CHANNELS.contains(d.channel())) {
            throw Refusal.invalid("'channel' is WECHAT, TELEGRAM or PREFERRED (each member's preferred channel)");
        }
        Offer offer = d.offer() == null ? null : offer(d.offer());
        Map<String, String> message = message(d.message(), offer);
        double holdout = d.holdoutShare() == null ? 0.1 : d.holdoutShare();
        if (holdout < 0 || holdout > 0.5) {
            throw Refusal.invalid("'holdoutShare' is from 0 to 0.5 (the share of the audience that gets nothing, to measure against)");
        }
        Limits limits = new Limits(d.limits() == null || d.limits().perMember() == null ? 1 : d.limits().perMember(),
                d.limits() == null ? null : d.limits().total());
        if (limits.perMember() < 1 || limits.perMember() > 100) {
            throw Refusal.invalid("'limits.perMember' is from 1 to 100");
        }
        if (limits.total() != null && limits.total() < 1) {
            throw Refusal.invalid("'limits.total' is at least 1");
        }
        Instant validUntil = d.validUntil() == null ? now.plus(Duration.ofDays(30)) : d.validUntil();
        if (!validUntil.isAfter(now)) {
            throw Refusal.invalid("'validUntil' is in the past");
        }
        if (validUntil.isAfter(now.plus(LONGEST_RUN))) {
            throw Refusal.invalid("'validUntil' is at most 5 years ahead");
        }
        int attribution = d.attributionDays() == null ? 30 : d.attributionDays();
        if (attribution < 1 || attribution > 90) {
            throw Refusal.invalid("'attributionDays' is from 1 to 90");
        }
        return new CampaignSpec(name.strip(), d.segmentId(), d.condition(), d.channel(), message, offer, holdout, limits, validUntil,
                attribution, trigger(d.trigger()));
    }

    static final Set<String> TRIGGERS = Set.of("POINTS_EXPIRING", "NO_VISIT", "FIRST_PURCHASE", "BIRTHDAY");

    private static CampaignSpec.Trigger trigger(CampaignDraft.TriggerDraft t) {
        if (t == null) {
            return null;
        }
        if (t.kind() == null || !TRIGGERS.contains(t.kind())) {
            throw Refusal.invalid("'trigger.kind' is one of " + new TreeSet<>(TRIGGERS));
        }
        if (t.kind().equals("BIRTHDAY")) {
            // Days ahead of the birthday (0: on the day), in the tenant's zone.
            int ahead = t.days() == null ? 0 : t.days();
            if (ahead < 0 || ahead > 30) {
                throw Refusal.invalid("'trigger.days' for BIRTHDAY is 0 (on the day) to 30 days ahead");
            }
            return new CampaignSpec.Trigger(t.kind(), ahead);
        }
        boolean needsDays = !t.kind().equals("FIRST_PURCHASE");
        if (needsDays && (t.days() == null || t.days() < 1 || t.days() > 365)) {
            throw Refusal.invalid("'trigger.days' is from 1 to 365");
        }
        return new CampaignSpec.Trigger(t.kind(), needsDays ? t.days() : 0);
    }

    /** The trigger as a condition leaf, so it is evaluated like the rest of the audience (in SQL). */
    static Map<String, Object> condition(CampaignSpec.Trigger t) {
        return switch (t.kind()) {
            case "POINTS_EXPIRING" -> Map.of("property", "pointsExpiring", "withinDays", t.days(), "operator", "greaterThan", "value", 0);
            case "BIRTHDAY" -> Map.of("property", "daysToBirthday", "operator", "lessThanOrEqualTo", "value", t.days());
            case "NO_VISIT" -> Map.of("and", List.of(Map.of("event", "visit", "withinDays", 3660),
                    Map.of("event", "visit", "withinDays", t.days(), "occurred", false)));
            default -> Map.of("event", "purchase", "withinDays", 3660, "minCount", 1, "maxCount", 1);
        };
    }

    private static Map<String, String> message(Map<String, String> m, Offer offer) {
        if (m == null || m.isEmpty() || m.size() > 20) {
            throw Refusal.invalid("'message' maps 1 to 20 locales (\"\" the default) to texts");
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((locale, text) -> {
            String at = "'message." + locale + "'";
            if (locale == null || !(locale.isEmpty() || LOCALE.matcher(locale).matches())) {
                throw Refusal.invalid(at + " is not a locale such as ru or zh-CN (\"\" is the default)");
            }
            if (text == null || text.isBlank() || text.length() > 1000) {
                throw Refusal.invalid(at + " must be 1 to 1000 characters");
            }
            Matcher p = PLACEHOLDER.matcher(text);
            while (p.find()) {
                String name = p.group(1);
                if (!name.equals("name") && !name.equals("coupon")) {
                    throw Refusal.invalid(at + " uses {" + name + "}; a message takes {name} and {coupon}");
                }
                if (name.equals("coupon") && (offer == null || offer.codes() == null)) {
                    throw Refusal.invalid(at + " uses {coupon}, but the campaign's offer has no codes");
                }
            }
            out.put(locale, text);
        });
        return out;
    }

    private static Offer offer(CampaignDraft.OfferDraft o) {
        if (o.kind() == null || !OFFER_KINDS.contains(o.kind())) {
            throw Refusal.invalid("'offer.kind' is one of " + new TreeSet<>(OFFER_KINDS));
        }
        if (o.title() == null || o.title().isBlank() || o.title().length() > 100) {
            throw Refusal.invalid("'offer.title' must be 1 to 100 characters (the cashier and the member see it)");
        }
        BigDecimal v = o.value();
        boolean percent = o.kind().equals("DISCOUNT");
        if (v == null || v.signum() <= 0 || (percent && v.compareTo(BigDecimal.valueOf(100)) > 0)
                || (o.kind().equals("POINTS_MULTIPLIER") && v.compareTo(BigDecimal.valueOf(10)) > 0)) {
            throw Refusal.invalid("'offer.value' must be above 0" + (percent ? " and at most 100 (percent)" : "")
                    + (o.kind().equals("POINTS_MULTIPLIER") ? " and at most 10" : ""));
        }
        if (percent && o.category() == null && (o.skus() == null || o.skus().isEmpty())) {
            throw Refusal.invalid("a DISCOUNT names its 'offer.category' or 'offer.skus'");
        }
        String codes = o.codes();
        CodePattern pattern = null;
        if (o.kind().equals("COUPON") && codes == null) {
            throw Refusal.invalid("a COUPON has 'offer.codes': GENERIC (one 'code' for all) or UNIQUE (one per member by 'pattern')");
        }
        if (codes != null) {
            switch (codes) {
                case "GENERIC" -> {
                    if (o.code() == null || !o.code().matches("[A-Z0-9-]{4,32}")) {
                        throw Refusal.invalid("'offer.code' is 4 to 32 capital letters, digits or dashes");
                    }
                }
                case "UNIQUE" -> {
                    var p = o.pattern();
                    String prefix = p == null || p.prefix() == null ? "" : p.prefix();
                    int length = p == null || p.length() == null ? 8 : p.length();
                    String charset = p == null || p.charset() == null ? DEFAULT_CHARSET : p.charset();
                    if (!PREFIX.matcher(prefix).matches()) {
                        throw Refusal.invalid("'offer.pattern.prefix' is at most 16 capital letters, digits or dashes");
                    }
                    if (length < 6 || length > 24) {
                        throw Refusal.invalid("'offer.pattern.length' is from 6 to 24 (codes must not be guessed)");
                    }
                    if (!charset.matches("[A-Z0-9]{10,36}") || charset.chars().distinct().count() != charset.length()) {
                        throw Refusal.invalid("'offer.pattern.charset' is 10 to 36 distinct capital letters or digits");
                    }
                    pattern = new CodePattern(prefix, length, charset);
                }
                default -> throw Refusal.invalid("'offer.codes' is GENERIC or UNIQUE");
            }
        }
        return new Offer(o.kind(), o.title().strip(), v, o.category(), o.skus(), codes, "GENERIC".equals(codes) ? o.code() : null, pattern,
                Boolean.TRUE.equals(o.givenBackOnReturn()));
    }
}
