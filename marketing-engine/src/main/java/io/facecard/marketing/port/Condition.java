package io.facecard.marketing.port;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A segment's condition tree (after Apache Unomi): boolean nodes over property, past-event and
 * segment leaves. Built only by {@link ConditionParser}, so every node in it is valid.
 */
public sealed interface Condition {
    record And(List<Condition> all) implements Condition {}

    record Or(List<Condition> any) implements Condition {}

    record Not(Condition negated) implements Condition {}

    /**
     * A member's property compared by an operator; {@code values} holds the operand(s) already
     * converted to the property's type (none for exists/missing, two for between).
     *
     * @param withinDays only for pointsExpiring: the lead time
     */
    record Property(Properties.Definition property, Operator operator, List<Object> values, Integer withinDays) implements Condition {}

    /**
     * Events of a kind in a window ({@code withinDays} back from now, or {@code from}..{@code to}),
     * optionally at one store, of one category or SKU, counted and summed: the member matches when
     * the count and spend are within the bounds; {@code occurred=false} matches members without any.
     */
    record Event(EventKind kind, Integer withinDays, LocalDate from, LocalDate to, String store, String category, String sku,
            Integer minCount, Integer maxCount, BigDecimal minSpend, BigDecimal maxSpend, boolean occurred)
            implements Condition {}

    /** Another segment's tree, resolved when this one is evaluated (so it follows that segment's edits). */
    record SegmentRef(String segmentId) implements Condition {}

    /**
     * PURCHASE, VISIT (identified at a till) and REDEMPTION come from checkout; STORE_VISIT (seen by a store's cameras),
     * VISIT_WITHOUT_PURCHASE (a store visit that ended without a receipt) and LEFT_UNHAPPY (a store visit that ended
     * markedly less happy than it began) from store analytics.
     */
    enum EventKind { PURCHASE, VISIT, REDEMPTION, STORE_VISIT, VISIT_WITHOUT_PURCHASE, LEFT_UNHAPPY }

    enum Operator {
        EQUALS("equals"), NOT_EQUALS("notEquals"), LESS_THAN("lessThan"), LESS_THAN_OR_EQUAL_TO("lessThanOrEqualTo"),
        GREATER_THAN("greaterThan"), GREATER_THAN_OR_EQUAL_TO("greaterThanOrEqualTo"), BETWEEN("between"), EXISTS("exists"),
        MISSING("missing"), CONTAINS("contains"), STARTS_WITH("startsWith"), IN("in"), NOT_IN("notIn"), ALL("all"),
        HAS_SOME_OF("hasSomeOf"), HAS_NONE_OF("hasNoneOf");

        public final String json;

        Operator(String json) {
            this.json = json;
        }

        public static Operator of(String json) {
            for (Operator o : values()) {
                if (o.json.equals(json)) {
                    return o;
                }
            }
            return null;
        }
    }
}
