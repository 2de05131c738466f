package io.facecard.it.payment;

import static io.facecard.it.Api.get;
import static io.facecard.it.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.fakes.FakeAlipay;
import io.facecard.it.Api.Chain;
import io.facecard.it.Api.Reply;
import io.facecard.it.Api;
import io.facecard.it.Eventually;
import io.facecard.it.Fakes;
import io.facecard.it.Till;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Face-pay over HTTP: the real alipay-sdk-java and stripe-java inside the server, talking to the
 * sandbox's fakes, which verify and sign like the providers. Timings are the sandbox's fast ones
 * (queries every second, an 8 s window), so a never-resolving charge is reversed within seconds.
 */
public class FacePayIT {
    public static Chain cny;
    public static Till cnyTill;

    @BeforeAll
    static void setUp() {
        Fakes.sandbox();
        cny = Api.onboard(Api.operatorToken(), "CNY", "Asia/Shanghai");
        Api.call("PUT", "/api/v1/payment-providers/ALIPAY", cny.adminToken(), Map.of("sandbox", true)).ok(200);
        Api.call("PUT", "/api/v1/payment-providers/WECHAT_PAY", cny.adminToken(), Map.of("sandbox", true)).ok(200);
        fastTimings(cny);
        cnyTill = Till.of(cny, "SH1");
    }

    static void fastTimings(Chain c) {
        Api.call("PUT", "/api/v1/payment-settings", c.adminToken(), Map.of("firstQuerySeconds", 1, "queryEverySeconds", 1,
                "payWindowSeconds", 8, "reverseNotBeforeSeconds", 3, "perPaymentLimit", 500)).ok(200);
    }

    public static String token(char behaviour) {
        return "fp" + UUID.randomUUID().toString().replace("-", "").substring(0, 32) + "ab" + behaviour;
    }

    public static String openCny(Till till, String amount) {
        return till.post("/api/v1/checkouts", Map.of("currency", "CNY", "lines", List.of(Map.of("sku", "TEA", "name", "Tea", "quantity", 1,
                "unitPrice", new BigDecimal(amount))))).ok(201).get("id");
    }

    public static Reply pay(Till till, String checkout, String key, String method, String amount, String code) {
        Map<String, Object> body = code == null ? Map.of("method", method, "amount", new BigDecimal(amount), "confirmedByCustomer", true)
                : Map.of("method", method, "amount", new BigDecimal(amount), "authCode", code);
        return till.send("POST", "/api/v1/checkouts/" + checkout + "/payments", key, body).reply();
    }

    /** Polls the payment as a till does until it has ended. */
    public static JsonNode settled(Till till, String checkout, String payment) throws InterruptedException {
        return Eventually.until("payment " + payment + " to leave PENDING", Duration.ofSeconds(40),
                () -> get("/api/v1/checkouts/" + checkout + "/payments/" + payment, till.token).ok(200).json(),
                p -> !p.path("status").asText().equals("PENDING"));
    }

    static long alipayCalls(String method, String outTradeNo) {
        return Fakes.sandbox().alipay().requests().stream()
                .filter(r -> r.method().equals(method) && outTradeNo.equals(r.bizContent().get("out_trade_no"))).count();
    }

    /** A till of a tenant that has no provider accounts at all. */
    public static Till stripeless() {
        return Till.of(Api.onboard(Api.operatorToken(), "CNY", "Asia/Shanghai"), "N1");
    }

    static long wechatCalls(String pathEnd, String outTradeNo) {
        return Fakes.sandbox().wechat().requests().stream().filter(r -> r.path().endsWith(pathEnd)
                && (outTradeNo.equals(r.fields().get("out_trade_no")) || r.path().contains(outTradeNo))).count();
    }

    public static String wechatCode(char behaviour) {
        return "13000000000000000" + behaviour;
    }

    /** A newcomer sees what their own integration did at the sandbox's rails: newest first, with times, and nobody else's. */
    @Test
    void theSandboxShowsEachTenantItsOwnPaymentsNewestFirstWithTimes() throws Exception {
        String first = pay(cnyTill, openCny(cnyTill, "3.00"), Till.key(), "WECHAT_PAY", "3.00", wechatCode('1')).ok(201).get("paymentId");
        String second = pay(cnyTill, openCny(cnyTill, "4.00"), Till.key(), "ALIPAY", "4.00", token('1')).ok(201).get("paymentId");
        JsonNode view = get("/api/v1/sandbox/payments", cny.adminToken()).ok(200).json();
        List<String> ids = new ArrayList<>();
        view.path("payments").forEach(p -> ids.add(p.path("paymentId").asText()));
        assertThat(ids).contains(first, second);
        assertThat(ids.indexOf(second)).as("newest first").isLessThan(ids.indexOf(first));
        assertThat(view.path("payments").get(0).path("requestedAt").asText()).isNotEmpty();
        Chain other = Api.onboard(Api.operatorToken());
        assertThat(get("/api/v1/sandbox/payments", other.adminToken()).ok(200).json().path("payments")).isEmpty();
        get("/api/v1/sandbox/payments", cnyTill.token).problem(403);
    }

    @Test
    void wechatPayInPartnerModeChargesTheFaceCodeAndPollsAUserPaying() throws Exception {
        String checkout = openCny(cnyTill, "20.00");
        JsonNode p = pay(cnyTill, checkout, Till.key(), "WECHAT_PAY", "20.00", wechatCode('1')).ok(201).json();
        assertThat(p.path("status").asText()).as(p.toString()).isEqualTo("SUCCEEDED");
        var charge = Fakes.sandbox().wechat().requests().stream().filter(r -> r.path().endsWith("/codepay")
                && reference(p.path("paymentId").asText()).equals(r.fields().get("out_trade_no"))).findFirst().orElseThrow();
        assertThat(charge.fields()).containsEntry("sub_mchid", "1900000109").containsEntry("sp_mchid", "1900000100");
        assertThat(charge.fields().get("amount")).contains("\"total\":2000");

        String paying = openCny(cnyTill, "11.00");
        String id = pay(cnyTill, paying, Till.key(), "WECHAT_PAY", "11.00", wechatCode('2')).ok(201).get("paymentId");
        assertThat(settled(cnyTill, paying, id).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(wechatCalls(reference(id), reference(id))).as("queries by out_trade_no").isGreaterThanOrEqualTo(3);
    }

    @Test
    void wechatPayReversesWhatNeverResolvesFailsWhatIsRefusedAndQueriesWhatTimedOut() throws Exception {
        String never = openCny(cnyTill, "13.00");
        String neverId = pay(cnyTill, never, Till.key(), "WECHAT_PAY", "13.00", wechatCode('3')).ok(201).get("paymentId");
        String broke = openCny(cnyTill, "14.00");
        JsonNode refused = pay(cnyTill, broke, Till.key(), "WECHAT_PAY", "14.00", wechatCode('4')).problem(402).json();
        assertThat(refused.path("type").asText()).endsWith("payment-declined");
        assertThat(refused.path("status").asInt()).isEqualTo(402);
        assertThat(refused.path("paymentStatus").asText()).isEqualTo("FAILED");
        assertThat(refused.path("reason").asText()).isEqualTo("NOTENOUGH");
        assertThat(get("/api/v1/checkouts/" + broke + "/payments/" + refused.path("paymentId").asText(), cnyTill.token).ok(200)
                .json().path("status").asText()).isEqualTo("FAILED");
        String slow = openCny(cnyTill, "16.00");
        long asked = System.nanoTime();
        JsonNode timedOut = pay(cnyTill, slow, Till.key(), "WECHAT_PAY", "16.00", wechatCode('5')).ok(201).json();
        System.out.printf("the times-out code answered the till after %d ms (the sandbox's read timeout is 2 s)%n",
                (System.nanoTime() - asked) / 1_000_000);
        assertThat(timedOut.path("reason").asText()).as("our word for it, not a Java class").isEqualTo("PROVIDER_NO_ANSWER");
        String slowId = timedOut.path("paymentId").asText();
        assertThat(get("/api/v1/checkouts/" + slow, cnyTill.token).ok(200).json().path("status").asText()).as("a payment is pending")
                .isEqualTo("PAYING");
        assertThat(get("/api/v1/checkouts/" + broke, cnyTill.token).ok(200).json().path("status").asText())
                .as("nothing was paid: the sale may change again").isIn("OPEN", "IDENTIFIED");
        JsonNode reversed = settled(cnyTill, never, neverId);
        assertThat(reversed.path("status").asText()).isEqualTo("FAILED");
        assertThat(reversed.path("reason").asText()).isEqualTo("REVERSED");
        assertThat(wechatCalls("/reverse", reference(neverId))).isEqualTo(1);
        assertThat(settled(cnyTill, slow, slowId).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(wechatCalls("/codepay", reference(slowId))).isEqualTo(1);
    }

    @Test
    void aWechatPaymentIsRefundedOnceWhenItsCheckoutIsCancelled() throws Exception {
        String checkout = openCny(cnyTill, "18.00");
        String id = pay(cnyTill, checkout, Till.key(), "WECHAT_PAY", "18.00", wechatCode('1')).ok(201).get("paymentId");
        cnyTill.post("/api/v1/checkouts/" + checkout + "/cancel", null).ok(200);
        assertThat(refunded(cnyTill, checkout, id).path("amount").decimalValue()).isEqualByComparingTo("18.00");
        assertThat(Fakes.sandbox().wechat().requests().stream().filter(r -> r.path().equals("/v3/refund/domestic/refunds")
                && reference(id).equals(r.fields().get("out_trade_no"))).count()).isEqualTo(1);
    }

    @Test
    void theWechatFaceDeviceGetsItsAuthinfoThroughTheServerSignedV2() {
        JsonNode a = cnyTill.post("/api/v1/payments/wechat/face-authinfo", Map.of("rawdata", "RAWDATA-" + UUID.randomUUID(),
                "deviceId", "TILL-CAM-1")).ok(200).json();
        assertThat(a.path("authinfo").asText()).startsWith("FAKEAUTHINFO");
        assertThat(a.path("expiresIn").asInt()).isEqualTo(3600);
        cnyTill.post("/api/v1/payments/wechat/face-authinfo", Map.of("deviceId", "TILL-CAM-1")).problem(400);
        stripeless().post("/api/v1/payments/wechat/face-authinfo", Map.of("rawdata", "R", "deviceId", "D")).problem(422);
    }

    public static String reference(String paymentId) {
        return paymentId.replace("-", "");
    }

    @Test
    void alipayPaysAtOnceAndTheReceiptNamesThePayment() {
        String checkout = openCny(cnyTill, "20.00");
        JsonNode p = pay(cnyTill, checkout, Till.key(), "ALIPAY", "20.00", token('1')).ok(201).json();
        assertThat(p.path("status").asText()).isEqualTo("SUCCEEDED");
        String id = p.path("paymentId").asText();
        FakeAlipay.Received charge = Fakes.sandbox().alipay().requests().stream()
                .filter(r -> r.method().equals("alipay.trade.pay") && reference(id).equals(r.bizContent().get("out_trade_no")))
                .findFirst().orElseThrow();
        assertThat(charge.bizContent()).containsEntry("scene", "security_code").containsEntry("product_code", "FACE_TO_FACE_PAYMENT")
                .containsEntry("total_amount", "20.00");
        assertThat(charge.appAuthToken()).isEqualTo("202612BBfacecardsandboxtoken01");

        // The money was taken by face: the receipt must say so, with the payment's id.
        cnyTill.post("/api/v1/checkouts/" + checkout + "/complete", Map.of("receiptNumber", "R-" + checkout, "payments",
                List.of(Map.of("method", "CASH", "amount", new BigDecimal("20.00"))))).problem(422);
        cnyTill.post("/api/v1/checkouts/" + checkout + "/complete", Map.of("receiptNumber", "R-" + checkout, "payments",
                List.of(Map.of("method", "ALIPAY", "amount", new BigDecimal("20.00"), "paymentId", id)))).ok(200);
        assertThat(get("/api/v1/checkouts/" + checkout + "/payments", cnyTill.token).ok(200).json().path("items").size()).isEqualTo(1);
    }

    @Test
    void theSameKeyIsTheSamePaymentAndTheSameChargeAndAnotherBodyUnderItIsRefused() {
        String checkout = openCny(cnyTill, "8.00");
        String key = Till.key();
        String code = token('1');
        String first = pay(cnyTill, checkout, key, "ALIPAY", "8.00", code).ok(201).get("paymentId");
        String again = pay(cnyTill, checkout, key, "ALIPAY", "8.00", code).ok(201).get("paymentId");
        assertThat(again).isEqualTo(first);
        assertThat(alipayCalls("alipay.trade.pay", reference(first))).isEqualTo(1);
        assertThat(pay(cnyTill, checkout, key, "ALIPAY", "7.00", code).problem(422).json().path("type").asText())
                .endsWith("idempotency-key-reused");
    }

    @Test
    void aBuyerStillPayingIsPolledUntilPaid() throws Exception {
        String checkout = openCny(cnyTill, "12.00");
        JsonNode p = pay(cnyTill, checkout, Till.key(), "ALIPAY", "12.00", token('2')).ok(201).json();
        assertThat(p.path("status").asText()).isEqualTo("PENDING");
        // While it is pending nothing else is charged and the sale cannot be completed or cancelled.
        assertThat(pay(cnyTill, checkout, Till.key(), "ALIPAY", "1.00", token('1')).problem(409).json().path("type").asText())
                .endsWith("payment-pending");
        cnyTill.post("/api/v1/checkouts/" + checkout + "/cancel", null).problem(409);
        JsonNode done = settled(cnyTill, checkout, p.path("paymentId").asText());
        assertThat(done.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(alipayCalls("alipay.trade.query", reference(p.path("paymentId").asText()))).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aChargeThatNeverResolvesIsCancelledAndTheCheckoutStaysOpen() throws Exception {
        String checkout = openCny(cnyTill, "15.00");
        String id = pay(cnyTill, checkout, Till.key(), "ALIPAY", "15.00", token('3')).ok(201).get("paymentId");
        JsonNode done = settled(cnyTill, checkout, id);
        assertThat(done.path("status").asText()).isEqualTo("FAILED");
        assertThat(done.path("reason").asText()).isEqualTo("REVERSED");
        assertThat(alipayCalls("alipay.trade.cancel", reference(id))).isEqualTo(1);
        // Open, holds and all: the customer pays another way.
        cnyTill.post("/api/v1/checkouts/" + checkout + "/complete", Map.of("receiptNumber", "R-" + checkout, "payments",
                List.of(Map.of("method", "CASH", "amount", new BigDecimal("15.00"))))).ok(200);
    }

    @Test
    void aChargeThatTimesOutIsQueriedAndFoundPaid() throws Exception {
        String checkout = openCny(cnyTill, "9.00");
        JsonNode timedOut = pay(cnyTill, checkout, Till.key(), "ALIPAY", "9.00", token('5')).ok(201).json();
        assertThat(timedOut.path("reason").asText()).as("the same word as WeChat Pay's").isEqualTo("PROVIDER_NO_ANSWER");
        String id = timedOut.path("paymentId").asText();
        JsonNode done = settled(cnyTill, checkout, id);
        assertThat(done.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(alipayCalls("alipay.trade.pay", reference(id))).isEqualTo(1);
        assertThat(alipayCalls("alipay.trade.query", reference(id))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRefusedCodeFailsAndTheSaleCanChangeAgain() {
        String checkout = openCny(cnyTill, "5.00");
        String key = Till.key();
        String code = token('4');
        Reply declined = pay(cnyTill, checkout, key, "ALIPAY", "5.00", code);
        JsonNode p = declined.problem(402).json();
        assertThat(declined.contentType()).startsWith("application/problem+json");
        assertThat(p.path("status").asInt()).isEqualTo(402);
        assertThat(p.path("reason").asText()).isEqualTo("ACQ.PAYMENT_AUTH_CODE_INVALID");
        assertThat(pay(cnyTill, checkout, key, "ALIPAY", "5.00", code).problem(402).json().path("paymentId"))
                .as("a retry with the key is the same declined payment").isEqualTo(p.path("paymentId"));
        cnyTill.post("/api/v1/checkouts/" + checkout + "/cancel", null).ok(200);
    }

    @Test
    void cancellingAPaidCheckoutRefundsThePaymentOnce() throws Exception {
        String checkout = openCny(cnyTill, "30.00");
        String id = pay(cnyTill, checkout, Till.key(), "ALIPAY", "30.00", token('1')).ok(201).get("paymentId");
        String key = Till.key();
        cnyTill.send("POST", "/api/v1/checkouts/" + checkout + "/cancel", key, null).reply().ok(200);
        cnyTill.send("POST", "/api/v1/checkouts/" + checkout + "/cancel", key, null).reply().ok(200);
        JsonNode refund = refunded(cnyTill, checkout, id);
        assertThat(refund.path("amount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(Fakes.sandbox().alipay().requests().stream().filter(r -> r.method().equals("alipay.trade.refund")
                && r.bizContent().get("refund_amount").equals("30.00") && r.bizContent().containsKey("out_request_no"))
                .map(r -> r.bizContent().get("out_request_no")).distinct().count()).isEqualTo(1);
    }

    @Test
    void aReturnRefundsTheFacePayShareOnceUnderRetries() throws Exception {
        String card = "CN" + UUID.randomUUID().toString().substring(0, 10);
        post("/api/v1/members", cny.adminToken(), Map.of("name", "Returner", "cardNumber", card)).ok(201);
        String checkout = cnyTill.post("/api/v1/checkouts", Map.of("currency", "CNY", "lines", List.of(Map.of("sku", "CUP", "name", "Cup",
                "quantity", 2, "unitPrice", new BigDecimal("10.00"))))).ok(201).get("id");
        cnyTill.post("/api/v1/checkouts/" + checkout + "/identify", Map.of("cardNumber", card)).ok(200);
        String id = pay(cnyTill, checkout, Till.key(), "ALIPAY", "12.00", token('1')).ok(201).get("paymentId");
        String receipt = "R-" + checkout;
        cnyTill.post("/api/v1/checkouts/" + checkout + "/complete", Map.of("receiptNumber", receipt, "payments", List.of(
                Map.of("method", "ALIPAY", "amount", new BigDecimal("12.00"), "paymentId", id),
                Map.of("method", "CASH", "amount", new BigDecimal("8.00"))))).ok(200);
        String key = Till.key();
        Map<String, Object> back = Map.of("receiptNumber", receipt, "lines", List.of(Map.of("sku", "CUP", "quantity", 1)));
        JsonNode first = cnyTill.send("POST", "/api/v1/returns", key, back).reply().ok(201).json();
        JsonNode again = cnyTill.send("POST", "/api/v1/returns", key, back).reply().ok(201).json();
        assertThat(again).isEqualTo(first);
        // 10.00 of 20.00 comes back; the Alipay payment paid 12 of the 20, so 6.00 goes back through Alipay.
        assertThat(first.path("refunds")).hasSize(1);
        assertThat(first.path("refunds").get(0).path("amount").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(refunded(cnyTill, checkout, id).path("amount").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(Fakes.sandbox().alipay().requests().stream().filter(r -> r.method().equals("alipay.trade.refund")
                && "6.00".equals(r.bizContent().get("refund_amount"))).map(r -> r.bizContent().get("out_request_no")).distinct()
                .count()).isEqualTo(1);
    }

    public static JsonNode refunded(Till till, String checkout, String payment) throws InterruptedException {
        return Eventually.until("the refund of " + payment + " to succeed", Duration.ofSeconds(20),
                () -> get("/api/v1/checkouts/" + checkout + "/payments/" + payment, till.token).ok(200).json().path("refunds"),
                refunds -> refunds.size() > 0 && refunds.get(0).path("status").asText().equals("SUCCEEDED")).get(0);
    }

    @Test
    void faceCodesAndTokensNeverReachAnAnswerALogLineOrTheEventStore() throws Exception {
        String checkout = openCny(cnyTill, "3.00");
        String code = token('1');
        String body = pay(cnyTill, checkout, Till.key(), "ALIPAY", "3.00", code).ok(201).body();
        String account = get("/api/v1/payment-providers/ALIPAY", cny.adminToken()).ok(200).body();
        String secret = "202612BBfacecardsandboxtoken01";
        assertThat(body).doesNotContain(code).doesNotContain(secret);
        assertThat(account).doesNotContain(secret).contains("sha256:");
        String log = Files.readString(Path.of(System.getProperty("facecard.server.log")));
        assertThat(log).doesNotContain(code).doesNotContain(secret).doesNotContain("sk_test_facecard_sandbox");
        // Face codes must never reach the event store: only its payloads can show that.
        try (var db = Api.database(); var s = db.prepareStatement("select count(*) filter (where position(? in convert_from(payload, 'UTF8')) > 0 "
                + "or position(? in convert_from(payload, 'UTF8')) > 0), count(*) filter (where payloadtype like '%PaymentRequestedEvent') "
                + "from domainevententry")) {
            s.setString(1, code);
            s.setString(2, secret);
            try (var r = s.executeQuery()) {
                r.next();
                assertThat(r.getLong(1)).as("events holding the code or the token").isZero();
                assertThat(r.getLong(2)).as("payment events searched").isPositive();
            }
        }
    }

    @Test
    void anotherTenantsTillSeesNoPaymentOfThisOne() {
        String checkout = openCny(cnyTill, "4.00");
        String id = pay(cnyTill, checkout, Till.key(), "ALIPAY", "4.00", token('1')).ok(201).get("paymentId");
        Chain other = Api.onboard(Api.operatorToken(), "CNY", "Asia/Shanghai");
        Till stranger = Till.of(other, "X1");
        get("/api/v1/checkouts/" + checkout + "/payments/" + id, stranger.token).problem(404);
        get("/api/v1/checkouts/" + checkout + "/payments", stranger.token).problem(404);
        pay(stranger, checkout, Till.key(), "ALIPAY", "4.00", token('1')).problem(404);
        // And the same tenant's other store's till neither.
        get("/api/v1/checkouts/" + checkout + "/payments/" + id, Till.of(cny, "SH2").token).problem(404);
    }

    @Test
    void badPaymentRequestsAreRefusedAndChangeNothing() {
        String checkout = openCny(cnyTill, "6.00");
        pay(cnyTill, checkout, Till.key(), "BITCOIN", "6.00", token('1')).problem(400);
        pay(cnyTill, checkout, Till.key(), "ALIPAY", "6.00", null).problem(400);
        pay(cnyTill, checkout, Till.key(), "ALIPAY", "6.01", token('1')).problem(422);
        pay(cnyTill, checkout, Till.key(), "ALIPAY", "600.00", token('1')).problem(422);
        pay(cnyTill, checkout, null, "ALIPAY", "6.00", token('1')).problem(400);
        Till bare = stripeless();
        String own = openCny(bare, "6.00");
        assertThat(pay(bare, own, Till.key(), "WECHAT_PAY", "6.00", wechatCode('1')).problem(422).json().path("type").asText())
                .endsWith("provider-not-configured");
        assertThat(get("/api/v1/checkouts/" + checkout + "/payments", cnyTill.token).ok(200).json().path("items").size()).isZero();
        // An offline till's purchase cannot have been paid by face.
        Reply offline = cnyTill.post("/api/v1/purchases", Map.of("receiptNumber", "OFF-" + checkout, "occurredAt",
                Instant.now().toString(), "member", Map.of("cardNumber", "NOPE"), "currency", "CNY",
                "lines", List.of(Map.of("sku", "TEA", "name", "Tea", "quantity", 1, "unitPrice", 6)),
                "payments", List.of(Map.of("method", "ALIPAY", "amount", 6, "paymentId", UUID.randomUUID().toString()))));
        assertThat(offline.problem(422).json().path("type").asText()).endsWith("face-pay-offline");
    }
}
