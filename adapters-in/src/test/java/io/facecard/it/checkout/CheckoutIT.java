package io.facecard.it.checkout;

import static io.facecard.it.Api.get;
import static io.facecard.it.Api.post;
import static io.facecard.it.Till.basket;
import static io.facecard.it.Till.line;
import static io.facecard.it.Till.paid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.domain.loyalty.BonusAccount;
import io.facecard.it.Api.Chain;
import io.facecard.it.Api.Reply;
import io.facecard.it.Api;
import io.facecard.it.Eventually;
import io.facecard.it.Till;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The till's loyalty flow over HTTP: earning, redemption, holds, receipts, returns, offline purchases. */
public class CheckoutIT {
    public static Chain chain;
    public static String store;
    public static Till till;
    public static Till secondTill;

    @BeforeAll
    static void chain() {
        chain = Api.onboard(Api.operatorToken());
        store = chain.store("S1");
        till = new Till(chain.terminal(store, "POS").get("apiKey").asText());
        secondTill = new Till(chain.terminal(store, "POS").get("apiKey").asText());
        program(chain, 900, 0);
    }

    static void program(Chain c, int holdSeconds, int pendingDays) {
        Api.call("PUT", "/api/v1/loyalty/program", c.adminToken(), Map.of("pointsPerCurrencyUnit", 1,
                "categoryMultipliers", Map.of("coffee", 2), "pointValue", 0.1, "maxRedeemShare", 0.5, "pendingDays", pendingDays,
                "expiry", Map.of("policy", "END_OF_YEAR"), "tiers", List.of(Map.of("name", "Gold", "minSpend", 1000, "multiplier", 1.5)),
                "holdSeconds", holdSeconds)).ok(200);
    }

    public static String member(Chain c, long points) {
        String card = "C" + UUID.randomUUID().toString().substring(0, 12);
        String id = post("/api/v1/members", c.adminToken(), Map.of("name", "Member " + card, "cardNumber", card)).ok(201).get("id");
        if (points > 0) {
            new Till(c.adminToken()).post("/api/v1/members/" + id + "/adjustments", Map.of("points", points, "reason", "welcome"));
        }
        return id;
    }

    public static String card(String member) {
        return card(chain, member);
    }

    public static String card(Chain c, String member) {
        return get("/api/v1/members/" + member, c.adminToken()).json().path("cardNumber").asText();
    }

    public static JsonNode balance(Chain c, String member) {
        return get("/api/v1/members/" + member + "/balance", c.adminToken()).ok(200).json();
    }

    public static long ledgerSum(Chain c, String member) {
        long sum = 0;
        for (JsonNode e : get("/api/v1/members/" + member + "/ledger?limit=200", c.adminToken()).ok(200).json().path("items")) {
            sum += e.path("points").asLong();
        }
        return sum;
    }

    public static String open(Till t) {
        return t.post("/api/v1/checkouts", basket(line("LATTE", "coffee", 2, "3.50"), line("BREAD", null, 1, "13.00"))).ok(201).get("id");
    }

    @Test
    void aFullCheckoutEarnsOnWhatWasPaidAndBindsTheReceipt() {
        String m = member(chain, 100);
        String id = open(till);
        JsonNode identified = till.post("/api/v1/checkouts/" + id + "/identify", Map.of("cardNumber", card(m))).ok(200).json();
        assertThat(identified.path("decision").asText()).isEqualTo("MATCH");
        assertThat(identified.path("member").path("id").asText()).isEqualTo(m);
        // 7.00 coffee ×2 + 13.00 → 27 points to earn; 50% of 20.00 at 0.10 a point → 100 redeemable.
        assertThat(identified.path("quote").path("balance").asLong()).isEqualTo(100);
        assertThat(identified.path("quote").path("redeemable").asLong()).isEqualTo(100);
        assertThat(identified.path("quote").path("pointsToEarn").asLong()).isEqualTo(27);
        assertThat(identified.path("quote").path("offers").isArray()).isTrue();
        assertThat(get("/api/v1/checkouts/" + id, till.token).ok(200).json().path("status").asText()).isEqualTo("IDENTIFIED");

        JsonNode held = till.post("/api/v1/checkouts/" + id + "/redemption", Map.of("points", 50)).ok(201).json();
        assertThat(held.path("due").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(get("/api/v1/checkouts/" + id, till.token).ok(200).json().path("due").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(balance(chain, m).path("held").asLong()).isEqualTo(50);

        String receipt = "R-" + UUID.randomUUID();
        JsonNode done = till.post("/api/v1/checkouts/" + id + "/complete", paid(receipt, "CARD", "15.00")).ok(200).json();
        // Earned on the 15.00 paid in money: coffee 5.25 × 2 = 10, bread 9.75 → 9.
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("pointsRedeemed").asLong()).isEqualTo(50);
        assertThat(done.path("pointsEarned").asLong()).isEqualTo(19);
        assertThat(done.path("balance").asLong()).isEqualTo(69);

        JsonNode b = balance(chain, m);
        assertThat(b.path("available").asLong()).isEqualTo(69);
        assertThat(b.path("held").asLong()).isZero();
        assertThat(ledgerSum(chain, m)).isEqualTo(69);
        JsonNode checkout = get("/api/v1/checkouts/" + id, till.token).ok(200).json();
        assertThat(checkout.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(checkout.path("due").decimalValue()).as("paid: nothing is due").isEqualByComparingTo("0");
        assertThat(checkout.path("receiptNumber").asText()).isEqualTo(receipt);
        till.post("/api/v1/checkouts/" + id + "/cancel", null).problem(409);
    }

    @Test
    void aRetryReturnsTheFirstAnswerAndAReusedKeyIsRefused() {
        String key = Till.key();
        Map<String, Object> body = basket(line("TEA", null, 1, "2.00"));
        Till.Answer first = till.send("POST", "/api/v1/checkouts", key, body);
        Till.Answer again = till.send("POST", "/api/v1/checkouts", key, body);
        assertThat(first.reply().status()).isEqualTo(201);
        assertThat(first.replayed()).isFalse();
        assertThat(again.reply().status()).isEqualTo(201);
        assertThat(again.replayed()).isTrue();
        assertThat(again.reply().body()).isEqualTo(first.reply().body());

        till.send("POST", "/api/v1/checkouts", key, basket(line("TEA", null, 2, "2.00"))).reply().problem(422);
        assertThat(till.send("POST", "/api/v1/checkouts", null, body).reply().problem(400).get("type")).endsWith("idempotency-key-required");
        // Keys belong to a credential: another till's identical key is its own.
        assertThat(secondTill.send("POST", "/api/v1/checkouts", key, body).replayed()).isFalse();

        String id = first.reply().get("id");
        String m = member(chain, 0);
        String complete = Till.key();
        till.send("POST", "/api/v1/checkouts/" + id + "/identify", Till.key(), Map.of("memberId", m)).reply().ok(200);
        Reply done = till.send("POST", "/api/v1/checkouts/" + id + "/complete", complete, paid("R-" + key, "CASH", "2.00")).reply().ok(200);
        Till.Answer retried = till.send("POST", "/api/v1/checkouts/" + id + "/complete", complete, paid("R-" + key, "CASH", "2.00"));
        assertThat(retried.replayed()).isTrue();
        assertThat(retried.reply().body()).isEqualTo(done.body());
        assertThat(balance(chain, m).path("available").asLong()).isEqualTo(2);
    }

    @Test
    void twoTillsRedeemingTheSameMemberAtOnceNeverOverdraw() throws Exception {
        String m = member(chain, 100);
        String card = card(m);
        for (int round = 0; round < 8; round++) {
            String a = open(till);
            String b = open(secondTill);
            till.post("/api/v1/checkouts/" + a + "/identify", Map.of("cardNumber", card)).ok(200);
            secondTill.post("/api/v1/checkouts/" + b + "/identify", Map.of("cardNumber", card)).ok(200);
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Reply> ra = CompletableFuture.supplyAsync(() -> redeemAfter(start, till, a));
            CompletableFuture<Reply> rb = CompletableFuture.supplyAsync(() -> redeemAfter(start, secondTill, b));
            List<Integer> statuses = List.of(ra.get().status(), rb.get().status());
            assertThat(statuses).as(ra.get().body() + " / " + rb.get().body()).containsExactlyInAnyOrder(201, 409);
            assertThat(balance(chain, m).path("available").asLong()).isEqualTo(30);
            till.post("/api/v1/checkouts/" + a + "/cancel", null).ok(200);
            secondTill.post("/api/v1/checkouts/" + b + "/cancel", null).ok(200);
        }
        JsonNode b = balance(chain, m);
        assertThat(b.path("available").asLong()).isEqualTo(100);
        assertThat(b.path("held").asLong()).isZero();
        assertThat(ledgerSum(chain, m)).isEqualTo(100);
    }

    private static Reply redeemAfter(CyclicBarrier start, Till t, String checkout) {
        try {
            start.await();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return t.post("/api/v1/checkouts/" + checkout + "/redemption", Map.of("points", 70));
    }

    @Test
    void aHoldNotCompletedInTimeIsReleasedByItself() throws Exception {
        Chain quick = Api.onboard(Api.operatorToken());
        program(quick, 2, 0);
        Till t = Till.of(quick, "Q1");
        String m = member(quick, 100);
        String id = open(t);
        t.post("/api/v1/checkouts/" + id + "/identify", Map.of("memberId", m)).ok(200);
        t.post("/api/v1/checkouts/" + id + "/redemption", Map.of("points", 40)).ok(201);
        assertThat(balance(quick, m).path("held").asLong()).isEqualTo(40);
        Eventually.until("the hold to lapse", Duration.ofSeconds(20), () -> balance(quick, m).path("held").asLong(), held -> held == 0);
        assertThat(balance(quick, m).path("held").asLong()).as("held points after the hold time").isZero();
        assertThat(balance(quick, m).path("available").asLong()).isEqualTo(100);
        assertThat(t.post("/api/v1/checkouts/" + id + "/complete", paid("R-" + id, "CARD", "16.00")).problem(409).get("type"))
                .endsWith("hold-expired");
        // The till redeems again and completes.
        t.post("/api/v1/checkouts/" + id + "/redemption", Map.of("points", 40)).ok(201);
        t.post("/api/v1/checkouts/" + id + "/complete", paid("R-" + id, "CARD", "16.00")).ok(200);
        assertThat(balance(quick, m).path("available").asLong()).isEqualTo(100 - 40 + 21);
    }

    @Test
    void aTenantsNewCurrencyAppliesToTheNextCheckoutAtOnce() {
        Chain shop = Api.onboard(Api.operatorToken());
        Till t = Till.of(shop, "FX");
        t.post("/api/v1/checkouts", basket(line("A", null, 1, "1.00"))).ok(201); // the tenant's terms are now remembered
        Api.patch("/api/v1/tenants/" + shop.id(), Api.operatorToken(), Map.of("currency", "USD")).ok(200);
        t.post("/api/v1/checkouts", Map.of("currency", "USD", "lines", List.of(line("A", null, 1, "1.00")))).ok(201);
        assertThat(t.post("/api/v1/checkouts", basket(line("A", null, 1, "1.00"))).problem(422).get("type")).endsWith("currency-mismatch");
    }

    @Test
    void aHoldThatEndsEarlyTakesItsDeadlineWithIt() throws Exception {
        String m = member(chain, 100);
        String completed = open(till);
        till.post("/api/v1/checkouts/" + completed + "/identify", Map.of("memberId", m)).ok(200);
        till.post("/api/v1/checkouts/" + completed + "/redemption", Map.of("points", 30)).ok(201);
        String first = holdDeadline(m, completed);
        assertThat(deadlinePending(first)).as("the hold's expiry is scheduled").isTrue();
        till.post("/api/v1/checkouts/" + completed + "/complete", paid("R-" + completed, "CARD", "17.00")).ok(200);
        assertThat(deadlinePending(first)).as("captured: nothing left to expire").isFalse();

        String cancelled = open(till);
        till.post("/api/v1/checkouts/" + cancelled + "/identify", Map.of("memberId", m)).ok(200);
        till.post("/api/v1/checkouts/" + cancelled + "/redemption", Map.of("points", 20)).ok(201);
        String replaced = holdDeadline(m, cancelled);
        till.post("/api/v1/checkouts/" + cancelled + "/redemption", Map.of("points", 25)).ok(201);
        String second = holdDeadline(m, cancelled);
        assertThat(second).isNotEqualTo(replaced);
        assertThat(deadlinePending(replaced)).as("a replaced hold's deadline is gone").isFalse();
        till.post("/api/v1/checkouts/" + cancelled + "/cancel", null).ok(200);
        assertThat(deadlinePending(second)).as("released: nothing left to expire").isFalse();
        assertThat(balance(chain, m).path("held").asLong()).isZero();
    }

    /** The schedule of the checkout's latest hold: named after the hold and its expiry. */
    private static String holdDeadline(String member, String checkout) throws Exception {
        // The hold's expiry is a scheduled deadline, which no API shows.
        try (var c = Api.database(); var q = c.prepareStatement("select convert_from(payload, 'UTF8')::jsonb ->> 'expiresAt' "
                + "from domainevententry where aggregateidentifier = ? and payloadtype like '%PointsHeldEvent' "
                + "and convert_from(payload, 'UTF8')::jsonb ->> 'holdId' = ? order by sequencenumber desc limit 1")) {
            q.setString(1, "bonus-" + member);
            q.setString(2, "checkout-" + checkout);
            try (var r = q.executeQuery()) {
                assertThat(r.next()).as("a hold event for checkout " + checkout).isTrue();
                assertThat(r.getString(1)).isNotNull();
                return new BonusAccount.HoldExpiry("checkout-" + checkout, Instant.parse(r.getString(1))).key();
            }
        }
    }

    private static boolean deadlinePending(String schedule) throws Exception {
        // Whether the deadline is still pending: the scheduler's table is its only witness.
        try (var c = Api.database(); var q = c.prepareStatement("select count(*) from scheduled_tasks where task_instance = ?")) {
            q.setString(1, schedule);
            try (var r = q.executeQuery()) {
                r.next();
                return r.getInt(1) == 1;
            }
        }
    }

    @Test
    void anOfflinePurchaseIsCreditedOnceWithPendingCountedFromTheSale() {
        Chain shop = Api.onboard(Api.operatorToken());
        program(shop, 900, 14);
        Till t = Till.of(shop, "O1");
        String m = member(shop, 0);
        String card = card(shop, m);
        Map<String, Object> old = purchase("R-OLD", Instant.now().minus(20, ChronoUnit.DAYS), card, "10.00");
        Map<String, Object> recent = purchase("R-NEW", Instant.now().minus(1, ChronoUnit.DAYS), card, "5.00");
        String key = Till.key();
        Reply first = t.send("POST", "/api/v1/purchases", key, old).reply().ok(201);
        assertThat(first.json().path("pointsEarned").asLong()).isEqualTo(10);
        assertThat(t.send("POST", "/api/v1/purchases", key, old).replayed()).isTrue();
        assertThat(t.post("/api/v1/purchases", old).problem(409).get("type")).endsWith("duplicate-receipt");
        t.post("/api/v1/purchases", recent).ok(201);
        JsonNode b = balance(shop, m);
        assertThat(b.path("available").asLong()).as("20 days ago: past the 14 pending days").isEqualTo(10);
        assertThat(b.path("pending").asLong()).as("yesterday: still pending").isEqualTo(5);
        assertThat(ledgerSum(shop, m)).isEqualTo(15);
        t.post("/api/v1/purchases", purchase("R-FUTURE", Instant.now().plus(1, ChronoUnit.DAYS), card, "5.00")).problem(400);
        t.post("/api/v1/purchases", purchase("R-NOBODY", Instant.now(), "NO-SUCH-CARD", "5.00")).problem(422);
    }

    public static Map<String, Object> purchase(String receipt, Instant at, String card, String amount) {
        return Map.of("receiptNumber", receipt, "occurredAt", at.toString(), "member", Map.of("cardNumber", card), "currency", "EUR",
                "lines", List.of(line("ITEM", null, 1, amount)),
                "payments", List.of(Map.of("method", "CASH", "amount", new BigDecimal(amount))));
    }

    @Test
    void aReturnReversesEarnedPointsAndGivesBackRedeemedOnesInProportion() {
        String m = member(chain, 100);
        String id = open(till);
        till.post("/api/v1/checkouts/" + id + "/identify", Map.of("memberId", m)).ok(200);
        till.post("/api/v1/checkouts/" + id + "/redemption", Map.of("points", 50)).ok(201);
        String receipt = "R-" + id;
        till.post("/api/v1/checkouts/" + id + "/complete", paid(receipt, "CARD", "15.00")).ok(200);
        // One of two lattes: half of the 10 points earned on them, half of the 17 redeemed points they took.
        JsonNode r = till.post("/api/v1/returns", Map.of("receiptNumber", receipt, "lines", List.of(Map.of("sku", "LATTE", "quantity", 1))))
                .ok(201).json();
        assertThat(r.path("pointsReversed").asLong()).isEqualTo(5);
        assertThat(r.path("pointsRestored").asLong()).isEqualTo(8);
        assertThat(r.path("refund").decimalValue()).isEqualByComparingTo("2.62");
        assertThat(r.path("balance").asLong()).isEqualTo(69 - 5 + 8);
        till.post("/api/v1/returns", Map.of("receiptNumber", receipt, "lines", List.of(Map.of("sku", "LATTE", "quantity", 2)))).problem(422);
        till.post("/api/v1/returns", Map.of("receiptNumber", receipt, "lines", List.of(Map.of("sku", "NOPE", "quantity", 1)))).problem(422);
        till.post("/api/v1/returns", Map.of("receiptNumber", "R-NONE", "lines", List.of(Map.of("sku", "A", "quantity", 1)))).problem(404);
        // The rest of the receipt: everything earned is reversed, everything redeemed is back.
        JsonNode rest = till.post("/api/v1/returns", Map.of("receiptNumber", receipt, "lines",
                List.of(Map.of("sku", "LATTE", "quantity", 1), Map.of("sku", "BREAD", "quantity", 1)))).ok(201).json();
        assertThat(r.path("pointsReversed").asLong() + rest.path("pointsReversed").asLong()).isEqualTo(19);
        assertThat(r.path("pointsRestored").asLong() + rest.path("pointsRestored").asLong()).isEqualTo(50);
        assertThat(balance(chain, m).path("available").asLong()).isEqualTo(100);
        assertThat(ledgerSum(chain, m)).isEqualTo(100);
    }

    @Test
    void badInputIsAClearProblemAndChangesNothing() {
        till.post("/api/v1/checkouts", Map.of("currency", "EUR", "lines", List.of())).problem(400);
        till.post("/api/v1/checkouts", Map.of("currency", "USD", "lines", List.of(line("A", null, 1, "1.00")))).problem(422);
        till.post("/api/v1/checkouts", basket(line("A", null, 1, "-1.00"))).problem(400);
        till.post("/api/v1/checkouts", basket(line("A", null, 1, "1.001"))).problem(400);
        Api.raw("POST", "/api/v1/checkouts", till.token, "{\"currency\":", "application/json").problem(400);
        String id = open(till);
        till.post("/api/v1/checkouts/" + id + "/complete", paid("R-1", "CARD", "19.99")).problem(422);
        till.post("/api/v1/checkouts/" + id + "/complete", paid("R-1", "FACE_PAY", "20.00")).problem(422);
        till.post("/api/v1/checkouts/" + id + "/redemption", Map.of("points", 10)).problem(409);
        till.post("/api/v1/checkouts/" + id + "/identify", Map.of("cardNumber", "X", "phone", "+491")).problem(400);
        till.post("/api/v1/checkouts/" + UUID.randomUUID() + "/cancel", null).problem(404);
        till.post("/api/v1/checkouts/not-an-id/cancel", null).problem(404);
        String m = member(chain, 10);
        till.post("/api/v1/checkouts/" + id + "/identify", Map.of("memberId", m)).ok(200);
        till.post("/api/v1/checkouts/" + id + "/redemption", Map.of("points", 101)).problem(422);
        till.post("/api/v1/checkouts/" + id + "/redemption", Map.of("points", 11)).problem(409);
        till.post("/api/v1/checkouts/" + id + "/redemption", Map.of("points", 0)).problem(400);
        assertThat(balance(chain, m).path("available").asLong()).isEqualTo(10);
        assertThat(get("/api/v1/checkouts/" + id, till.token).json().path("status").asText())
                .as("identified, and nothing the refused calls sent changed it").isEqualTo("IDENTIFIED");
        Api.call("PUT", "/api/v1/loyalty/program", chain.adminToken(), Map.of("pointsPerCurrencyUnit", 1, "pointValue", 0,
                "maxRedeemShare", 0.5)).problem(400);
        Api.call("PUT", "/api/v1/loyalty/program", chain.adminToken(), Map.of("pointsPerCurrencyUnit", 1, "pointValue", 0.1,
                "maxRedeemShare", 0.5, "expiry", Map.of("policy", "SOMETIMES"))).problem(400);
        Api.call("PUT", "/api/v1/loyalty/program", chain.adminToken(), Map.of("pointsPerCurrencyUnit", 1, "pointValue", 0.1,
                "maxRedeemShare", 0.5, "expiry", Map.of("policy", "DAYS"))).problem(400);
        assertThat(get("/api/v1/loyalty/program", chain.adminToken()).ok(200).json().path("holdSeconds").asInt()).isEqualTo(900);
        new Till(chain.adminToken()).post("/api/v1/members/" + m + "/adjustments", Map.of("points", -11, "reason", "too much")).problem(409);
        new Till(chain.adminToken()).post("/api/v1/members/" + m + "/adjustments", Map.of("points", 5)).problem(400);
    }

    @Test
    void anotherTenantOrStoreSeesNothingAndRolesAreEnforced() {
        String m = member(chain, 100);
        String id = open(till);
        till.post("/api/v1/checkouts/" + id + "/identify", Map.of("memberId", m)).ok(200);
        String receipt = "R-X-" + id;
        till.post("/api/v1/checkouts/" + id + "/complete", paid(receipt, "CASH", "20.00")).ok(200);

        Chain other = Api.onboard(Api.operatorToken());
        Till foreign = Till.of(other, "F1");
        get("/api/v1/checkouts/" + id, foreign.token).problem(404);
        foreign.post("/api/v1/checkouts/" + id + "/cancel", null).problem(404);
        foreign.post("/api/v1/checkouts/" + open(foreign) + "/identify", Map.of("memberId", m)).problem(404);
        foreign.post("/api/v1/returns", Map.of("receiptNumber", receipt, "lines", List.of(Map.of("sku", "BREAD", "quantity", 1)))).problem(404);
        get("/api/v1/members/" + m + "/balance", other.adminToken()).problem(404);
        get("/api/v1/members/" + m + "/ledger", other.adminToken()).problem(404);
        new Till(other.adminToken()).post("/api/v1/members/" + m + "/adjustments", Map.of("points", 5, "reason", "x")).problem(404);
        // A till of another store of the same chain does not see this store's checkouts either.
        Till elsewhere = Till.of(chain, "S2");
        get("/api/v1/checkouts/" + id, elsewhere.token).problem(404);

        String cashier = chain.user("cashier-" + UUID.randomUUID().toString().substring(0, 6), "CASHIER");
        String marketer = chain.user("marketer-" + UUID.randomUUID().toString().substring(0, 6), "MARKETER");
        Api.call("PUT", "/api/v1/loyalty/program", cashier, Map.of("pointsPerCurrencyUnit", 1, "pointValue", 0.1, "maxRedeemShare", 1))
                .problem(403);
        Api.call("PUT", "/api/v1/loyalty/program", till.token, Map.of("pointsPerCurrencyUnit", 1, "pointValue", 0.1, "maxRedeemShare", 1))
                .problem(403);
        new Till(marketer).post("/api/v1/members/" + m + "/adjustments", Map.of("points", 5, "reason", "x")).problem(403);
        new Till(cashier).post("/api/v1/checkouts", basket(line("A", null, 1, "1.00"))).problem(403);
        get("/api/v1/members/" + m + "/balance", cashier).ok(200);
        assertThat(balance(chain, m).path("available").asLong()).isEqualTo(127);
    }

    @Test
    void theBalanceAlwaysEqualsTheSumOfTheLedger() {
        String m = member(chain, 40);
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = open(till);
            till.post("/api/v1/checkouts/" + id + "/identify", Map.of("memberId", m)).ok(200);
            if (i == 1) {
                till.post("/api/v1/checkouts/" + id + "/redemption", Map.of("points", 30)).ok(201);
            }
            receipts.add("R-L-" + id);
            till.post("/api/v1/checkouts/" + id + "/complete", paid(receipts.get(i), "CARD", i == 1 ? "17.00" : "20.00")).ok(200);
        }
        till.post("/api/v1/returns", Map.of("receiptNumber", receipts.get(0), "lines", List.of(Map.of("sku", "BREAD", "quantity", 1)))).ok(201);
        new Till(chain.adminToken()).post("/api/v1/members/" + m + "/adjustments", Map.of("points", -3, "reason", "correction")).ok(201);
        JsonNode b = balance(chain, m);
        assertThat(b.path("available").asLong() + b.path("pending").asLong() + b.path("held").asLong()).isEqualTo(ledgerSum(chain, m));
        JsonNode ledger = get("/api/v1/members/" + m + "/ledger", chain.adminToken()).json().path("items");
        assertThat(ledger.get(0).path("kind").asText()).isEqualTo("ADJUSTED");
        assertThat(ledger.get(0).path("actor").asText()).startsWith("staff:");
    }

    @Test
    void readModelsRebuildFromTheEventsToTheSameState() {
        Chain shop = Api.onboard(Api.operatorToken());
        program(shop, 900, 0);
        Till t = Till.of(shop, "RB");
        String m = member(shop, 500);
        List<String> checkouts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = open(t);
            checkouts.add(id);
            t.post("/api/v1/checkouts/" + id + "/identify", Map.of("memberId", m)).ok(200);
            t.post("/api/v1/checkouts/" + id + "/redemption", Map.of("points", 20)).ok(201);
            if (i == 2) {
                t.post("/api/v1/checkouts/" + id + "/cancel", null).ok(200);
            } else {
                t.post("/api/v1/checkouts/" + id + "/complete", paid("R-RB-" + i, "CARD", "18.00")).ok(200);
            }
        }
        t.post("/api/v1/returns", Map.of("receiptNumber", "R-RB-0", "lines", List.of(Map.of("sku", "LATTE", "quantity", 1)))).ok(201);
        String before = state(shop, t, m, checkouts);

        get("/api/v1/members/" + m, shop.adminToken()).ok(200);
        post("/api/v1/tenants/" + shop.id() + "/read-models/rebuild", shop.adminToken(), Map.of()).problem(403);
        long stored = storedEvents();
        JsonNode rebuilt = post("/api/v1/tenants/" + shop.id() + "/read-models/rebuild", Api.operatorToken(), Map.of()).ok(200).json();
        assertThat(rebuilt.path("eventsReplayed").asLong()).isGreaterThan(10);
        assertThat(rebuilt.path("eventsRead").asLong()).as("the whole store, however many reads that takes").isGreaterThanOrEqualTo(stored);
        assertThat(state(shop, t, m, checkouts)).isEqualTo(before);
        // and the tills carry on against the rebuilt models
        t.post("/api/v1/returns", Map.of("receiptNumber", "R-RB-1", "lines", List.of(Map.of("sku", "BREAD", "quantity", 1)))).ok(201);
    }

    private static long storedEvents() {
        // The event store's size: nothing may be stored by a refused call, and no API counts events.
        try (var c = Api.database(); var q = c.prepareStatement("select count(*) from domainevententry"); var r = q.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String state(Chain c, Till t, String m, List<String> checkouts) {
        StringBuilder s = new StringBuilder(balance(c, m).toString());
        s.append(get("/api/v1/members/" + m + "/ledger?limit=200", c.adminToken()).ok(200).body());
        for (String id : checkouts) {
            s.append(get("/api/v1/checkouts/" + id, t.token).ok(200).body());
        }
        return s.toString();
    }

    @Test
    void spendOverTheLast12MonthsSetsTheTierAndAReturnDowngradesIt() {
        Chain shop = Api.onboard(Api.operatorToken());
        program(shop, 900, 0);
        Till t = Till.of(shop, "T1");
        String m = member(shop, 0);
        String card = card(shop, m);
        assertThat(balance(shop, m).path("tier").isNull()).isTrue();
        t.post("/api/v1/purchases", purchase("R-BIG", Instant.now().minus(1, ChronoUnit.DAYS), card, "1000.00")).ok(201);
        assertThat(balance(shop, m).path("tier").asText()).isEqualTo("Gold");
        String id = open(t);
        JsonNode quote = t.post("/api/v1/checkouts/" + id + "/identify", Map.of("cardNumber", card)).ok(200).json();
        assertThat(quote.path("member").path("tier").asText()).isEqualTo("Gold");
        assertThat(quote.path("quote").path("pointsToEarn").asLong()).as("27 points × 1.5").isEqualTo(40);
        t.post("/api/v1/returns", Map.of("receiptNumber", "R-BIG", "lines", List.of(Map.of("sku", "ITEM", "quantity", 1)))).ok(201);
        assertThat(balance(shop, m).path("tier").isNull()).as("spend back under the threshold").isTrue();
        assertThat(ledgerSum(shop, m)).isEqualTo(balance(shop, m).path("available").asLong());
    }

    @Test
    void aLongAccountHistoryIsReadFromASnapshotWithTheSameBalance() throws Exception {
        String m = member(chain, 0);
        Till admin = new Till(chain.adminToken());
        for (int i = 0; i < 60; i++) {
            admin.post("/api/v1/members/" + m + "/adjustments", Map.of("points", 1 + i, "reason", "visit " + i)).ok(201);
        }
        // Snapshots have no API: the event store's table is the only witness that one was taken.
        long snapshots = Eventually.until("a snapshot of the account", Duration.ofSeconds(10), () -> {
            try (var c = Api.database(); var s = c.prepareStatement("select count(*) from snapshotevententry where aggregateidentifier = ?")) {
                s.setString(1, "bonus-" + m);
                try (var r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        }, n -> n > 0);
        assertThat(snapshots).as("snapshots of the account").isPositive();
        // Decisions after the snapshot still see every point: 1 + 2 + ... + 60 = 1830.
        admin.post("/api/v1/members/" + m + "/adjustments", Map.of("points", -1830, "reason", "all of it")).ok(201);
        admin.post("/api/v1/members/" + m + "/adjustments", Map.of("points", -1, "reason", "one too many")).problem(409);
        assertThat(balance(chain, m).path("available").asLong()).isZero();
        assertThat(ledgerSum(chain, m)).isZero();
    }

    @Test
    void theSameKeySentFiveTimesAtOnceRunsOnceAndAnswersAllAlike() throws Exception {
        String m = member(chain, 0);
        String id = open(till);
        till.post("/api/v1/checkouts/" + id + "/identify", Map.of("memberId", m)).ok(200);
        String key = Till.key();
        Map<String, Object> body = paid("R-SAME-" + id, "CARD", "20.00");
        CyclicBarrier start = new CyclicBarrier(5);
        List<CompletableFuture<Till.Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return till.send("POST", "/api/v1/checkouts/" + id + "/complete", key, body);
            }));
        }
        List<Till.Answer> answers = new ArrayList<>();
        for (var c : calls) {
            answers.add(c.get());
        }
        assertThat(answers).allSatisfy(a -> assertThat(a.reply().status()).as(a.reply().body()).isEqualTo(200));
        assertThat(answers.stream().map(a -> a.reply().body()).distinct()).hasSize(1);
        assertThat(answers.stream().filter(a -> !a.replayed())).hasSize(1);
        assertThat(balance(chain, m).path("available").asLong()).as("earned once").isEqualTo(27);
    }

    @Test
    void keysAreKeptForTwoDaysThenPurgedWithoutAJob() throws Exception {
        Chain shop = Api.onboard(Api.operatorToken());
        Till t = Till.of(shop, "K1");
        String oldKey = Till.key();
        String recentKey = Till.key();
        t.send("POST", "/api/v1/checkouts", oldKey, basket(line("A", null, 1, "1.00"))).reply().ok(201);
        t.send("POST", "/api/v1/checkouts", recentKey, basket(line("A", null, 1, "1.00"))).reply().ok(201);
        asTenant(shop, c -> {
            try (var age = c.prepareStatement("update idempotency_record set created_at = now() - ?::interval where idem_key = ?")) {
                age.setString(1, "49 hours");
                age.setString(2, oldKey);
                assertThat(age.executeUpdate()).isEqualTo(1);
                age.setString(1, "23 hours");
                age.setString(2, recentKey);
                assertThat(age.executeUpdate()).isEqualTo(1);
            }
            return null;
        });
        // One new key in 16, at random, purges: 300 new keys all skipping it has odds of 4e-9.
        for (int i = 0; i < 300 && stored(shop, oldKey); i++) {
            t.post("/api/v1/checkouts", basket(line("B", null, 1, "1.00"))).ok(201);
        }
        assertThat(t.send("POST", "/api/v1/checkouts", recentKey, basket(line("A", null, 1, "1.00"))).replayed())
                .as("a key 23 hours old still answers").isTrue();
        assertThat(t.send("POST", "/api/v1/checkouts", oldKey, basket(line("A", null, 1, "1.00"))).replayed())
                .as("a key 49 hours old is gone").isFalse();
    }

    private static boolean stored(Chain shop, String key) throws Exception {
        return asTenant(shop, c -> {
            try (var find = c.prepareStatement("select count(*) from idempotency_record where idem_key = ?")) {
                find.setString(1, key);
                try (var r = find.executeQuery()) {
                    r.next();
                    return r.getInt(1) == 1;
                }
            }
        });
    }

    public interface SqlWork<T> {
        public T run(Connection c) throws Exception;
    }

    /** Runs straight SQL in one transaction bound to the shop's tenant, as row-level security requires. */
    private static <T> T asTenant(Chain shop, SqlWork<T> work) throws Exception {
        try (var c = Api.database()) {
            c.setAutoCommit(false);
            try (var bind = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                bind.setString(1, shop.id());
                bind.executeQuery();
            }
            T result = work.run(c);
            c.commit();
            return result;
        }
    }
}
