package io.facecard.marketing.segments;

import io.facecard.domain.refusal.Refusal;
import io.facecard.marketing.port.Condition.EventKind;
import io.facecard.marketing.port.Condition.Operator;
import io.facecard.marketing.port.Condition;
import io.facecard.marketing.port.Properties.Definition;
import io.facecard.marketing.port.Properties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Reads a condition tree from its JSON form (maps, lists and scalars) and refuses an invalid one
 * with a 400 naming the bad node by its JSON pointer ({@code /and/1/operator}).
 */
public final class ConditionParser {
    static final int MAX_DEPTH = 12;
    static final int MAX_NODES = 300;
    static final int MAX_DAYS = 3660;
    private static final Set<String> EVENT_KEYS = Set.of("event", "withinDays", "from", "to", "store", "category", "sku", "minCount",
            "maxCount", "minSpend", "maxSpend", "occurred");
    private static final Set<String> PROPERTY_KEYS = Set.of("property", "operator", "value", "values", "withinDays");

    private final Predicate<String> segmentExists;
    private int nodes;

    /** @param segmentExists whether the tenant has a segment of this id (a leaf may name only those) */
    public ConditionParser(Predicate<String> segmentExists) {
        this.segmentExists = segmentExists;
    }

    public Condition parse(Object json) {
        nodes = 0;
        if (json == null) {
            throw bad("", "the condition is required");
        }
        return node(json, "", 0);
    }

    private Condition node(Object json, String at, int depth) {
        if (++nodes > MAX_NODES) {
            throw bad(at, "a tree has at most " + MAX_NODES + " nodes");
        }
        if (depth > MAX_DEPTH) {
            throw bad(at, "a tree is at most " + MAX_DEPTH + " levels deep");
        }
        if (!(json instanceof Map<?, ?> map) || map.isEmpty()) {
            throw bad(at, "a node is an object: and, or, not, property, event or segment");
        }
        if (map.containsKey("and") || map.containsKey("or")) {
            String op = map.containsKey("and") ? "and" : "or";
            only(map, Set.of(op), at);
            if (!(map.get(op) instanceof List<?> list) || list.isEmpty()) {
                throw bad(at + "/" + op, "'" + op + "' takes a non-empty list of nodes");
            }
            List<Condition> parts = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                parts.add(node(list.get(i), at + "/" + op + "/" + i, depth + 1));
            }
            return op.equals("and") ? new Condition.And(parts) : new Condition.Or(parts);
        }
        if (map.containsKey("not")) {
            only(map, Set.of("not"), at);
            return new Condition.Not(node(map.get("not"), at + "/not", depth + 1));
        }
        if (map.containsKey("segment")) {
            only(map, Set.of("segment"), at);
            if (!(map.get("segment") instanceof String id) || !segmentExists.test(id)) {
                throw bad(at + "/segment", "no segment of this tenant has this id");
            }
            return new Condition.SegmentRef(id);
        }
        if (map.containsKey("property")) {
            return property(map, at);
        }
        if (map.containsKey("event")) {
            return event(map, at);
        }
        throw bad(at, "a node has one of: and, or, not, property, event, segment");
    }

    private Condition property(Map<?, ?> map, String at) {
        only(map, PROPERTY_KEYS, at);
        Definition p = map.get("property") instanceof String name ? Properties.BY_NAME.get(name) : null;
        if (p == null) {
            throw bad(at + "/property", "unknown property; there are " + Properties.names());
        }
        Operator op = map.get("operator") instanceof String o ? Operator.of(o) : null;
        if (op == null || !p.type().operators.contains(op)) {
            throw bad(at + "/operator", "'" + p.name() + "' takes the operators " + p.type().operators.stream().map(o -> o.json).toList());
        }
        Integer withinDays = null;
        if (p.name().equals("pointsExpiring")) {
            withinDays = days(map.get("withinDays"), at + "/withinDays", true);
        } else if (map.containsKey("withinDays")) {
            throw bad(at + "/withinDays", "only pointsExpiring takes withinDays");
        }
        List<Object> values = switch (op) {
            case EXISTS, MISSING -> {
                if (map.containsKey("value") || map.containsKey("values")) {
                    throw bad(at + "/value", "'" + op.json + "' takes no value");
                }
                yield List.of();
            }
            case BETWEEN -> {
                List<Object> two = list(map, at, p);
                if (two.size() != 2) {
                    throw bad(at + "/values", "'between' takes two values, the lower and the upper bound");
                }
                yield two;
            }
            case IN, NOT_IN, ALL, HAS_SOME_OF, HAS_NONE_OF -> list(map, at, p);
            default -> {
                if (!map.containsKey("value")) {
                    throw bad(at + "/value", "'" + op.json + "' takes a value");
                }
                yield List.of(value(map.get("value"), at + "/value", p, op));
            }
        };
        return new Condition.Property(p, op, values, withinDays);
    }

    private List<Object> list(Map<?, ?> map, String at, Definition p) {
        Object raw = map.containsKey("values") ? map.get("values") : map.get("value");
        String where = at + (map.containsKey("values") ? "/values" : "/value");
        if (!(raw instanceof List<?> l) || l.isEmpty() || l.size() > 100) {
            throw bad(where, "takes a list of 1 to 100 values");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(value(l.get(i), where + "/" + i, p, null));
        }
        return out;
    }

    private Object value(Object v, String at, Definition p, Operator op) {
        switch (p.type()) {
            case NUMBER -> {
                if (v instanceof Number n) {
                    return new BigDecimal(n.toString());
                }
                throw bad(at, "'" + p.name() + "' is a number");
            }
            case DATE -> {
                try {
                    return LocalDate.parse((String) v);
                } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
                    throw bad(at, "'" + p.name() + "' is a date such as 2026-01-31");
                }
            }
            case BOOLEAN -> {
                if (v instanceof Boolean b) {
                    return b;
                }
                throw bad(at, "'" + p.name() + "' is true or false");
            }
            case SET -> {
                if (v instanceof String s && (s.equals("WECHAT") || s.equals("TELEGRAM"))) {
                    return s;
                }
                throw bad(at, "channels are WECHAT and TELEGRAM");
            }
            default -> {
                if (v instanceof String s && !s.isEmpty() && s.length() <= 200) {
                    return p.name().equals("homeStore") ? s.toLowerCase(Locale.ROOT) : s;
                }
                throw bad(at, "'" + p.name() + "' is a text of 1 to 200 characters");
            }
        }
    }

    private Condition event(Map<?, ?> map, String at) {
        only(map, EVENT_KEYS, at);
        EventKind kind = switch (String.valueOf(map.get("event"))) {
            case "purchase" -> EventKind.PURCHASE;
            case "visit" -> EventKind.VISIT;
            case "redemption" -> EventKind.REDEMPTION;
            case "storeVisit" -> EventKind.STORE_VISIT;
            case "visitWithoutPurchase" -> EventKind.VISIT_WITHOUT_PURCHASE;
            case "leftUnhappy" -> EventKind.LEFT_UNHAPPY;
            default -> throw bad(at + "/event", "events are purchase, visit, redemption, storeVisit, visitWithoutPurchase and leftUnhappy");
        };
        Integer within = days(map.get("withinDays"), at + "/withinDays", false);
        LocalDate from = date(map.get("from"), at + "/from");
        LocalDate to = date(map.get("to"), at + "/to");
        if (within != null && (from != null || to != null)) {
            throw bad(at + "/withinDays", "a window is withinDays or from/to, not both");
        }
        if (within == null && from == null && to == null) {
            throw bad(at, "an event needs its window: withinDays, or from and/or to");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw bad(at + "/from", "'from' is after 'to'");
        }
        String store = text(map.get("store"), at + "/store");
        String category = text(map.get("category"), at + "/category");
        String sku = text(map.get("sku"), at + "/sku");
        if (kind != EventKind.PURCHASE && (category != null || sku != null)) {
            throw bad(at, "only a purchase has a category or SKU");
        }
        if (category != null && sku != null) {
            throw bad(at + "/sku", "a purchase leaf counts a category or a SKU, not both");
        }
        Integer minCount = count(map.get("minCount"), at + "/minCount");
        Integer maxCount = count(map.get("maxCount"), at + "/maxCount");
        BigDecimal minSpend = money(map.get("minSpend"), at + "/minSpend", kind);
        BigDecimal maxSpend = money(map.get("maxSpend"), at + "/maxSpend", kind);
        if (minCount != null && maxCount != null && minCount > maxCount) {
            throw bad(at + "/minCount", "'minCount' is above 'maxCount'");
        }
        if (minSpend != null && maxSpend != null && minSpend.compareTo(maxSpend) > 0) {
            throw bad(at + "/minSpend", "'minSpend' is above 'maxSpend'");
        }
        Object occurred = map.containsKey("occurred") ? map.get("occurred") : Boolean.TRUE;
        if (!(occurred instanceof Boolean o)) {
            throw bad(at + "/occurred", "'occurred' is true or false");
        }
        if (!o && (minCount != null || maxCount != null || minSpend != null || maxSpend != null)) {
            throw bad(at + "/occurred", "'occurred': false takes no counts or spends (it means none at all)");
        }
        return new Condition.Event(kind, within, from, to, store == null ? null : store.toLowerCase(Locale.ROOT), category, sku, minCount,
                maxCount, minSpend, maxSpend, o);
    }

    private static Integer days(Object v, String at, boolean required) {
        if (v == null && !required) {
            return null;
        }
        Integer i = whole(v);
        if (i != null && i >= 1 && i <= MAX_DAYS) {
            return i;
        }
        throw bad(at, "days are a whole number from 1 to " + MAX_DAYS);
    }

    private static Integer count(Object v, String at) {
        if (v == null) {
            return null;
        }
        Integer i = whole(v);
        if (i != null && i >= 0 && i <= 1_000_000) {
            return i;
        }
        throw bad(at, "a count is a whole number from 0");
    }

    /** A JSON number that is whole (the JSON reader may give any Number type), else null. */
    private static Integer whole(Object v) {
        if (!(v instanceof Number n)) {
            return null;
        }
        try {
            return new BigDecimal(n.toString()).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal money(Object v, String at, EventKind kind) {
        if (v == null) {
            return null;
        }
        if (kind != EventKind.PURCHASE) {
            throw bad(at, "only purchases have a spend");
        }
        if (v instanceof Number n && new BigDecimal(n.toString()).signum() >= 0) {
            return new BigDecimal(n.toString());
        }
        throw bad(at, "a spend is an amount from 0");
    }

    private static LocalDate date(Object v, String at) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse((String) v);
        } catch (ClassCastException | DateTimeParseException e) {
            throw bad(at, "a date such as 2026-01-31");
        }
    }

    private static String text(Object v, String at) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s && !s.isBlank() && s.length() <= 200) {
            return s;
        }
        throw bad(at, "a text of 1 to 200 characters");
    }

    private static void only(Map<?, ?> map, Set<String> allowed, String at) {
        for (Object k : map.keySet()) {
            if (!allowed.contains(String.valueOf(k))) {
                throw bad(at + "/" + k, "this node takes no '" + k + "' (it takes " + new TreeSet<>(allowed) + ")");
            }
        }
    }

    static Refusal bad(String at, String why) {
        return Refusal.invalid("condition " + (at.isEmpty() ? "/" : at) + ": " + why);
    }
}
