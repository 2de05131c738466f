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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A campaign's personal offer waiting at the till: in the quote of the identified member, applied
 * by code, redeemed by the completion and counted in the results; released by a cancel; a limited
 * offer's last unit going to one of two tills that apply it at the same instant.
 */
class OffersIT {
    static Chain shop;
    static Till till;
    static Till other;

    @BeforeAll
    static void setUp() {
        shop = CampaignsIT.shop("offers");
        till = Till.of(shop, "O1");
        other = Till.of(shop, "O2");
    }

    static String send(String locale, Map<String, Object> offer, Map<String, Object> limits) throws InterruptedException {
        Map<String, Object> c = new LinkedHashMap<>(Map.of("name", "Offer " + locale, "channel", "TELEGRAM", "holdoutShare", 0,
                "condition", CampaignsIT.byLocale(locale), "offer", offer,
                "message", Map.of("", offer.containsKey("codes") ? "Hi {name}: {coupon}" : "Hi {name}, an offer waits at the till")));
        if (limits != null) {
            c.put("limits", limits);
        }
        String id = post("/api/v1/campaigns", shop.adminToken(), c).ok(201).get("id");
        CampaignsIT.startAndFinish(shop, shop.adminToken(), id);
        return id;
    }

    static String open(Till t, String member, String amount) {
        String card = get("/api/v1/members/" + member, shop.adminToken()).json().path("cardNumber").asText();
        String c = t.post("/api/v1/checkouts", Till.basket(Till.line("TEA", "tea", 1, amount))).ok(201).get("id");
        t.post("/api/v1/checkouts/" + c + "/identify", Map.of("cardNumber", card)).ok(200);
        return c;
    }

    static JsonNode quoteOffers(Till t, String checkout, String member) {
        String card = get("/api/v1/members/" + member, shop.adminToken()).json().path("cardNumber").asText();
        return t.post("/api/v1/checkouts/" + checkout + "/identify", Map.of("cardNumber", card)).ok(200).json().path("quote").path("offers");
    }

    @Test
    void aUniqueCouponFromTheMessageIsInTheQuoteAppliedRedeemedOnceAndCounted() throws Exception {
        CampaignsIT.Member m = CampaignsIT.member(shop, "en-O1", true);
        String campaign = send("en-O1", Map.of("kind", "COUPON", "title", "5 off", "value", 5, "codes", "UNIQUE",
                "pattern", Map.of("prefix", "OFF-", "length", 8)), null);
        List<String> got = Eventually.until("the coupon message", Duration.ofSeconds(20),
                () -> CampaignsIT.campaignMessages(shop, m.chat(), "OFF-"), g -> !g.isEmpty());
        String code = got.get(0).substring(got.get(0).indexOf("OFF-"));

        String c = open(till, m.id(), "30.00");
        JsonNode offers = quoteOffers(till, c, m.id());
        assertThat(offers).hasSize(1);
        assertThat(offers.get(0).path("campaignId").asText()).isEqualTo(campaign);
        assertThat(offers.get(0).path("discount").decimalValue()).isEqualByComparingTo("5.00");
        JsonNode applied = till.post("/api/v1/checkouts/" + c + "/offers", Map.of("couponCode", code.toLowerCase())).ok(201).json();
        assertThat(applied.path("due").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(get("/api/v1/checkouts/" + c, till.token).ok(200).json().path("due").decimalValue())
                .as("the checkout shows the due the apply answer showed").isEqualByComparingTo("25.00");
        // The price discount comes first: the points cap is counted on what is left (half of 25.00).
        till.post("/api/v1/checkouts/" + c + "/redemption", Map.of("points", 10_000)).problem(422);
        JsonNode done = till.send("POST", "/api/v1/checkouts/" + c + "/complete", Till.key(), Till.paid("R-" + c, "CARD", "25.00")).reply()
                .ok(200).json();
        assertThat(done.path("pointsEarned").asLong()).isEqualTo(25);

        // Used: not in the next quote, and its code applies no more.
        String next = open(till, m.id(), "30.00");
        assertThat(quoteOffers(till, next, m.id())).isEmpty();
        assertThat(till.post("/api/v1/checkouts/" + next + "/offers", Map.of("couponCode", code)).problem(409).get("type"))
                .endsWith("offer-unavailable");
        JsonNode r = CampaignsIT.resultsWhen(shop.adminToken(), campaign, x -> x.path("redeemed").asLong() == 1
                && x.path("treated").path("converted").asLong() == 1);
        assertThat(r.path("redeemed").asLong()).isEqualTo(1);
        assertThat(r.path("offers").path("discount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(r.path("offers").path("cost").decimalValue()).isEqualByComparingTo("5.00");
        // Revenue is what the basket came to less the offer's discount.
        assertThat(r.path("treated").path("revenue").decimalValue()).isEqualByComparingTo("25.00");
        // This offer is not given back on a return: returned whole, the receipt leaves it used.
        till.post("/api/v1/returns", Map.of("receiptNumber", "R-" + c, "lines", List.of(Map.of("sku", "TEA", "quantity", 1)))).ok(201);
        assertThat(quoteOffers(till, next, m.id())).isEmpty();
        assertThat(get("/api/v1/campaigns/" + campaign + "/results", shop.adminToken()).ok(200).json().path("redeemed").asLong())
                .isEqualTo(1);
        long deadline = System.currentTimeMillis() + 10_000;
        long redemptions = 0;
        while (redemptions == 0 && System.currentTimeMillis() < deadline) {
            redemptions = post("/api/v1/segments/preview", shop.adminToken(), Map.of("condition", Map.of("and", List.of(
                    CampaignsIT.byLocale("en-O1"), Map.of("event", "redemption", "withinDays", 1))))).ok(200).json().path("count").asLong();
        }
        assertThat(redemptions).isEqualTo(1);
    }

    @Test
    void aCancelledCheckoutGivesTheOfferBackAndAnotherMembersOfferIsNotOurs() throws Exception {
        CampaignsIT.Member m = CampaignsIT.member(shop, "en-O2", true);
        CampaignsIT.Member stranger = CampaignsIT.member(shop, "en-O9", true);
        send("en-O2", Map.of("kind", "DISCOUNT", "title", "10% on tea", "value", 10, "category", "tea", "codes", "GENERIC",
                "code", "TEA10"), null);
        String c = open(till, m.id(), "40.00");
        String offerId = quoteOffers(till, c, m.id()).get(0).path("offerId").asText();
        till.post("/api/v1/checkouts/" + c + "/offers", Map.of("offerId", offerId)).ok(201);
        // The same offer applied again is the same answer; the other till cannot take it meanwhile.
        assertThat(till.post("/api/v1/checkouts/" + c + "/offers", Map.of("couponCode", "TEA10")).ok(201).json().path("discount")
                .decimalValue()).isEqualByComparingTo("4.00");
        String elsewhere = open(other, m.id(), "40.00");
        assertThat(quoteOffers(other, elsewhere, m.id())).isEmpty();
        other.post("/api/v1/checkouts/" + elsewhere + "/offers", Map.of("offerId", offerId)).problem(409);
        till.post("/api/v1/checkouts/" + c + "/cancel", null).ok(200);
        assertThat(quoteOffers(other, elsewhere, m.id())).hasSize(1);
        // Another member's offer, by id or by code, is not on this checkout's member.
        String theirs = open(other, stranger.id(), "40.00");
        other.post("/api/v1/checkouts/" + theirs + "/offers", Map.of("offerId", offerId)).problem(409);
        other.post("/api/v1/checkouts/" + theirs + "/offers", Map.of("couponCode", "TEA10")).problem(409);
        // Removed, it is the member's again; unidentified, nothing applies.
        other.post("/api/v1/checkouts/" + elsewhere + "/offers", Map.of("offerId", offerId)).ok(201);
        Api.Reply removed = other.send("DELETE", "/api/v1/checkouts/" + elsewhere + "/offers/" + offerId, Till.key(), null).reply();
        assertThat(removed.status()).isEqualTo(200);
        String anonymous = till.post("/api/v1/checkouts", Till.basket(Till.line("TEA", "tea", 1, "10.00"))).ok(201).get("id");
        till.post("/api/v1/checkouts/" + anonymous + "/offers", Map.of("couponCode", "TEA10")).problem(409);
        till.post("/api/v1/checkouts/" + anonymous + "/offers", Map.of()).problem(400);
    }

    @Test
    void theLastUnitOfALimitedOfferGoesToOneOfTwoTillsAtTheSameInstant() throws Exception {
        CampaignsIT.Member a = CampaignsIT.member(shop, "en-O3", true);
        CampaignsIT.Member b = CampaignsIT.member(shop, "en-O3", true);
        String campaign = send("en-O3", Map.of("kind", "BONUS_POINTS", "title", "50 bonus points", "value", 50), Map.of("perMember", 1,
                "total", 1));
        String ca = open(till, a.id(), "10.00");
        String cb = open(other, b.id(), "10.00");
        String oa = quoteOffers(till, ca, a.id()).get(0).path("offerId").asText();
        String ob = quoteOffers(other, cb, b.id()).get(0).path("offerId").asText();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> fa = pool.submit(() -> {
            go.await();
            return till.post("/api/v1/checkouts/" + ca + "/offers", Map.of("offerId", oa)).status();
        });
        Future<Integer> fb = pool.submit(() -> {
            go.await();
            return other.post("/api/v1/checkouts/" + cb + "/offers", Map.of("offerId", ob)).status();
        });
        go.countDown();
        List<Integer> statuses = List.of(fa.get(), fb.get());
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        boolean aWon = statuses.get(0) == 201;
        Till winner = aWon ? till : other;
        String won = aWon ? ca : cb;
        JsonNode done = winner.send("POST", "/api/v1/checkouts/" + won + "/complete", Till.key(), Till.paid("R-" + won, "CARD", "10.00"))
                .reply().ok(200).json();
        assertThat(done.path("pointsEarned").asLong()).isEqualTo(10 + 50);
        JsonNode r = CampaignsIT.resultsWhen(shop.adminToken(), campaign, x -> x.path("redeemed").asLong() == 1);
        assertThat(r.path("offers").path("points").asLong()).isEqualTo(50);
        assertThat(r.path("offers").path("cost").decimalValue()).as("50 points at 0.1").isEqualByComparingTo("5.00");
        // Spent: the loser's member sees it no more.
        String later = open(aWon ? other : till, aWon ? b.id() : a.id(), "10.00");
        assertThat(quoteOffers(aWon ? other : till, later, aWon ? b.id() : a.id())).isEmpty();
    }

    @Test
    void anOfferGivenBackOnReturnIsTheMembersAgainOnlyWhenTheWholeReceiptComesBack() throws Exception {
        CampaignsIT.Member m = CampaignsIT.member(shop, "en-O4", true);
        String campaign = send("en-O4", Map.of("kind", "DISCOUNT", "title", "20% on tea", "value", 20, "category", "tea",
                "givenBackOnReturn", true), Map.of("perMember", 1, "total", 1));
        String card = get("/api/v1/members/" + m.id(), shop.adminToken()).json().path("cardNumber").asText();
        String c = till.post("/api/v1/checkouts", Till.basket(Till.line("TEA", "tea", 2, "10.00"))).ok(201).get("id");
        String offerId = till.post("/api/v1/checkouts/" + c + "/identify", Map.of("cardNumber", card)).ok(200).json().path("quote")
                .path("offers").get(0).path("offerId").asText();
        till.post("/api/v1/checkouts/" + c + "/offers", Map.of("offerId", offerId)).ok(201);
        till.send("POST", "/api/v1/checkouts/" + c + "/complete", Till.key(), Till.paid("R-" + c, "CARD", "16.00")).reply().ok(200);
        String next = open(till, m.id(), "10.00");
        assertThat(quoteOffers(till, next, m.id())).isEmpty();
        // Half the receipt back: still used. The rest back: the member's again, and the campaign's budget has its unit again.
        till.post("/api/v1/returns", Map.of("receiptNumber", "R-" + c, "lines", List.of(Map.of("sku", "TEA", "quantity", 1)))).ok(201);
        assertThat(quoteOffers(till, next, m.id())).isEmpty();
        till.post("/api/v1/returns", Map.of("receiptNumber", "R-" + c, "lines", List.of(Map.of("sku", "TEA", "quantity", 1)))).ok(201);
        assertThat(quoteOffers(till, next, m.id())).extracting(o -> o.path("offerId").asText()).containsExactly(offerId);
        JsonNode r = get("/api/v1/campaigns/" + campaign + "/results", shop.adminToken()).ok(200).json();
        assertThat(r.path("redeemed").asLong()).isZero();
        assertThat(r.path("offers").path("givenBack").asLong()).isEqualTo(1);
        assertThat(r.path("offers").path("cost").decimalValue()).isEqualByComparingTo("0");
    }
}
