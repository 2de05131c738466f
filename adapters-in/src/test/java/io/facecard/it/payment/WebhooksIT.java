package io.facecard.it.payment;

import static io.facecard.it.Api.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.fakes.FakeStripe;
import io.facecard.fakes.FakeWechatPay;
import io.facecard.it.Api.Chain;
import io.facecard.it.Api.Reply;
import io.facecard.it.Api;
import io.facecard.it.Fakes;
import io.facecard.it.Till;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Providers' notifications, signed by the sandbox's fakes with the providers' keys: a good one is
 * accepted once, a duplicate is recognised, and a forged, stale, mismatched or misaddressed one
 * changes nothing and is recorded as rejected.
 */
public class WebhooksIT {
    public static final HttpClient HTTP = HttpClient.newHttpClient();
    public static Chain cny;
    public static Till till;

    @BeforeAll
    static void setUp() {
        Fakes.sandbox();
        cny = Api.onboard(Api.operatorToken(), "CNY", "Asia/Shanghai");
        Api.call("PUT", "/api/v1/payment-providers/ALIPAY", cny.adminToken(), Map.of("sandbox", true)).ok(200);
        Api.call("PUT", "/api/v1/payment-providers/WECHAT_PAY", cny.adminToken(), Map.of("sandbox", true)).ok(200);
        Api.call("PUT", "/api/v1/payment-providers/STRIPE", cny.adminToken(), Map.of("sandbox", true)).ok(200);
        FacePayIT.fastTimings(cny);
        till = Till.of(cny, "W1");
    }

    public static String hook(String provider) {
        return get("/api/v1/payment-providers/" + provider, cny.adminToken()).ok(200).get("webhookPath");
    }

    public static Reply deliver(String path, Map<String, String> headers, String body, String type) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.BASE + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /** A pending Alipay payment (its code never resolves) and our reference for it. */
    public static String pendingAlipay(String amount) {
        String checkout = FacePayIT.openCny(till, amount);
        String id = FacePayIT.pay(till, checkout, Till.key(), "ALIPAY", amount, FacePayIT.token('3')).ok(201).get("paymentId");
        return FacePayIT.reference(id);
    }

    static long rejected(String reason) throws Exception {
        // Rejected notices are recorded for the operator's audit, which the API does not serve.
        try (var db = Api.database(); var s = db.prepareStatement("select count(*) from payment_notification where outcome = 'REJECTED' "
                + "and reason = ?")) {
            s.setString(1, reason);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void alipayNotificationsAreBelievedBySignatureAndCheckedAgainstThePayment() throws Exception {
        String ref = pendingAlipay("21.00");
        String path = hook("ALIPAY");
        Map<String, String> good = new TreeMap<>(Map.of("out_trade_no", ref, "total_amount", "21.00", "trade_status", "TRADE_SUCCESS",
                "seller_id", "2088102146225135", "app_id", "2021000000000001", "notify_id", "n-" + ref));
        String form = Fakes.sandbox().alipay().notification(good);
        assertThat(deliver(path, Map.of(), form, "application/x-www-form-urlencoded").body()).isEqualTo("success");
        assertThat(deliver(path, Map.of(), form, "application/x-www-form-urlencoded").body()).as("a duplicate").isEqualTo("success");

        long forgedBefore = rejected("bad-signature");
        String forged = form.replace("total_amount=21.00", "total_amount=1.00");
        assertThat(deliver(path, Map.of(), forged, "application/x-www-form-urlencoded").body()).isEqualTo("fail");
        assertThat(rejected("bad-signature")).isEqualTo(forgedBefore + 1);

        Map<String, String> wrongAmount = new TreeMap<>(good);
        wrongAmount.put("total_amount", "20.00");
        wrongAmount.put("notify_id", "n2-" + ref);
        assertThat(deliver(path, Map.of(), Fakes.sandbox().alipay().notification(wrongAmount), "application/x-www-form-urlencoded")
                .body()).isEqualTo("fail");
        Map<String, String> wrongSeller = new TreeMap<>(good);
        wrongSeller.put("seller_id", "2088000000000000");
        wrongSeller.put("notify_id", "n3-" + ref);
        assertThat(deliver(path, Map.of(), Fakes.sandbox().alipay().notification(wrongSeller), "application/x-www-form-urlencoded")
                .body()).isEqualTo("fail");
        assertThat(rejected("amount-mismatch")).isPositive();
        assertThat(rejected("seller-mismatch")).isPositive();
        // Another account's id (or none of ours) is the same "fail": the id alone is trusted for nothing.
        assertThat(deliver("/api/v1/webhooks/alipay/notAnAccount", Map.of(), form, "application/x-www-form-urlencoded").body())
                .isEqualTo("fail");
    }

    @Test
    void stripeEventsAreBelievedWithinToleranceAndOnce() throws Exception {
        String path = hook("STRIPE");
        long now = System.currentTimeMillis() / 1000;
        String object = "{\"id\":\"pi_fake9\",\"object\":\"payment_intent\",\"amount\":100,\"status\":\"succeeded\",\"metadata\":{}}";
        FakeStripe.Delivery d = FakeStripe.event("payment_intent.succeeded", object, now, FakeStripe.WEBHOOK_SECRET);
        assertThat(deliver(path, Map.of("Stripe-Signature", d.signature()), d.body(), "application/json").status()).isEqualTo(200);
        assertThat(deliver(path, Map.of("Stripe-Signature", d.signature()), d.body(), "application/json").status()).isEqualTo(200);
        FakeStripe.Delivery stale = FakeStripe.event("payment_intent.succeeded", object, now - 600, FakeStripe.WEBHOOK_SECRET);
        assertThat(deliver(path, Map.of("Stripe-Signature", stale.signature()), stale.body(), "application/json").status()).isEqualTo(400);
        FakeStripe.Delivery forged = FakeStripe.event("payment_intent.succeeded", object, now, "whsec_someone_else");
        assertThat(deliver(path, Map.of("Stripe-Signature", forged.signature()), forged.body(), "application/json").status()).isEqualTo(400);
        assertThat(deliver(path, Map.of(), d.body(), "application/json").status()).isEqualTo(400);
    }

    @Test
    void hostileDeliveriesGetTheProvidersRefusalNeverA500() throws Exception {
        String stripe = hook("STRIPE");
        assertThat(deliver(stripe, Map.of("Stripe-Signature", "t=abc,v1=zz"), "{}", "application/json").status()).isEqualTo(400);
        assertThat(deliver(stripe, Map.of("Stripe-Signature", "garbage"), "{}", "application/json").status()).isEqualTo(400);
        long now = System.currentTimeMillis() / 1000;
        String n = Long.toString(System.nanoTime());
        for (String body : List.of(
                "{\"object\":\"event\",\"data\":{\"object\":{}}}",
                "{\"id\":\"evt_a" + n + "\",\"object\":\"event\",\"data\":{\"object\":{}}}",
                "{\"id\":\"evt_b" + n + "\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\"}",
                "{\"id\":\"" + "e".repeat(300) + "\",\"object\":\"event\",\"type\":\"charge.updated\",\"data\":{\"object\":{}}}",
                "{\"id\":\"evt_c" + n + "\",\"object\":\"event\",\"type\":\"" + "t".repeat(300) + "\",\"data\":{\"object\":{}}}",
                "[1,2]", "not json")) {
            FakeStripe.Delivery d = FakeStripe.signed(body, now, FakeStripe.WEBHOOK_SECRET);
            assertThat(deliver(stripe, Map.of("Stripe-Signature", d.signature()), d.body(), "application/json").status())
                    .as(body.length() > 80 ? body.substring(0, 80) : body).isEqualTo(400);
        }
        String alipay = hook("ALIPAY");
        assertThat(deliver(alipay, Map.of(), "out_trade_no=%zz&sign=x", "application/x-www-form-urlencoded").body()).isEqualTo("fail");
        assertThat(rejected("unreadable-body")).isPositive();
    }

    @Test
    void aFloodOfForgeriesIsAnsweredButOnlyItsFirstTenAMinuteAreRecorded() throws Exception {
        Chain other = Api.onboard(Api.operatorToken(), "CNY", "Asia/Shanghai");
        Api.call("PUT", "/api/v1/payment-providers/ALIPAY", other.adminToken(), Map.of("sandbox", true)).ok(200);
        String path = get("/api/v1/payment-providers/ALIPAY", other.adminToken()).ok(200).get("webhookPath");
        for (int i = 0; i < 30; i++) {
            assertThat(deliver(path, Map.of(), "notify_id=forged" + i + "&out_trade_no=x&sign=AAAA", "application/x-www-form-urlencoded")
                    .body()).isEqualTo("fail");
        }
        // Rejected notices are recorded for the operator's audit, which the API does not serve.
        try (var db = Api.database(); var s = db.prepareStatement("select count(*) from payment_notification where tenant_id = ?")) {
            s.setObject(1, UUID.fromString(other.id()));
            try (var r = s.executeQuery()) {
                r.next();
                assertThat(r.getLong(1)).as("rows kept of 30 forgeries").isEqualTo(10);
            }
        }
    }

    @Test
    void wechatNotificationsAreVerifiedDecryptedAndFresh() throws Exception {
        String checkout = FacePayIT.openCny(till, "19.00");
        String id = FacePayIT.pay(till, checkout, Till.key(), "WECHAT_PAY", "19.00", "130000000000000003").ok(201).get("paymentId");
        String ref = FacePayIT.reference(id);
        String path = hook("WECHAT_PAY");
        FakeWechatPay w = Fakes.sandbox().wechat();
        long now = System.currentTimeMillis() / 1000;
        String resource = "{\"out_trade_no\":\"" + ref + "\",\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":1900,\"currency\":\"CNY\"}}";
        FakeWechatPay.Delivery good = w.notification("TRANSACTION.SUCCESS", resource, now);
        assertThat(deliver(path, good.headers(), good.body(), "application/json").status()).isEqualTo(200);
        assertThat(deliver(path, good.headers(), good.body(), "application/json").status()).as("a duplicate").isEqualTo(200);
        FakeWechatPay.Delivery stale = w.notification("TRANSACTION.SUCCESS", resource, now - 600);
        assertThat(deliver(path, stale.headers(), stale.body(), "application/json").status()).isEqualTo(401);
        FakeWechatPay.Delivery other = w.notification("TRANSACTION.SUCCESS", resource, now);
        Map<String, String> tampered = new TreeMap<>(other.headers());
        assertThat(deliver(path, tampered, other.body().replace("TRANSACTION.SUCCESS", "TRANSACTION.CLOSED"), "application/json").status())
                .isEqualTo(401);
        String wrong = "{\"out_trade_no\":\"" + ref + "\",\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":1,\"currency\":\"CNY\"}}";
        FakeWechatPay.Delivery mismatch = w.notification("TRANSACTION.SUCCESS", wrong, now);
        assertThat(deliver(path, mismatch.headers(), mismatch.body(), "application/json").status()).isEqualTo(401);
        assertThat(rejected("stale")).isPositive();
    }

}
