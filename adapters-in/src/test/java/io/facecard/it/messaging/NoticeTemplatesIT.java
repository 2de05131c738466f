package io.facecard.it.messaging;

import static io.facecard.it.Api.get;
import static io.facecard.it.Api.patch;
import static io.facecard.it.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.it.Api.Chain;
import io.facecard.it.Api;
import io.facecard.it.Eventually;
import io.facecard.it.Fakes;
import io.facecard.it.Till;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant's own notice texts per kind, channel and locale; the points-expiring notice; the
 * marketing rules; a member's time zone and home store; the export listing bindings.
 */
class NoticeTemplatesIT {
    static Chain shop;
    static Till till;

    @BeforeAll
    static void setUp() {
        Fakes.sandbox();
        shop = Api.onboard(Api.operatorToken());
        // Points lapse 10 days after they are earned; members are told 14 days ahead: at once.
        Api.call("PUT", "/api/v1/loyalty/program", shop.adminToken(), Map.of("pointsPerCurrencyUnit", 1, "pointValue", 0.1,
                "maxRedeemShare", 0.5, "expiry", Map.of("policy", "DAYS", "days", 10))).ok(200);
        Api.call("PUT", "/api/v1/messenger-accounts/TELEGRAM", shop.adminToken(), Map.of("sandbox", true)).ok(200);
        Api.call("PUT", "/api/v1/messenger-accounts/WECHAT_OA", shop.adminToken(), Map.of("sandbox", true)).ok(200);
        till = Till.of(shop, "N1");
    }

    static String member(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Templated", "cardNumber", "N" + UUID.randomUUID().toString()
                .substring(0, 10)));
        body.putAll(extra);
        return post("/api/v1/members", shop.adminToken(), body).ok(201).get("id");
    }

    static String bindTelegram(String member) {
        String token = post("/api/v1/members/" + member + "/channels/TELEGRAM/binding", shop.adminToken(), Map.of()).ok(201).get("token");
        String chat = Long.toString(200_000 + (long) (Math.random() * 1_000_000_000L));
        post("/api/v1/sandbox/telegram/start", shop.adminToken(), Map.of("token", token, "chatId", chat)).ok(200);
        return chat;
    }

    static String bindWechat(String member) {
        String ticket = post("/api/v1/members/" + member + "/channels/WECHAT/binding", shop.adminToken(), Map.of()).ok(201).get("qrTicket");
        String openid = "oTpl" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        post("/api/v1/sandbox/wechat/scan", shop.adminToken(), Map.of("ticket", ticket, "openid", openid)).ok(200);
        return openid;
    }

    static void checkout(String member) {
        String card = get("/api/v1/members/" + member, shop.adminToken()).json().path("cardNumber").asText();
        String c = till.post("/api/v1/checkouts", Till.basket(Till.line("TEA", null, 1, "30.00"))).ok(201).get("id");
        till.post("/api/v1/checkouts/" + c + "/identify", Map.of("cardNumber", card)).ok(200);
        till.send("POST", "/api/v1/checkouts/" + c + "/complete", Till.key(), Till.paid("R-" + c, "CARD", "30.00")).reply().ok(200);
    }

    /** The fake's messages to {@code to} that mention {@code type}, once there are {@code n} or after 25 s (callers assert how many). */
    static JsonNode waitFor(String channel, String to, String type, int n) {
        return Api.JSON.valueToTree(Eventually.upTo(Duration.ofSeconds(25), () -> {
            List<JsonNode> hits = new ArrayList<>();
            get("/api/v1/sandbox/messages?channel=" + channel + "&to=" + to, shop.adminToken()).ok(200).json().forEach(m -> {
                if (m.path("text").asText().contains(type)) {
                    hits.add(m);
                }
            });
            return hits;
        }, hits -> hits.size() >= n));
    }

    @Test
    void aTenantsRussianReceiptTextReachesARussianMemberAndOthersGetTheDefault() throws Exception {
        String path = "/api/v1/notice-templates/RECEIPT/TELEGRAM";
        assertThat(get(path, shop.adminToken()).ok(200).json().path("builtIn").asBoolean()).isTrue();
        Api.call("PUT", path, shop.adminToken(), Map.of("value", Map.of("text", "Shop receipt {receipt}: {total} {currency}, +{earned}"),
                "localized", Map.of("ru", Map.of("text", "Чек магазина {receipt}: {total} {currency}, +{earned}")))).ok(200);
        JsonNode view = get(path, shop.adminToken()).ok(200).json();
        assertThat(view.path("builtIn").asBoolean()).isFalse();
        assertThat(view.path("localized").path("ru").path("text").asText()).startsWith("Чек магазина");

        String ru = member(Map.of("locale", "ru-RU"));
        String en = member(Map.of("locale", "en-GB"));
        String ruChat = bindTelegram(ru);
        String enChat = bindTelegram(en);
        checkout(ru);
        checkout(en);
        assertThat(waitFor("TELEGRAM", ruChat, "Чек магазина", 1).get(0).path("text").asText()).contains("30.00").contains("+30");
        assertThat(waitFor("TELEGRAM", enChat, "Shop receipt", 1)).hasSize(1);
    }

    @Test
    void aTenantsWechatTemplateIdAndFieldsAreWhatWechatReceives() throws Exception {
        String path = "/api/v1/notice-templates/RECEIPT/WECHAT";
        Api.call("PUT", path, shop.adminToken(), Map.of("templateId", "Tpl_Receipt_01", "value", Map.of("fields",
                Map.of("keyword1", "{receipt}", "keyword2", "{total} {currency}", "keyword3", "+{earned}")))).ok(200);
        String m = member(Map.of());
        String openid = bindWechat(m);
        checkout(m);
        JsonNode receipt = waitFor("WECHAT", openid, "Tpl_Receipt_01", 1).get(0);
        assertThat(receipt.path("kind").asText()).isEqualTo("TEMPLATE");
        assertThat(receipt.path("text").asText()).contains("keyword2=30.00 EUR").contains("keyword3=+30");
    }

    @Test
    void badTemplatesAreRefusedAndPointAtWhatIsWrong() {
        String wechat = "/api/v1/notice-templates/RECEIPT/WECHAT";
        assertThat(Api.call("PUT", wechat, shop.adminToken(), Map.of("value", Map.of("fields", Map.of("k", "{total}")))).problem(400)
                .get("detail")).contains("templateId");
        assertThat(Api.call("PUT", wechat, shop.adminToken(), Map.of("templateId", "T1", "value", Map.of("fields",
                Map.of("keyword1", "{coupon}")))).problem(400).get("detail")).contains("value.fields.keyword1").contains("{coupon}");
        assertThat(Api.call("PUT", wechat, shop.adminToken(), Map.of("templateId", "T1", "value", Map.of("fields",
                Map.of("keyword1", "a\nb")))).problem(400).get("detail")).contains("line break");
        assertThat(Api.call("PUT", "/api/v1/notice-templates/RECEIPT/TELEGRAM", shop.adminToken(), Map.of("value", Map.of("text", "ok"),
                "localized", Map.of("ru", Map.of("text", "{nope}")))).problem(400).get("detail")).contains("localized.ru.text");
        Api.call("PUT", "/api/v1/notice-templates/COUPON/TELEGRAM", shop.adminToken(), Map.of("value", Map.of("text", "x"))).problem(404);
        String marketer = shop.user("tpl-marketer-" + UUID.randomUUID().toString().substring(0, 6), "MARKETER");
        get(wechat, marketer).ok(200);
        Api.call("PUT", "/api/v1/notice-templates/RECEIPT/TELEGRAM", marketer, Map.of("value", Map.of("text", "x"))).problem(403);
        Api.call("PUT", "/api/v1/notice-templates/RECEIPT/TELEGRAM", null, Map.of("value", Map.of("text", "{nope}"))).problem(401);
        // Nothing refused changed what the tenant had.
        assertThat(get("/api/v1/notice-templates/RECEIPT/TELEGRAM", shop.adminToken()).json().path("localized").path("ru").path("text")
                .asText()).doesNotContain("{nope}");
    }

    @Test
    void pointsAboutToLapseAreToldOnceWithTheDayTheyLapse() throws Exception {
        String m = member(Map.of());
        String chat = bindTelegram(m);
        checkout(m);
        JsonNode told = waitFor("TELEGRAM", chat, "lapse", 1);
        assertThat(told).hasSize(1);
        String day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(10).toString();
        assertThat(told.get(0).path("text").asText()).contains("30 of your points lapse on " + day);
        // Scans go on every 10 s; the notice stays one.
        Thread.sleep(12_000);
        assertThat(waitFor("TELEGRAM", chat, "lapse", 2)).hasSize(1);
        // The fake shows what was sent; only the outbox shows the notice was not queued twice.
        try (var db = Api.database(); var s = db.prepareStatement("select count(*) from outbox_message where member_id = ?::uuid "
                + "and type = 'POINTS_EXPIRING'")) {
            s.setString(1, m);
            var r = s.executeQuery();
            r.next();
            assertThat(r.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void marketingRulesAreTheTenantsToSetAndMarketersToRead() {
        JsonNode d = get("/api/v1/marketing-settings", shop.adminToken()).ok(200).json();
        assertThat(d.path("quietFrom").asText()).isEqualTo("22:00");
        assertThat(d.path("maxPerWindow").asInt()).isEqualTo(3);
        JsonNode changed = patch("/api/v1/marketing-settings", shop.adminToken(), Map.of("maxPerWindow", 2, "quietFrom", "21:30")).ok(200)
                .json();
        assertThat(changed.path("maxPerWindow").asInt()).isEqualTo(2);
        assertThat(changed.path("quietUntil").asText()).isEqualTo("08:00");
        patch("/api/v1/marketing-settings", shop.adminToken(), Map.of("windowDays", 31)).problem(400);
        patch("/api/v1/marketing-settings", shop.adminToken(), Map.of("quietUntil", "25:00")).problem(400);
        String marketer = shop.user("rules-marketer-" + UUID.randomUUID().toString().substring(0, 6), "MARKETER");
        assertThat(get("/api/v1/marketing-settings", marketer).ok(200).json().path("maxPerWindow").asInt()).isEqualTo(2);
        patch("/api/v1/marketing-settings", marketer, Map.of("maxPerWindow", 9)).problem(403);
        patch("/api/v1/marketing-settings", shop.adminToken(), Map.of("maxPerWindow", 3, "quietFrom", "22:00")).ok(200);
    }

    @Test
    void aMembersZoneAndHomeStoreAreCheckedAndTheExportListsBindings() {
        post("/api/v1/members", shop.adminToken(), Map.of("name", "Z", "timezone", "Mars/Olympus")).problem(400);
        Chain other = Api.onboard(Api.operatorToken());
        String foreignStore = other.store("F1");
        assertThat(post("/api/v1/members", shop.adminToken(), Map.of("name", "Z", "homeStoreId", foreignStore)).problem(400).get("detail"))
                .contains("homeStoreId");
        String store = shop.store("HOME-" + UUID.randomUUID().toString().substring(0, 4));
        String m = member(Map.of("timezone", "Asia/Shanghai", "homeStoreId", store));
        JsonNode view = get("/api/v1/members/" + m, shop.adminToken()).ok(200).json();
        assertThat(view.path("timezone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(view.path("homeStoreId").asText()).isEqualTo(store);
        assertThat(patch("/api/v1/members/" + m, shop.adminToken(), Map.of("timezone", "Europe/Moscow")).ok(200).json().path("homeStoreId")
                .asText()).isEqualTo(store);
        String chat = bindTelegram(m);
        JsonNode export = get("/api/v1/members/" + m + "/export", shop.adminToken()).ok(200).json();
        assertThat(export.path("channels").get(0).path("externalId").asText()).isEqualTo(chat);
        assertThat(export.path("member").path("timezone").asText()).isEqualTo("Europe/Moscow");
    }
}
