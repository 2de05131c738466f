package io.facecard.it.marketing;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Campaigns end to end through the sandbox's fakes: a segment, a start, one personal message with
 * a unique code per treated member in the fake and nothing for the holdout, results against the
 * holdout after a purchase; consent, the frequency cap across campaigns, quiet hours and WeChat's
 * window each blocking or holding with their rule.
 */
public class CampaignsIT {
    public record Member(String id, String name, String chat) {}

    public static Chain shop(String label) {
        Fakes.sandbox();
        Chain c = Api.onboard(Api.operatorToken());
        Api.call("PUT", "/api/v1/loyalty/program", c.adminToken(), Map.of("pointsPerCurrencyUnit", 1, "pointValue", 0.1,
                "maxRedeemShare", 0.5)).ok(200);
        Api.call("PUT", "/api/v1/messenger-accounts/TELEGRAM", c.adminToken(), Map.of("sandbox", true)).ok(200);
        Api.call("PUT", "/api/v1/messenger-accounts/WECHAT_OA", c.adminToken(), Map.of("sandbox", true)).ok(200);
        // Quiet hours far from now in the tenant's zone: by default (22:00-08:00) a run at night would hold every message.
        var berlin = LocalTime.now(ZoneId.of("Europe/Berlin")).withSecond(0).withNano(0);
        patch("/api/v1/marketing-settings", c.adminToken(), Map.of("quietFrom", berlin.plusHours(8).toString(), "quietUntil",
                berlin.plusHours(9).toString())).ok(200);
        return c;
    }

    public static Member member(Chain c, String locale, boolean marketing) {
        return member(c, locale, marketing, Map.of());
    }

    public static Member member(Chain c, String locale, boolean marketing, Map<String, Object> more) {
        String name = "Ann " + UUID.randomUUID().toString().substring(0, 5);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "locale", locale, "cardNumber", "K" + UUID.randomUUID()
                .toString().substring(0, 10)));
        body.putAll(more);
        String id = post("/api/v1/members", c.adminToken(), body).ok(201).get("id");
        String token = post("/api/v1/members/" + id + "/channels/TELEGRAM/binding", c.adminToken(), Map.of()).ok(201).get("token");
        String chat = Long.toString(300_000 + (long) (Math.random() * 1_000_000_000L));
        post("/api/v1/sandbox/telegram/start", c.adminToken(), Map.of("token", token, "chatId", chat)).ok(200);
        if (marketing) {
            post("/api/v1/members/" + id + "/consents", c.adminToken(), Map.of("purpose", "MARKETING_PUSH", "granted", true,
                    "policyVersion", "2026-01", "source", "APP")).ok(201);
        }
        return new Member(id, name, chat);
    }

    public static Map<String, Object> byLocale(String locale) {
        return Map.of("property", "locale", "operator", "equals", "value", locale);
    }

    public static Map<String, Object> campaign(String name, Map<String, Object> audience, String channel, double holdout) {
        Map<String, Object> c = new LinkedHashMap<>(Map.of("name", name, "channel", channel, "holdoutShare", holdout,
                "message", Map.of("", "Hi {name}, your code {coupon}", "ru", "Привет, {name}: {coupon}"),
                "offer", Map.of("kind", "COUPON", "title", "5 off tea", "value", 5, "codes", "UNIQUE", "pattern",
                        Map.of("prefix", "TEA-", "length", 8))));
        c.putAll(audience);
        return c;
    }

    public static JsonNode startAndFinish(Chain c, String token, String id) throws InterruptedException {
        assertThat(post("/api/v1/campaigns/" + id + "/start", token, null).ok(202).json().path("status").asText()).isEqualTo("RUNNING");
        return Eventually.until("campaign " + id + " to complete", Duration.ofSeconds(30),
                () -> get("/api/v1/campaigns/" + id, token).ok(200).json(), v -> v.path("status").asText().equals("COMPLETED"));
    }

    public static List<String> campaignMessages(Chain c, String chat, String marker) {
        List<String> out = new ArrayList<>();
        get("/api/v1/sandbox/messages?channel=TELEGRAM&to=" + chat, c.adminToken()).ok(200).json().forEach(m -> {
            if (m.path("text").asText().contains(marker)) {
                out.add(m.path("text").asText());
            }
        });
        return out;
    }

    public static JsonNode resultsWhen(String token, String id, Predicate<JsonNode> done) throws InterruptedException {
        return resultsWhen(token, id, done, 30);
    }

    public static JsonNode resultsWhen(String token, String id, Predicate<JsonNode> done, int seconds)
            throws InterruptedException {
        return Eventually.until("campaign " + id + "'s results", Duration.ofSeconds(seconds),
                () -> get("/api/v1/campaigns/" + id + "/results", token).ok(200).json(), done);
    }

    @Test
    void aSegmentsTreatedMembersGetOnePersonalCodeEachTheHoldoutNothingAndAPurchaseIsAttributed() throws Exception {
        Chain shop = shop("e2e");
        String marketer = shop.user("campaign-marketer", "MARKETER");
        List<Member> audience = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            audience.add(member(shop, "en-A1", true));
        }
        member(shop, "en-OTHER", true); // outside the segment
        String segment = post("/api/v1/segments", marketer, Map.of("name", "A1 with consent", "condition", Map.of("and", List.of(
                byLocale("en-A1"), Map.of("property", "consent.MARKETING_PUSH", "operator", "equals", "value", true))))).ok(201).get("id");
        String id = post("/api/v1/campaigns", marketer, campaign("Tea week", Map.of("segmentId", segment), "TELEGRAM", 0.25)).ok(201)
                .get("id");
        JsonNode done = startAndFinish(shop, marketer, id);
        long holdout = done.path("holdout").asLong();
        assertThat(done.path("recipients").asLong()).isEqualTo(40);
        assertThat(holdout).isBetween(1L, 25L);

        // Each treated member: one message, their name, a code of the pattern; codes all different. The holdout: nothing.
        // One probe reads 40 chats: a poll a second keeps it within the credential's 50 calls/s.
        Eventually.until("a code for each treated member", Duration.ofSeconds(30), Duration.ofSeconds(1),
                () -> audience.stream().mapToInt(m -> campaignMessages(shop, m.chat(), "your code").size()).sum(), n -> n >= 40 - holdout);
        Set<String> codes = new HashSet<>();
        Member treated = null;
        int silent = 0;
        for (Member m : audience) {
            List<String> got = campaignMessages(shop, m.chat(), "your code");
            if (got.isEmpty()) {
                silent++;
                continue;
            }
            assertThat(got).hasSize(1);
            assertThat(got.get(0)).startsWith("Hi " + m.name() + ", your code TEA-").matches(".*TEA-[A-Z2-9]{8}$");
            codes.add(got.get(0).substring(got.get(0).indexOf("TEA-")));
            treated = m;
        }
        assertThat(silent).isEqualTo(holdout);
        assertThat(codes).hasSize((int) (40 - holdout));

        // A second start starts nothing; a started campaign is not edited.
        post("/api/v1/campaigns/" + id + "/start", marketer, null).ok(202);
        Thread.sleep(1500); // a second run, had one started, would have sent by now
        assertThat(audience.stream().mapToInt(m -> campaignMessages(shop, m.chat(), "your code").size()).sum()).isEqualTo(40 - holdout);
        Api.call("PUT", "/api/v1/campaigns/" + id, marketer, campaign("Changed", Map.of("segmentId", segment), "TELEGRAM", 0.25))
                .problem(409);
        Api.delete("/api/v1/segments/" + segment, marketer).ok(204); // completed campaigns keep their frozen audience

        // The treated member buys: the purchase is attributed to the treated group.
        Till till = Till.of(shop, "C1");
        String card = get("/api/v1/members/" + treated.id(), shop.adminToken()).json().path("cardNumber").asText();
        String c = till.post("/api/v1/checkouts", Till.basket(Till.line("TEA", "tea", 1, "30.00"))).ok(201).get("id");
        till.post("/api/v1/checkouts/" + c + "/identify", Map.of("cardNumber", card)).ok(200);
        till.send("POST", "/api/v1/checkouts/" + c + "/complete", Till.key(), Till.paid("R-" + c, "CARD", "30.00")).reply().ok(200);
        JsonNode r = resultsWhen(marketer, id, x -> x.path("treated").path("converted").asLong() == 1
                && x.path("sent").asLong() == 40 - holdout);
        assertThat(r.path("recipients").asLong()).isEqualTo(40);
        assertThat(r.path("holdout").asLong()).isEqualTo(holdout);
        assertThat(r.path("sent").asLong()).isEqualTo(40 - holdout);
        assertThat(r.path("treated").path("members").asLong()).isEqualTo(40 - holdout);
        assertThat(r.path("treated").path("converted").asLong()).isEqualTo(1);
        assertThat(r.path("treated").path("revenue").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(r.path("control").path("converted").asLong()).isZero();
        assertThat(r.path("uplift").path("conversionDifference").asDouble()).isCloseTo(1.0 / (40 - holdout),
                Offset.offset(1e-4));
        assertThat(r.path("uplift").path("conversionInterval").get(0).asDouble()).isLessThan(0);
        assertThat(r.toString()).doesNotContain(treated.name()).doesNotContain(treated.chat());
    }

    @Test
    void consentTheCapAcrossCampaignsAndQuietHoursEachHaveTheirRule() throws Exception {
        Chain shop = shop("rules");
        patch("/api/v1/marketing-settings", shop.adminToken(), Map.of("maxPerWindow", 1)).ok(200);
        Member noConsent = member(shop, "en-B2", false);
        Member yes = member(shop, "en-B2", true);
        String first = post("/api/v1/campaigns", shop.adminToken(), campaign("First", Map.of("condition", byLocale("en-B2")), "TELEGRAM", 0))
                .ok(201).get("id");
        startAndFinish(shop, shop.adminToken(), first);
        JsonNode r1 = resultsWhen(shop.adminToken(), first, x -> x.path("sent").asLong() == 1 && x.path("blocked").size() == 1);
        assertThat(r1.path("blocked").path("no-consent").asLong()).isEqualTo(1);
        assertThat(campaignMessages(shop, noConsent.chat(), "your code")).isEmpty();
        assertThat(campaignMessages(shop, yes.chat(), "your code")).hasSize(1);

        // The cap holds across campaigns: the second campaign's message to the same member is blocked by it.
        String second = post("/api/v1/campaigns", shop.adminToken(), campaign("Second", Map.of("condition", byLocale("en-B2")), "TELEGRAM",
                0)).ok(201).get("id");
        startAndFinish(shop, shop.adminToken(), second);
        JsonNode r2 = resultsWhen(shop.adminToken(), second, x -> x.path("blocked").path("frequency-cap").asLong() == 1);
        assertThat(r2.path("blocked").path("frequency-cap").asLong()).isEqualTo(1);
        assertThat(r2.path("blocked").path("no-consent").asLong()).isEqualTo(1);
        assertThat(r2.path("sent").asLong()).isZero();

        // Quiet hours now in the tenant's zone: marketing waits (queued with its rule), a receipt does not.
        var now = LocalTime.now(ZoneId.of("Europe/Berlin"));
        patch("/api/v1/marketing-settings", shop.adminToken(), Map.of("maxPerWindow", 10, "quietFrom", now.minusHours(1).withSecond(0)
                .withNano(0).toString(), "quietUntil", now.plusHours(1).withSecond(0).withNano(0).toString())).ok(200);
        Thread.sleep(5_500); // the dispatcher reads a tenant's rules at most every 5 s
        Member night = member(shop, "en-C3", true);
        String third = post("/api/v1/campaigns", shop.adminToken(), campaign("Night", Map.of("condition", byLocale("en-C3")), "TELEGRAM", 0))
                .ok(201).get("id");
        startAndFinish(shop, shop.adminToken(), third);
        JsonNode r3 = resultsWhen(shop.adminToken(), third, x -> x.path("queued").asLong() == 1);
        assertThat(r3.path("queued").asLong()).isEqualTo(1);
        Thread.sleep(6_000); // the dispatcher had its look (the settings are read every 5 s)
        assertThat(campaignMessages(shop, night.chat(), "your code")).isEmpty();
        try (var db = Api.database(); var s = db.prepareStatement("select status, reason from outbox_message where member_id = ?::uuid "
                + "and type = 'CAMPAIGN'")) {
            s.setString(1, night.id());
            var row = s.executeQuery();
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("QUEUED");
            assertThat(row.getString(2)).isEqualTo("quiet-hours");
        }
        JsonNode held = get("/api/v1/campaigns/" + third + "/results", shop.adminToken()).ok(200).json().path("queuedBy").path("quiet-hours");
        assertThat(held.path("messages").asLong()).as("results say why and until when").isEqualTo(1);
        assertThat(Instant.parse(held.path("until").asText())).isAfter(Instant.now().plusSeconds(30 * 60));

        // Lifting the quiet hours releases what they held, now, not at their old end an hour away.
        patch("/api/v1/marketing-settings", shop.adminToken(), Map.of("quietFrom", "00:00", "quietUntil", "00:00")).ok(200);
        JsonNode released = resultsWhen(shop.adminToken(), third, x -> x.path("sent").asLong() == 1, 20);
        assertThat(released.path("sent").asLong()).isEqualTo(1);
        assertThat(campaignMessages(shop, night.chat(), "your code")).hasSize(1);
    }

    /** The walkthrough's finding: a purchase on which campaign A's coupon was redeemed was credited to B, which reached the member later. */
    @Test
    void aRedeemedOffersPurchaseGoesToItsCampaignNotToTheLastTouch() throws Exception {
        Chain shop = shop("attribution");
        String t = shop.adminToken();
        Member m = member(shop, "en-Z9", true);
        String a = post("/api/v1/campaigns", t, campaign("Coupon A", Map.of("condition", byLocale("en-Z9")), "TELEGRAM", 0)).ok(201).get("id");
        startAndFinish(shop, t, a);
        String text = Eventually.until("the coupon message", Duration.ofSeconds(20), () -> campaignMessages(shop, m.chat(), "your code"),
                got -> !got.isEmpty()).get(0);
        String code = text.substring(text.indexOf("TEA-"));
        Map<String, Object> plain = new LinkedHashMap<>(Map.of("name", "News B", "channel", "TELEGRAM", "holdoutShare", 0,
                "message", Map.of("", "Hello {name}, news"), "condition", byLocale("en-Z9")));
        String b = post("/api/v1/campaigns", t, plain).ok(201).get("id");
        startAndFinish(shop, t, b);

        Till till = Till.of(shop, "AT1");
        String card = get("/api/v1/members/" + m.id(), t).json().path("cardNumber").asText();
        String c = till.post("/api/v1/checkouts", Till.basket(Till.line("TEA", "tea", 1, "30.00"))).ok(201).get("id");
        till.post("/api/v1/checkouts/" + c + "/identify", Map.of("cardNumber", card)).ok(200);
        till.post("/api/v1/checkouts/" + c + "/offers", Map.of("couponCode", code)).ok(201);
        till.send("POST", "/api/v1/checkouts/" + c + "/complete", Till.key(), Till.paid("R-" + c, "CARD", "25.00")).reply().ok(200);

        JsonNode ra = resultsWhen(t, a, x -> x.path("treated").path("converted").asLong() == 1);
        assertThat(ra.path("treated").path("converted").asLong()).as("A's coupon was redeemed on it").isEqualTo(1);
        assertThat(ra.path("attribution").asText()).contains("offer was redeemed");
        assertThat(get("/api/v1/campaigns/" + b + "/results", t).ok(200).json().path("treated").path("converted").asLong())
                .as("B, the last touch, does not take a purchase that redeemed A's offer").isZero();
    }

    @Test
    void onWechatAPersonalMessageOutsideTheMembersWindowIsBlockedByIt() throws Exception {
        Chain shop = shop("wechat");
        String id = post("/api/v1/members", shop.adminToken(), Map.of("name", "Wei", "locale", "zh-D4")).ok(201).get("id");
        post("/api/v1/members/" + id + "/consents", shop.adminToken(), Map.of("purpose", "MARKETING_PUSH", "granted", true,
                "policyVersion", "2026-01", "source", "APP")).ok(201);
        String ticket = post("/api/v1/members/" + id + "/channels/WECHAT/binding", shop.adminToken(), Map.of()).ok(201).get("qrTicket");
        String openid = "oCmp" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        post("/api/v1/sandbox/wechat/scan", shop.adminToken(), Map.of("ticket", ticket, "openid", openid)).ok(200);
        Thread.sleep(1500); // the welcome goes inside the scan's minute
        post("/api/v1/sandbox/clock", shop.adminToken(), Map.of("advanceSeconds", 120)).ok(204);
        String c = post("/api/v1/campaigns", shop.adminToken(), campaign("WeChat", Map.of("condition", byLocale("zh-D4")), "WECHAT", 0))
                .ok(201).get("id");
        startAndFinish(shop, shop.adminToken(), c);
        JsonNode r = resultsWhen(shop.adminToken(), c, x -> x.path("blocked").path("outside-window-45015").asLong() == 1);
        assertThat(r.path("blocked").path("outside-window-45015").asLong()).isEqualTo(1);
        assertThat(r.path("sent").asLong()).isZero();
    }

    public static String wechatMember(Chain shop, String locale) {
        String id = post("/api/v1/members", shop.adminToken(), Map.of("name", "Wei", "locale", locale)).ok(201).get("id");
        post("/api/v1/members/" + id + "/consents", shop.adminToken(), Map.of("purpose", "MARKETING_PUSH", "granted", true,
                "policyVersion", "2026-01", "source", "APP")).ok(201);
        String ticket = post("/api/v1/members/" + id + "/channels/WECHAT/binding", shop.adminToken(), Map.of()).ok(201).get("qrTicket");
        String openid = "oMas" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        post("/api/v1/sandbox/wechat/scan", shop.adminToken(), Map.of("ticket", ticket, "openid", openid)).ok(200);
        return openid;
    }

    public static List<String> wechatMessages(Chain shop, String openid, String kind) {
        List<String> out = new ArrayList<>();
        get("/api/v1/sandbox/messages?channel=WECHAT&to=" + openid, shop.adminToken()).ok(200).json().forEach(m -> {
            if (m.path("kind").asText().equals(kind)) {
                out.add(m.path("text").asText());
            }
        });
        return out;
    }

    public static JsonNode wechatCampaign(Chain shop, String name, String locale) throws InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "channel", "WECHAT", "holdoutShare", 0,
                "message", Map.of("", name + ": 5 off green tea this week"), "condition", byLocale(locale)));
        String id = post("/api/v1/campaigns", shop.adminToken(), body).ok(201).get("id");
        startAndFinish(shop, shop.adminToken(), id);
        return resultsWhen(shop.adminToken(), id, x -> x.path("sent").asLong() + x.path("blocked").path("wechat-mass-quota").asLong() == 3);
    }

    @Test
    void onWechatMembersOutsideTheirWindowGetOneMassSendAndAMemberWhoWroteACustomerServiceMessageWithinTheMonthsFour()
            throws Exception {
        Chain shop = shop("mass");
        patch("/api/v1/marketing-settings", shop.adminToken(), Map.of("maxPerWindow", 30, "windowDays", 1)).ok(200);
        String a = wechatMember(shop, "zh-M1");
        String b = wechatMember(shop, "zh-M1");
        String wrote = wechatMember(shop, "zh-M1");
        Thread.sleep(1500); // the welcomes go inside the scans' minute
        post("/api/v1/sandbox/clock", shop.adminToken(), Map.of("advanceSeconds", 120)).ok(204);
        // One of them writes to the account: their 48 h window opens (and the platform learns of it from the signed push).
        assertThat(post("/api/v1/sandbox/wechat/message", shop.adminToken(), Map.of("openid", wrote, "text", "any tea offers?")).ok(200)
                .json().path("callbackStatus").asInt()).isEqualTo(200);

        JsonNode first = wechatCampaign(shop, "Tea week", "zh-M1");
        assertThat(first.path("sent").asLong()).isEqualTo(3);
        assertThat(first.path("massSent").asLong()).isEqualTo(2);
        assertThat(first.path("delivered").asLong()).as("the customer-service message").isEqualTo(1);
        assertThat(wechatMessages(shop, a, "MASS")).containsExactly("Tea week: 5 off green tea this week");
        assertThat(wechatMessages(shop, b, "MASS")).containsExactly("Tea week: 5 off green tea this week");
        assertThat(wechatMessages(shop, wrote, "MASS")).isEmpty();
        assertThat(wechatMessages(shop, wrote, "CUSTOM")).contains("Tea week: 5 off green tea this week");
        try (var db = Api.database(); var s = db.prepareStatement("select count(distinct o.mass_job), count(*), min(j.status), "
                + "max(cardinality(j.openids)) from outbox_message o join outbox_mass_job j on j.client_msg_id = o.mass_job "
                + "where o.tenant_id = ?::uuid and o.type = 'CAMPAIGN'")) {
            s.setString(1, shop.id());
            var row = s.executeQuery();
            assertThat(row.next()).isTrue();
            assertThat(row.getLong(1)).as("one mass send for the two").isEqualTo(1);
            assertThat(row.getLong(2)).isEqualTo(2);
            assertThat(row.getString(3)).isEqualTo("SENT");
            assertThat(row.getInt(4)).as("a sent job keeps no openids").isZero();
        }

        // Three more this month reach the two by mass send; the fifth is not made for them (WeChat would drop it).
        for (String name : List.of("Milk week", "Bread week", "Rice week")) {
            assertThat(wechatCampaign(shop, name, "zh-M1").path("sent").asLong()).isEqualTo(3);
        }
        JsonNode fifth = wechatCampaign(shop, "Fruit week", "zh-M1");
        assertThat(fifth.path("blocked").path("wechat-mass-quota").asLong()).isEqualTo(2);
        assertThat(fifth.path("sent").asLong()).isEqualTo(1);
        assertThat(wechatMessages(shop, a, "MASS")).hasSize(4).first().asString().startsWith("Rice week");
    }

    @Test
    void aPointsExpiringTriggerSendsToEachMemberOnceWhenTheirPointsComeToLapse() throws Exception {
        Chain shop = shop("trigger");
        Api.call("PUT", "/api/v1/loyalty/program", shop.adminToken(), Map.of("pointsPerCurrencyUnit", 1, "pointValue", 0.1,
                "maxRedeemShare", 0.5, "expiry", Map.of("policy", "DAYS", "days", 10))).ok(200);
        Member early = member(shop, "en-T5", true);
        Member later = member(shop, "en-T5", true);
        Member never = member(shop, "en-T5", true);
        Till till = Till.of(shop, "T5");
        buy(shop, till, early);
        Map<String, Object> draft = new LinkedHashMap<>(Map.of("name", "Lapsing", "channel", "TELEGRAM", "holdoutShare", 0,
                "condition", byLocale("en-T5"), "message", Map.of("", "{name}, your points lapse soon"),
                "trigger", Map.of("kind", "POINTS_EXPIRING", "days", 14)));
        String id = post("/api/v1/campaigns", shop.adminToken(), draft).ok(201).get("id");
        assertThat(post("/api/v1/campaigns/" + id + "/start", shop.adminToken(), null).ok(202).json().path("status").asText())
                .isEqualTo("RUNNING");
        buy(shop, till, later);
        // The start found the early buyer; a pass within 15 s finds the later one; nobody gets it twice.
        Eventually.until("the early and the later buyer's reminders", Duration.ofSeconds(45),
                () -> !campaignMessages(shop, early.chat(), "lapse soon").isEmpty() && !campaignMessages(shop, later.chat(), "lapse soon").isEmpty());
        Thread.sleep(16_000); // one more pass
        assertThat(campaignMessages(shop, early.chat(), "lapse soon")).hasSize(1);
        assertThat(campaignMessages(shop, later.chat(), "lapse soon")).hasSize(1);
        assertThat(campaignMessages(shop, never.chat(), "lapse soon")).isEmpty();
        assertThat(get("/api/v1/campaigns/" + id, shop.adminToken()).ok(200).json().path("status").asText()).isEqualTo("RUNNING");
        post("/api/v1/campaigns", shop.adminToken(), with(draft, "trigger", Map.of("kind", "ANNIVERSARY"))).problem(400);
        post("/api/v1/campaigns", shop.adminToken(), with(draft, "trigger", Map.of("kind", "BIRTHDAY", "days", 31))).problem(400);
        assertThat(post("/api/v1/campaigns/" + id + "/cancel", shop.adminToken(), null).ok(200).json().path("status").asText())
                .isEqualTo("CANCELLED");
    }

    @Test
    void aCampaignScheduledAtTheTenantsLocalTimeWaitsAndThenSends() throws Exception {
        Chain shop = shop("scheduled");
        Member m = member(shop, "en-S8", true);
        String id = post("/api/v1/campaigns", shop.adminToken(), campaign("Later", Map.of("condition", byLocale("en-S8")), "TELEGRAM", 0))
                .ok(201).get("id");
        post("/api/v1/campaigns/" + id + "/schedule", shop.adminToken(), Map.of("at", "tomorrow at nine")).problem(400);
        post("/api/v1/campaigns/" + id + "/schedule", shop.adminToken(), Map.of("at", "2020-01-01T09:00")).problem(400);
        // Berlin's wall clock, no offset: the tenant's zone places it.
        String at = LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusSeconds(4).withNano(0).toString();
        JsonNode scheduled = post("/api/v1/campaigns/" + id + "/schedule", shop.adminToken(), Map.of("at", at)).ok(200).json();
        assertThat(scheduled.path("status").asText()).isEqualTo("SCHEDULED");
        Thread.sleep(1500); // before its time: nothing may go out yet
        assertThat(campaignMessages(shop, m.chat(), "your code")).isEmpty();
        JsonNode v = Eventually.until("the scheduled campaign to complete", Duration.ofSeconds(30),
                () -> get("/api/v1/campaigns/" + id, shop.adminToken()).ok(200).json(), x -> x.path("status").asText().equals("COMPLETED"));
        assertThat(Instant.parse(v.path("startedAt").asText())).isAfterOrEqualTo(LocalDateTime.parse(at)
                .atZone(ZoneId.of("Europe/Berlin")).toInstant());
        JsonNode r = resultsWhen(shop.adminToken(), id, x -> x.path("sent").asLong() == 1);
        assertThat(r.path("sent").asLong()).isEqualTo(1);
        assertThat(campaignMessages(shop, m.chat(), "your code")).hasSize(1);
    }

    @Test
    void aBirthdayTriggerGreetsTheMembersWhoseBirthdayIsWithinItsDaysOnce() throws Exception {
        Chain shop = shop("birthday");
        // Tomorrow in the tenant's zone: within 3 days even if this test's day and Berlin's differ by one.
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1);
        Member soon = member(shop, "en-B7", true, Map.of("birthDate", tomorrow.minusYears(30).toString()));
        Member later = member(shop, "en-B7", true, Map.of("birthDate", tomorrow.plusDays(40).minusYears(30).toString()));
        Member unknown = member(shop, "en-B7", true);
        Map<String, Object> draft = new LinkedHashMap<>(Map.of("name", "Birthday", "channel", "TELEGRAM", "holdoutShare", 0,
                "condition", byLocale("en-B7"), "message", Map.of("", "Happy birthday, {name}!"),
                "trigger", Map.of("kind", "BIRTHDAY", "days", 3)));
        String id = post("/api/v1/campaigns", shop.adminToken(), draft).ok(201).get("id");
        post("/api/v1/campaigns/" + id + "/start", shop.adminToken(), null).ok(202);
        Eventually.until("the birthday greeting", Duration.ofSeconds(30), () -> !campaignMessages(shop, soon.chat(), "Happy birthday").isEmpty());
        Thread.sleep(16_000); // one more pass of the trigger: nobody is greeted twice
        assertThat(campaignMessages(shop, soon.chat(), "Happy birthday")).containsExactly("Happy birthday, " + soon.name() + "!");
        assertThat(campaignMessages(shop, later.chat(), "Happy birthday")).isEmpty();
        assertThat(campaignMessages(shop, unknown.chat(), "Happy birthday")).isEmpty();
        post("/api/v1/campaigns/" + id + "/cancel", shop.adminToken(), null).ok(200);
    }

    static void buy(Chain shop, Till till, Member m) {
        String card = get("/api/v1/members/" + m.id(), shop.adminToken()).json().path("cardNumber").asText();
        String c = till.post("/api/v1/checkouts", Till.basket(Till.line("TEA", "tea", 1, "20.00"))).ok(201).get("id");
        till.post("/api/v1/checkouts/" + c + "/identify", Map.of("cardNumber", card)).ok(200);
        till.send("POST", "/api/v1/checkouts/" + c + "/complete", Till.key(), Till.paid("R-" + c, "CARD", "20.00")).reply().ok(200);
    }

    @Test
    void badDraftsAreRefusedAndOtherTenantsCampaignsAre404() {
        Chain shop = shop("bad");
        String t = shop.adminToken();
        Map<String, Object> audience = Map.of("condition", byLocale("x"));
        Map<String, Object> ok = campaign("Fine", audience, "TELEGRAM", 0.1);
        assertThat(post("/api/v1/campaigns", t, with(ok, "message", Map.of("", "Hi {surname}"))).problem(400).get("detail"))
                .contains("{surname}");
        Map<String, Object> noCodes = with(ok, "offer", Map.of("kind", "BONUS_POINTS", "title", "50 points", "value", 50));
        assertThat(post("/api/v1/campaigns", t, noCodes).problem(400).get("detail")).contains("{coupon}");
        assertThat(post("/api/v1/campaigns", t, with(ok, "holdoutShare", 0.9)).problem(400).get("detail")).contains("holdoutShare");
        assertThat(post("/api/v1/campaigns", t, with(ok, "channel", "SMS")).problem(400).get("detail")).contains("channel");
        post("/api/v1/campaigns", t, with(ok, "condition", Map.of("property", "tier", "operator", "lessThan", "value", "x"))).problem(400);
        Chain other = shop("other");
        String theirSegment = post("/api/v1/segments", other.adminToken(), Map.of("name", "x", "condition", byLocale("x"))).ok(201).get("id");
        Map<String, Object> foreign = new LinkedHashMap<>(ok);
        foreign.remove("condition");
        foreign.put("segmentId", theirSegment);
        assertThat(post("/api/v1/campaigns", t, foreign).problem(400).get("detail")).contains("segmentId");
        String theirs = post("/api/v1/campaigns", other.adminToken(), ok).ok(201).get("id");
        get("/api/v1/campaigns/" + theirs, t).problem(404);
        post("/api/v1/campaigns/" + theirs + "/start", t, null).problem(404);
        post("/api/v1/campaigns/" + theirs + "/cancel", t, null).problem(404);
        get("/api/v1/campaigns/" + theirs + "/results", t).problem(404);
        Api.call("PUT", "/api/v1/campaigns/" + theirs, t, ok).problem(404);
        assertThat(get("/api/v1/campaigns/" + theirs, other.adminToken()).ok(200).json().path("status").asText()).isEqualTo("DRAFT");
        String cashier = shop.user("campaign-cashier", "CASHIER");
        post("/api/v1/campaigns", cashier, ok).problem(403);
        String mine = post("/api/v1/campaigns", t, ok).ok(201).get("id");
        get("/api/v1/campaigns/" + mine + "/results", t).problem(409);
        assertThat(post("/api/v1/campaigns/" + mine + "/cancel", t, null).ok(200).json().path("status").asText()).isEqualTo("CANCELLED");
        post("/api/v1/campaigns/" + mine + "/start", t, null).problem(409);
    }

    public static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.put(key, value);
        return m;
    }
}
