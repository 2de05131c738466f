package io.facecard.it.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.it.Api.Chain;
import io.facecard.it.Api.Reply;
import io.facecard.it.Api;
import io.facecard.it.Eventually;
import io.facecard.it.Fakes;
import io.facecard.it.Till;
import io.facecard.it.platform.CrashRecoveryIT;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL of the server while a provider is working on a charge (the fakes answer after 3 s),
 * then a restart: the till retries with its key, and the money moves exactly once. Alipay's charge
 * is found by a query under our reference; Stripe's is asked again under the same idempotency key.
 */
class FacePayCrashIT {
    @Test
    void aCrashBetweenTheChargeAndItsAnswerEndsInExactlyOneCharge() throws Exception {
        Fakes.sandbox();
        Chain cny = Api.onboard(Api.operatorToken(), "CNY", "Asia/Shanghai");
        Api.call("PUT", "/api/v1/payment-providers/ALIPAY", cny.adminToken(), Map.of("sandbox", true)).ok(200);
        FacePayIT.fastTimings(cny);
        Till till = Till.of(cny, "K1");
        String checkout = FacePayIT.openCny(till, "42.00");
        String key = Till.key();
        Map<String, Object> body = Map.of("method", "ALIPAY", "amount", new BigDecimal("42.00"), "authCode", FacePayIT.token('1'));
        String path = "/api/v1/checkouts/" + checkout + "/payments";

        Fakes.sandbox().latency(3_000);
        Reply answer;
        try {
            CompletableFuture<Reply> cut = CompletableFuture.supplyAsync(() -> {
                try {
                    return till.exchange("POST", path, key, body).reply();
                } catch (IOException e) {
                    return null; // the server died under the call: what the crash should do
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            });
            waitForCharge();
            CrashRecoveryIT.kill();
            assertThat(cut.get()).as("the till's call was cut off by the crash").isNull();
            CrashRecoveryIT.start();
            answer = retrying(till, path, key, body);
        } finally {
            Fakes.sandbox().latency(0);
        }
        String id = answer.get("paymentId");
        JsonNode done = FacePayIT.settled(till, checkout, id);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(FacePayIT.alipayCalls("alipay.trade.pay", FacePayIT.reference(id))).as("charges sent").isEqualTo(1);
        assertThat(FacePayIT.alipayCalls("alipay.trade.query", FacePayIT.reference(id))).as("queries after the crash").isPositive();
        till.post("/api/v1/checkouts/" + checkout + "/complete", Map.of("receiptNumber", "R-" + checkout, "payments",
                List.of(Map.of("method", "ALIPAY", "amount", new BigDecimal("42.00"), "paymentId", id)))).ok(200);
    }

    /** Until the fake has the charge in hand (it answers 3 s later). */
    private static void waitForCharge() {
        Eventually.until("the charge to reach the fake", Duration.ofSeconds(15), Duration.ofMillis(50), () -> Fakes.sandbox().alipay().requests()
                .stream().anyMatch(r -> r.method().equals("alipay.trade.pay") && r.bizContent().get("total_amount").equals("42.00")), Boolean.TRUE::equals);
    }

    private static Reply retrying(Till till, String path, String key, Map<String, Object> body) throws InterruptedException {
        long until = System.currentTimeMillis() + 120_000;
        while (true) {
            try {
                Reply r = till.exchange("POST", path, key, body).reply();
                if (r.status() == 201) {
                    return r;
                }
            } catch (IOException e) {
                // still starting
            }
            assertThat(System.currentTimeMillis()).as("the retry got an answer").isLessThan(until);
            Thread.sleep(500);
        }
    }
}
