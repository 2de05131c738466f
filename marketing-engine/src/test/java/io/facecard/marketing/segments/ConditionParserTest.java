package io.facecard.marketing.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.domain.refusal.Refusal;
import io.facecard.marketing.port.Condition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionParserTest {
    final ConditionParser parser = new ConditionParser("1b4e28ba-2fa1-11d2-883f-0016d3cca427"::equals);

    static Map<String, Object> tier(String op, Object value) {
        return Map.of("property", "tier", "operator", op, "value", value);
    }

    void refused(Object tree, String pointer) {
        assertThatThrownBy(() -> parser.parse(tree)).isInstanceOf(Refusal.class).hasMessageContaining("condition " + pointer + ":");
    }

    @Test
    void aNestedTreeReadsIntoItsNodes() {
        Condition c = parser.parse(Map.of("and", List.of(tier("equals", "Gold"),
                Map.of("event", "purchase", "withinDays", 90, "category", "vitamins", "minCount", 1),
                Map.of("not", Map.of("event", "visit", "withinDays", 30)),
                Map.of("segment", "1b4e28ba-2fa1-11d2-883f-0016d3cca427"))));
        Condition.And and = (Condition.And) c;
        assertThat(and.all()).hasSize(4);
        Condition.Event purchase = (Condition.Event) and.all().get(1);
        assertThat(purchase.kind()).isEqualTo(Condition.EventKind.PURCHASE);
        assertThat(purchase.category()).isEqualTo("vitamins");
        assertThat(((Condition.Not) and.all().get(2)).negated()).isInstanceOf(Condition.Event.class);
    }

    @Test
    void wholeNumbersMayArriveAsAnyNumberType() {
        Condition.Event e = (Condition.Event) parser.parse(Map.of("event", "purchase", "withinDays", new BigDecimal("90"), "minCount", 2L));
        assertThat(e.withinDays()).isEqualTo(90);
        assertThat(e.minCount()).isEqualTo(2);
        refused(Map.of("event", "purchase", "withinDays", 1.5), "/withinDays");
    }

    @Test
    void valuesTakeTheirPropertysType() {
        Condition.Property age = (Condition.Property) parser.parse(Map.of("property", "age", "operator", "between", "values", List.of(30, 40)));
        assertThat(age.values()).containsExactly(new BigDecimal("30"), new BigDecimal("40"));
        Condition.Property since = (Condition.Property) parser.parse(Map.of("property", "memberSince", "operator", "lessThan", "value",
                "2026-01-01"));
        assertThat(since.values().get(0)).isEqualTo(LocalDate.of(2026, 1, 1));
        Condition.Property consent = (Condition.Property) parser.parse(Map.of("property", "consent.MARKETING_PUSH", "operator", "equals",
                "value", true));
        assertThat(consent.values()).containsExactly(true);
    }

    @Test
    void eachBadNodeIsNamedByItsPointer() {
        refused(Map.of(), "/");
        refused(Map.of("and", List.of()), "/and");
        refused(Map.of("or", List.of(tier("equals", "Gold"), Map.of("property", "shoeSize", "operator", "equals", "value", 1))), "/or/1/property");
        refused(Map.of("and", List.of(tier("lessThan", "Gold"))), "/and/0/operator");
        refused(Map.of("property", "age", "operator", "greaterThan", "value", "old"), "/value");
        refused(Map.of("property", "age", "operator", "between", "values", List.of(1)), "/values");
        refused(Map.of("property", "tier", "operator", "exists", "value", "x"), "/value");
        refused(Map.of("property", "tier", "operator", "in", "value", List.of()), "/value");
        refused(Map.of("not", Map.of("segment", "7")), "/not/segment");
        refused(Map.of("event", "purchase"), "/");
        refused(Map.of("event", "purchase", "withinDays", 0), "/withinDays");
        refused(Map.of("event", "purchase", "withinDays", 9, "from", "2026-01-01"), "/withinDays");
        refused(Map.of("event", "visit", "withinDays", 9, "category", "tea"), "/");
        refused(Map.of("event", "purchase", "withinDays", 9, "minCount", 3, "maxCount", 2), "/minCount");
        refused(Map.of("event", "purchase", "withinDays", 9, "occurred", false, "minSpend", 5), "/occurred");
        refused(Map.of("event", "purchase", "withinDays", 9, "colour", "red"), "/colour");
        refused(Map.of("event", "party", "withinDays", 9), "/event");
        refused(Map.of("property", "pointsExpiring", "operator", "greaterThan", "value", 0), "/withinDays");
        refused(Map.of("property", "channels", "operator", "hasSomeOf", "values", List.of("SMS")), "/values/0");
        refused("tier = Gold", "/");
    }

    @Test
    void aTreeTooDeepOrTooLargeIsRefused() {
        Object deep = tier("equals", "Gold");
        for (int i = 0; i < 20; i++) {
            deep = Map.of("not", deep);
        }
        Object tooDeep = deep;
        assertThatThrownBy(() -> parser.parse(tooDeep)).hasMessageContaining("levels deep");
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(tier("equals", "T" + i));
        }
        assertThatThrownBy(() -> parser.parse(Map.of("or", many))).hasMessageContaining("nodes");
    }
}
