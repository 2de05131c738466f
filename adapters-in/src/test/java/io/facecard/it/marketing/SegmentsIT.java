package io.facecard.it.marketing;

import static io.facecard.it.Api.get;
import static io.facecard.it.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.it.Api.Chain;
import io.facecard.it.Api;
import io.facecard.it.Eventually;
import io.facecard.it.Till;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Segments over a seeded population whose answers are known: every operator, nesting, segments of
 * segments, events with windows, counts and spends, and the errors that name the bad node.
 *
 * <pre>
 *   gold    Gold (spent 150 on vitamins), visited today, 150 points, no gender
 *   tea     bought tea for 20, visited today, no gender
 *   anna    F, born 1990-05-01, ru-RU, MARKETING_PUSH, no purchase, home store H
 *   boris   M, born 1960-02-02, en-GB, MARKETING_PUSH withdrawn, no purchase
 *   erased  bought vitamins, then erased: never in any answer
 * </pre>
 */
class SegmentsIT {
    static Chain shop;
    static String marketer;
    static String gold, tea, anna, boris, erased, homeStore;

    @BeforeAll
    static void seed() throws Exception {
        shop = Api.onboard(Api.operatorToken());
        marketer = shop.user("segments-marketer", "MARKETER");
        Api.call("PUT", "/api/v1/loyalty/program", shop.adminToken(), Map.of("pointsPerCurrencyUnit", 1, "pointValue", 0.1,
                "maxRedeemShare", 0.5, "tiers", List.of(Map.of("name", "Silver", "minSpend", 50, "multiplier", 1),
                        Map.of("name", "Gold", "minSpend", 100, "multiplier", 1)))).ok(200);
        Till till = Till.of(shop, "S1");
        homeStore = shop.store("H1");
        gold = member(Map.of());
        tea = member(Map.of());
        anna = member(Map.of("gender", "F", "birthDate", "1990-05-01", "locale", "ru-RU", "homeStoreId", homeStore));
        boris = member(Map.of("gender", "M", "birthDate", "1960-02-02", "locale", "en-GB"));
        erased = member(Map.of());
        consent(anna, true);
        consent(boris, true);
        consent(boris, false);
        buy(till, gold, "150.00", Till.line("VIT-C", "vitamins", 3, "50.00"));
        buy(till, tea, "20.00", Till.line("GREEN", "tea", 2, "10.00"));
        buy(till, erased, "10.00", Till.line("VIT-D", "vitamins", 1, "10.00"));
        Api.delete("/api/v1/members/" + erased, shop.adminToken()).ok(204);
        // Purchases and visits reach the segments' read models on their own processor: wait until they have.
        Eventually.until("two purchases in the segments' read model", Duration.ofSeconds(30),
                () -> count(Map.of("event", "purchase", "withinDays", 1)), n -> n >= 2);
    }

    static String member(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Seg " + UUID.randomUUID().toString().substring(0, 4),
                "cardNumber", "S" + UUID.randomUUID().toString().substring(0, 10)));
        body.putAll(extra);
        return post("/api/v1/members", shop.adminToken(), body).ok(201).get("id");
    }

    static void consent(String member, boolean granted) {
        post("/api/v1/members/" + member + "/consents", shop.adminToken(), Map.of("purpose", "MARKETING_PUSH", "granted", granted,
                "policyVersion", "2026-01", "source", "APP")).ok(201);
    }

    static void buy(Till till, String member, String total, Map<String, Object> line) {
        String card = get("/api/v1/members/" + member, shop.adminToken()).json().path("cardNumber").asText();
        String c = till.post("/api/v1/checkouts", Till.basket(line)).ok(201).get("id");
        till.post("/api/v1/checkouts/" + c + "/identify", Map.of("cardNumber", card)).ok(200);
        till.send("POST", "/api/v1/checkouts/" + c + "/complete", Till.key(), Till.paid("R-" + c, "CARD", total)).reply().ok(200);
    }

    static JsonNode preview(Object condition) {
        return post("/api/v1/segments/preview", marketer, Map.of("condition", condition)).ok(200).json();
    }

    static long count(Object condition) {
        return preview(condition).path("count").asLong();
    }

    static Set<String> members(Object condition) {
        Set<String> ids = new HashSet<>();
        JsonNode p = preview(condition);
        p.path("sample").forEach(n -> ids.add(n.asText()));
        assertThat(p.path("count").asLong()).as("all of them fit the sample").isEqualTo(ids.size());
        return ids;
    }

    static Map<String, Object> prop(String property, String operator, Object value) {
        return value == null ? Map.of("property", property, "operator", operator) : Map.of("property", property, "operator", operator,
                value instanceof List ? "values" : "value", value);
    }

    static long daysTo(LocalDate today, MonthDay birthday) {
        LocalDate next = birthday.atYear(today.getYear());
        return ChronoUnit.DAYS.between(today, next.isBefore(today) ? birthday.atYear(today.getYear() + 1) : next);
    }

    @Test
    void profilePropertiesAndEveryOperator() {
        assertThat(members(prop("tier", "equals", "Gold"))).containsExactly(gold);
        assertThat(members(prop("tier", "in", List.of("Gold", "Silver")))).containsExactly(gold);
        assertThat(members(prop("tier", "notEquals", "Gold"))).containsExactlyInAnyOrder(tea, anna, boris);
        assertThat(members(prop("tier", "missing", null))).containsExactlyInAnyOrder(tea, anna, boris);
        assertThat(members(prop("gender", "exists", null))).containsExactlyInAnyOrder(anna, boris);
        assertThat(members(prop("gender", "notIn", List.of("F")))).containsExactlyInAnyOrder(gold, tea, boris);
        assertThat(members(prop("age", "between", List.of(30, 40)))).containsExactly(anna);
        assertThat(members(prop("age", "greaterThanOrEqualTo", 66))).containsExactly(boris);
        assertThat(members(prop("age", "lessThan", 66))).containsExactly(anna);
        assertThat(members(prop("birthDate", "lessThanOrEqualTo", "1960-02-02"))).containsExactly(boris);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        long toAnna = daysTo(today, MonthDay.of(5, 1));
        long toBoris = daysTo(today, MonthDay.of(2, 2));
        assertThat(members(prop("daysToBirthday", "lessThanOrEqualTo", toAnna))).contains(anna).doesNotContain(gold, tea)
                .hasSize(toBoris <= toAnna ? 2 : 1);
        assertThat(members(prop("daysToBirthday", "equals", toBoris))).containsExactly(boris);
        assertThat(members(prop("locale", "startsWith", "ru"))).containsExactly(anna);
        assertThat(members(prop("locale", "contains", "gb"))).containsExactly(boris);
        assertThat(members(prop("homeStore", "equals", homeStore))).containsExactly(anna);
        assertThat(members(prop("memberSince", "greaterThan", "2020-01-01"))).containsExactlyInAnyOrder(gold, tea, anna, boris);
        assertThat(members(prop("pointsAvailable", "greaterThan", 100))).containsExactly(gold);
        assertThat(members(prop("pointsAvailable", "equals", 0))).containsExactlyInAnyOrder(anna, boris);
        assertThat(members(prop("consent.MARKETING_PUSH", "equals", true))).containsExactly(anna);
        assertThat(members(prop("consent.MARKETING_PUSH", "notEquals", true))).containsExactlyInAnyOrder(gold, tea, boris);
        assertThat(members(prop("channels", "missing", null))).containsExactlyInAnyOrder(gold, tea, anna, boris);
        assertThat(members(prop("channels", "hasSomeOf", List.of("WECHAT", "TELEGRAM")))).isEmpty();
    }

    @Test
    void purchasesAndVisitsInWindowsWithCountsAndSpends() {
        Map<String, Object> vitamins = Map.of("event", "purchase", "withinDays", 90, "category", "vitamins", "minCount", 1);
        assertThat(members(vitamins)).containsExactly(gold);
        assertThat(members(Map.of("event", "purchase", "withinDays", 90, "sku", "GREEN"))).containsExactly(tea);
        assertThat(members(Map.of("event", "purchase", "withinDays", 30, "minSpend", 100))).containsExactly(gold);
        assertThat(members(Map.of("event", "purchase", "withinDays", 30, "maxSpend", 50))).containsExactlyInAnyOrder(tea, anna, boris);
        assertThat(members(Map.of("event", "purchase", "withinDays", 30, "minCount", 2))).isEmpty();
        assertThat(members(Map.of("event", "purchase", "withinDays", 30, "occurred", false))).containsExactlyInAnyOrder(anna, boris);
        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        assertThat(members(Map.of("event", "purchase", "from", today, "to", today))).containsExactlyInAnyOrder(gold, tea);
        assertThat(members(Map.of("event", "purchase", "from", "2020-01-01", "to", "2020-12-31"))).isEmpty();
        assertThat(members(Map.of("event", "visit", "withinDays", 7))).containsExactlyInAnyOrder(gold, tea);
        assertThat(members(Map.of("event", "redemption", "withinDays", 7))).isEmpty();
        // The marketer's example, with today's data: Gold buyers of vitamins who have not bought tea.
        assertThat(members(Map.of("and", List.of(prop("tier", "equals", "Gold"), vitamins,
                Map.of("not", Map.of("event", "purchase", "withinDays", 30, "category", "tea")))))).containsExactly(gold);
    }

    @Test
    void nestingAndSegmentsOfSegments() {
        assertThat(members(Map.of("or", List.of(prop("tier", "equals", "Gold"), prop("gender", "equals", "F"))))).containsExactlyInAnyOrder(
                gold, anna);
        assertThat(members(Map.of("not", Map.of("or", List.of(prop("tier", "equals", "Gold"), prop("gender", "equals", "F"))))))
                .containsExactlyInAnyOrder(tea, boris);
        String goldSegment = post("/api/v1/segments", marketer, Map.of("name", "Gold", "condition", prop("tier", "equals", "Gold"))).ok(201)
                .get("id");
        JsonNode both = post("/api/v1/segments", marketer, Map.of("name", "Gold or women", "condition", Map.of("or", List.of(
                Map.of("segment", goldSegment), prop("gender", "equals", "F"))))).ok(201).json();
        String bothId = both.path("id").asText();
        assertThat(both.path("refersTo").get(0).asText()).isEqualTo(goldSegment);
        assertThat(get("/api/v1/segments/" + bothId + "/preview", marketer).ok(200).json().path("count").asLong()).isEqualTo(2);
        // The named segment changes, and so does the one naming it.
        Api.call("PUT", "/api/v1/segments/" + goldSegment, marketer, Map.of("condition", prop("gender", "equals", "M"))).ok(200);
        assertThat(get("/api/v1/segments/" + bothId + "/preview", marketer).ok(200).json().path("count").asLong()).isEqualTo(2);
        assertThat(members(Map.of("segment", bothId))).containsExactlyInAnyOrder(anna, boris);
        // A cycle, and deleting what another names, are refused.
        assertThat(Api.call("PUT", "/api/v1/segments/" + goldSegment, marketer, Map.of("condition", Map.of("segment", bothId)))
                .problem(400).get("detail")).contains("include itself");
        Api.delete("/api/v1/segments/" + goldSegment, marketer).problem(409);
        Api.delete("/api/v1/segments/" + bothId, marketer).ok(204);
        Api.delete("/api/v1/segments/" + goldSegment, marketer).ok(204);
        get("/api/v1/segments/" + goldSegment, marketer).problem(404);
    }

    @Test
    void badTreesNameTheirNodeAndOtherTenantsSegmentsAre404() {
        assertThat(post("/api/v1/segments/preview", marketer, Map.of("condition", Map.of("and", List.of(prop("tier", "equals", "Gold"),
                Map.of("property", "tier", "operator", "greaterThan", "value", "A"))))).problem(400).get("detail"))
                .contains("/and/1/operator");
        assertThat(post("/api/v1/segments", marketer, Map.of("name", "x", "condition", Map.of("event", "purchase", "withinDays", 9,
                "minSpend", "lots"))).problem(400).get("detail")).contains("/minSpend");
        post("/api/v1/segments", marketer, Map.of("name", "", "condition", prop("tier", "equals", "Gold"))).problem(400);
        post("/api/v1/segments/preview", marketer, Map.of()).problem(400);
        Chain other = Api.onboard(Api.operatorToken());
        String theirs = post("/api/v1/segments", other.adminToken(), Map.of("name", "theirs", "condition", prop("tier", "equals", "Gold")))
                .ok(201).get("id");
        get("/api/v1/segments/" + theirs, marketer).problem(404);
        get("/api/v1/segments/" + theirs + "/preview", marketer).problem(404);
        Api.call("PUT", "/api/v1/segments/" + theirs, marketer, Map.of("name", "mine")).problem(404);
        Api.delete("/api/v1/segments/" + theirs, marketer).problem(404);
        assertThat(post("/api/v1/segments/preview", marketer, Map.of("condition", Map.of("segment", theirs))).problem(400).get("detail"))
                .contains("/segment");
        assertThat(get("/api/v1/segments", marketer).ok(200).json().path("items").findValuesAsText("id")).doesNotContain(theirs);
        String cashier = shop.user("segments-cashier", "CASHIER");
        post("/api/v1/segments/preview", cashier, Map.of("condition", prop("tier", "equals", "Gold"))).problem(403);
        post("/api/v1/segments/preview", null, Map.of("condition", "nonsense")).problem(401);
        // Whoever asked, the other tenant's members are never counted here.
        assertThat(count(Map.of("event", "purchase", "withinDays", 30))).isEqualTo(2);
    }
}
