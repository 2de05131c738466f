package io.facecard.adapters.outbound.marketing;

import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.marketing.port.Condition.Event;
import io.facecard.marketing.port.Condition.Property;
import io.facecard.marketing.port.Condition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Compiles a condition tree into one SQL query of member ids over the read models built for
 * segments: {@code mkt_member_spend s} (one row per member who bought: 12-month spend and count,
 * the last purchase day), {@code mkt_member_category} (the last day per member and category),
 * {@code mkt_purchase_day} (member × day × store × category/SKU, with the receipt's total under dim
 * 'all') and {@code mkt_visit_day}. Event leaves become semi-joins on grouped aggregates, never a
 * per-member loop; every value is a bound parameter. A tree that only members with a summary row
 * can match, and that reads nothing of their profile, is evaluated over the summary alone (a
 * narrow table of buyers, no join with {@code member_view}); erasure deletes the summary row.
 */
final class SegmentSql {
    private final Object tenant;
    private final Instant now;
    private final LocalDate today;
    private final Function<String, Condition> segments;
    private final List<LoyaltyProgram.Tier> tiers;
    final List<Object> params = new ArrayList<>();
    private int depth;
    /** The last compiled node can hold only for a member with a summary row. */
    private boolean strict;
    /** Some leaf reads the member's profile ({@code member_view}). */
    private boolean profile;

    /** @param segments another segment's tree by id (the parser checked it exists) */
    SegmentSql(UUID tenant, Instant now, ZoneId zone, Function<String, Condition> segments,
            List<LoyaltyProgram.Tier> tiers) {
        this.tiers = tiers;
        this.tenant = tenant;
        this.now = now;
        this.today = now.atZone(zone).toLocalDate();
        this.segments = segments;
    }

    /**
     * The ids ({@code id}) and tenant ({@code tenant_id}) of the tenant's living members that match;
     * its first parameter is the tenant, then {@link #params}.
     */
    String select(Condition c) {
        String where = where(c);
        if (strict && !profile) {
            return "select s.member_id as id, s.tenant_id from mkt_member_spend s where s.tenant_id = ? and "
                    + where.replace("m.tenant_id", "s.tenant_id").replace("m.id", "s.member_id");
        }
        return "select m.id, m.tenant_id from member_view m left join mkt_member_spend s on s.tenant_id = m.tenant_id and "
                + "s.member_id = m.id where m.tenant_id = ? and not m.erased and " + where;
    }

    private String where(Condition c) {
        if (++depth > 40) {
            throw new IllegalStateException("segments refer to each other in a cycle");
        }
        try {
            if (c instanceof Condition.And a) {
                boolean any = false;
                List<String> parts = new ArrayList<>();
                for (Condition x : a.all()) {
                    parts.add(where(x));
                    any |= strict;
                }
                strict = any;
                return "(" + String.join(" and ", parts) + ")";
            }
            if (c instanceof Condition.Or o) {
                boolean all = true;
                List<String> parts = new ArrayList<>();
                for (Condition x : o.any()) {
                    parts.add(where(x));
                    all &= strict;
                }
                strict = all;
                return "(" + String.join(" or ", parts) + ")";
            }
            if (c instanceof Condition.Not n) {
                String negated = "not coalesce(" + where(n.negated()) + ", false)";
                strict = false;
                return negated;
            }
            if (c instanceof Condition.SegmentRef s) {
                return where(segments.apply(s.segmentId()));
            }
            strict = false;
            return c instanceof Property p ? property(p) : event((Event) c);
        } finally {
            depth--;
        }
    }

    private String property(Property p) {
        String name = p.property().name();
        if (name.startsWith("consent.")) {
            params.add(name.substring("consent.".length()));
            String latest = "coalesce((select c.granted from member_consent c where c.tenant_id = m.tenant_id and c.member_id = m.id "
                    + "and c.purpose = ? order by c.sequence desc limit 1), false)";
            boolean want = (Boolean) p.values().get(0);
            return p.operator() == Condition.Operator.EQUALS == want ? latest : "not " + latest;
        }
        if (name.equals("channels")) {
            return channels(p);
        }
        if (name.equals("tier")) {
            return tier(p);
        }
        profile |= !name.startsWith("points");
        String column = switch (name) {
            case "gender" -> "m.gender";
            case "locale" -> "m.locale";
            case "homeStore" -> "lower(m.home_store_id::text)";
            case "birthDate" -> "m.birth_date";
            case "memberSince" -> "(m.created_at at time zone 'UTC')::date";
            case "age" -> "date_part('year', age(?::date, m.birth_date))";
            // 0 on the day; a 29 February birthday falls on the 28th in other years (date + interval does that).
            case "daysToBirthday" -> "(case when (m.birth_date + date_part('year', age(?::date, m.birth_date)) * interval '1 year')::date "
                    + "= ?::date then 0 else (m.birth_date + (date_part('year', age(?::date, m.birth_date)) + 1) * interval '1 year')::date "
                    + "- ?::date end)";
            case "pointsAvailable" -> "(select coalesce(sum(l.remaining), 0) from bonus_lot l where l.tenant_id = m.tenant_id and "
                    + "l.member_id = m.id and l.remaining > 0 and l.available_at <= ? and (l.expires_at is null or l.expires_at > ?))";
            case "pointsExpiring" -> "(select coalesce(sum(l.remaining), 0) from bonus_lot l where l.tenant_id = m.tenant_id and "
                    + "l.member_id = m.id and l.remaining > 0 and l.expires_at > ? and l.expires_at <= ?)";
            default -> throw new IllegalArgumentException(name);
        };
        return compare(column, p, () -> {
            switch (name) {
                case "age" -> params.add(today);
                case "daysToBirthday" -> params.addAll(List.of(today, today, today, today));
                case "pointsAvailable" -> {
                    params.add(now);
                    params.add(now);
                }
                case "pointsExpiring" -> {
                    params.add(now);
                    params.add(now.plus(Duration.ofDays(p.withinDays())));
                }
                default -> { }
            }
        });
    }

    /** {@code column op value}; {@code columnParams} adds the column expression's own parameters, each time it is written. */
    private String compare(String column, Property p, Runnable columnParams) {
        List<Object> v = p.values();
        StringBuilder sql = new StringBuilder();
        columnParams.run();
        switch (p.operator()) {
            case EQUALS -> sql.append(column).append(" = ?");
            case NOT_EQUALS -> sql.append("coalesce(").append(column).append(" <> ?, true)");
            case LESS_THAN -> sql.append(column).append(" < ?");
            case LESS_THAN_OR_EQUAL_TO -> sql.append(column).append(" <= ?");
            case GREATER_THAN -> sql.append(column).append(" > ?");
            case GREATER_THAN_OR_EQUAL_TO -> sql.append(column).append(" >= ?");
            case BETWEEN -> sql.append(column).append(" between ? and ?");
            case EXISTS -> sql.append(column).append(" is not null");
            case MISSING -> sql.append(column).append(" is null");
            case CONTAINS -> sql.append("strpos(lower(").append(column).append("), lower(?)) > 0");
            case STARTS_WITH -> sql.append("starts_with(lower(").append(column).append("), lower(?))");
            case IN -> sql.append(column).append(" in (").append(marks(v.size())).append(")");
            case NOT_IN -> sql.append("coalesce(").append(column).append(" not in (").append(marks(v.size())).append("), true)");
            default -> throw new IllegalArgumentException(p.operator().json + " on " + p.property().name());
        }
        params.addAll(v);
        return sql.toString();
    }

    /**
     * The tier as the till shows it (the highest whose threshold 12 months of spend reach), as
     * ranges of {@code mkt_member_spend}: each operator becomes membership in a set of tiers, so
     * a tier leaf is one indexed range read, not a year of purchases per member.
     */
    private String tier(Property p) {
        List<String> names = tiers.stream().map(LoyaltyProgram.Tier::name).toList();
        Set<String> wanted = new LinkedHashSet<>();
        boolean negate = false;
        switch (p.operator()) {
            case EQUALS, IN -> p.values().forEach(v -> wanted.add((String) v));
            case NOT_EQUALS, NOT_IN -> {
                p.values().forEach(v -> wanted.add((String) v));
                negate = true;
            }
            case EXISTS -> wanted.addAll(names);
            case MISSING -> {
                wanted.addAll(names);
                negate = true;
            }
            case CONTAINS -> names.stream().filter(n -> n.toLowerCase(Locale.ROOT).contains(((String) p.values().get(0))
                    .toLowerCase(Locale.ROOT))).forEach(wanted::add);
            case STARTS_WITH -> names.stream().filter(n -> n.toLowerCase(Locale.ROOT).startsWith(((String) p.values().get(0))
                    .toLowerCase(Locale.ROOT))).forEach(wanted::add);
            default -> throw new IllegalArgumentException(p.operator().json);
        }
        List<String> ranges = new ArrayList<>();
        List<Object> bounds = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            if (!wanted.contains(tiers.get(i).name())) {
                continue;
            }
            // A tier runs from its threshold to the next one's (tierFor takes the last reached in the program's order).
            bounds.add(tiers.get(i).minSpend());
            String range = "s.spend_12m >= ?";
            if (i + 1 < tiers.size()) {
                bounds.add(tiers.get(i + 1).minSpend());
                range += " and s.spend_12m < ?";
            }
            ranges.add("(" + range + ")");
        }
        if (ranges.isEmpty()) {
            return negate ? "true" : "false";
        }
        params.addAll(bounds);
        String in = "coalesce((" + String.join(" or ", ranges) + "), false)";
        strict = !negate;
        return negate ? "not " + in : in;
    }

    private String channels(Property p) {
        String bound = "exists (select 1 from channel_binding b where b.tenant_id = m.tenant_id and b.member_id = m.id and b.active";
        List<Object> v = p.values();
        switch (p.operator()) {
            case EXISTS:
                return bound + ")";
            case MISSING:
                return "not " + bound + ")";
            case HAS_SOME_OF, CONTAINS:
                params.addAll(v);
                return bound + " and b.channel in (" + marks(v.size()) + "))";
            case HAS_NONE_OF:
                params.addAll(v);
                return "not " + bound + " and b.channel in (" + marks(v.size()) + "))";
            case ALL: {
                List<String> each = new ArrayList<>();
                for (Object c : v) {
                    params.add(c);
                    each.add(bound + " and b.channel = ?)");
                }
                return "(" + String.join(" and ", each) + ")";
            }
            default:
                throw new IllegalArgumentException(p.operator().json);
        }
    }

    /**
     * Members with events in the window, grouped and compared: {@code m.id in (…)}. Bounds that
     * admit zero events (maxCount alone, occurred=false) are written as the complement, so
     * members without any row match too.
     */
    private String event(Event e) {
        boolean purchase = e.kind() == Condition.EventKind.PURCHASE;
        String table = switch (e.kind()) {
            case PURCHASE -> "mkt_purchase_day";
            case VISIT -> "mkt_visit_day";
            case REDEMPTION -> "mkt_redemption_day";
            // Store analytics' published day views (V20261207.1800), shaped like the day tables above.
            case STORE_VISIT -> "instore_visit_day";
            case VISIT_WITHOUT_PURCHASE -> "instore_unconverted_day";
            case LEFT_UNHAPPY -> "instore_unhappy_day";
        };
        List<Object> own = new ArrayList<>();
        StringBuilder filter = new StringBuilder("x.tenant_id = ?");
        own.add(tenant);
        if (e.withinDays() != null) {
            filter.append(" and x.day > ?");
            own.add(today.minusDays(e.withinDays()));
        }
        if (e.from() != null) {
            filter.append(" and x.day >= ?");
            own.add(e.from());
        }
        if (e.to() != null) {
            filter.append(" and x.day <= ?");
            own.add(e.to());
        }
        if (e.store() != null) {
            filter.append(" and lower(x.store_id::text) = ?");
            own.add(e.store());
        }
        if (purchase) {
            String dim = e.category() != null ? "category" : e.sku() != null ? "sku" : "all";
            filter.append(" and x.dim = ? and x.value = ?");
            own.add(dim);
            own.add(e.category() != null ? e.category() : e.sku() != null ? e.sku() : "");
        }
        if (purchase && e.store() == null && e.category() == null && e.sku() == null) {
            String summary = summary(e);
            if (summary != null) {
                return summary;
            }
        }
        if (purchase && e.category() != null && e.store() == null && onlyOccurrence(e) && e.withinDays() != null && e.from() == null
                && e.to() == null) {
            // Recency of one category: its recent buyers, an index range of the member × category summary.
            params.addAll(List.of(tenant, e.category(), today.minusDays(e.withinDays())));
            String recent = "m.id in (select c.member_id from mkt_member_category c where c.tenant_id = ? and c.category = ? "
                    + "and c.last_day > ?)";
            strict = e.occurred();
            return e.occurred() ? recent : "not " + recent;
        }
        // Whoever bought has a summary row: a purchase leaf that needs one event at least holds for buyers only.
        boolean buyersOnly = purchase && e.occurred();
        String count = "sum(x.events)";
        String spend = "sum(x.spend)";
        if (!e.occurred()) {
            params.addAll(own);
            return "m.id not in (select x.member_id from " + table + " x where " + filter + ")";
        }
        int min = e.minCount() != null ? e.minCount() : (e.maxCount() != null || e.maxSpend() != null) ? 0 : 1;
        boolean zeroMatches = min == 0 && (e.minSpend() == null || e.minSpend().signum() == 0);
        List<String> having = new ArrayList<>();
        List<Object> havingParams = new ArrayList<>();
        if (zeroMatches) {
            // Members over the upper bounds are excluded; everyone else (none at all included) matches.
            List<String> over = new ArrayList<>();
            if (e.maxCount() != null) {
                over.add(count + " > ?");
                havingParams.add(e.maxCount());
            }
            if (e.maxSpend() != null) {
                over.add(spend + " > ?");
                havingParams.add(e.maxSpend());
            }
            if (over.isEmpty()) {
                return "true";
            }
            params.addAll(own);
            params.addAll(havingParams);
            return "m.id not in (select x.member_id from " + table + " x where " + filter + " group by x.member_id having "
                    + String.join(" or ", over) + ")";
        }
        having.add(count + " >= ?");
        havingParams.add(Math.max(min, 1));
        if (e.maxCount() != null) {
            having.add(count + " <= ?");
            havingParams.add(e.maxCount());
        }
        if (e.minSpend() != null) {
            having.add(spend + " >= ?");
            havingParams.add(e.minSpend());
        }
        if (e.maxSpend() != null) {
            having.add(spend + " <= ?");
            havingParams.add(e.maxSpend());
        }
        params.addAll(own);
        params.addAll(havingParams);
        strict = buyersOnly;
        return "m.id in (select x.member_id from " + table + " x where " + filter + " group by x.member_id having "
                + String.join(" and ", having) + ")";
    }

    /**
     * A purchase leaf over all of the member's purchases that the member summary answers exactly:
     * recency (bought, or not, within N days: the last purchase day) and 12-month frequency and
     * spend (the window the summary keeps). Null when it cannot (other windows with counts or spends).
     */
    private String summary(Event e) {
        if (onlyOccurrence(e) && e.withinDays() != null) {
            params.add(today.minusDays(e.withinDays()));
            String bought = "coalesce(s.last_day > ?, false)";
            strict = e.occurred();
            return e.occurred() ? bought : "not " + bought;
        }
        if (e.occurred() && e.withinDays() != null && e.withinDays() == 365) {
            List<String> bounds = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            if (e.minCount() != null) {
                bounds.add("s.purchases_12m >= ?");
                values.add(e.minCount());
            }
            if (e.maxCount() != null) {
                bounds.add("s.purchases_12m <= ?");
                values.add(e.maxCount());
            }
            if (e.minSpend() != null) {
                bounds.add("s.spend_12m >= ?");
                values.add(e.minSpend());
            }
            if (e.maxSpend() != null) {
                bounds.add("s.spend_12m <= ?");
                values.add(e.maxSpend());
            }
            boolean zeroMatches = (e.minCount() == null || e.minCount() == 0) && (e.minSpend() == null || e.minSpend().signum() == 0);
            if (zeroMatches) {
                return null; // members without a summary row match too: the general path says so
            }
            params.addAll(values);
            strict = true;
            return "coalesce(s.purchases_12m >= 1 and " + String.join(" and ", bounds) + ", false)";
        }
        return null;
    }

    /** Whether the leaf asks only that a purchase happened (at most "at least one"): a last day answers it. */
    private static boolean onlyOccurrence(Event e) {
        return e.maxCount() == null && e.minSpend() == null && e.maxSpend() == null && (e.minCount() == null || e.minCount() <= 1);
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
