package io.facecard.it.checkout;

import static io.facecard.it.Api.get;
import static io.facecard.it.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.it.Api.Chain;
import io.facecard.it.Api;
import io.facecard.it.Eventually;
import io.facecard.it.Fakes;
import io.facecard.it.Till;
import io.facecard.it.messaging.MessengerIT;
import io.facecard.it.platform.CrashRecoveryIT;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL while Telegram holds the answer to a receipt it already delivered: after the restart the
 * message's lease runs out and the dispatcher sends it again. Telegram's sendMessage takes no
 * idempotency key, so the member gets the receipt at least once and at most twice: never lost,
 * at most once more, as the README says.
 */
class ReceiptCrashIT {
    @Test
    void aCrashBetweenSendingAndRecordingSendsTheReceiptAtMostOnceMore() throws Exception {
        Fakes.sandbox();
        Chain shop = Api.onboard(Api.operatorToken());
        Api.call("PUT", "/api/v1/loyalty/program", shop.adminToken(), Map.of("pointsPerCurrencyUnit", 1, "pointValue", 0.1,
                "maxRedeemShare", 0.5)).ok(200);
        Api.call("PUT", "/api/v1/messenger-accounts/TELEGRAM", shop.adminToken(), Map.of("sandbox", true)).ok(200);
        Till till = Till.of(shop, "K1");
        String m = post("/api/v1/members", shop.adminToken(), Map.of("name", "Crash", "cardNumber", "CR-" + System.nanoTime())).ok(201).get("id");
        String token = post("/api/v1/members/" + m + "/channels/TELEGRAM/binding", shop.adminToken(), Map.of()).ok(201).get("token");
        String chat = Long.toString(7_000_000 + System.nanoTime() % 1_000_000);
        post("/api/v1/sandbox/telegram/start", shop.adminToken(), Map.of("token", token, "chatId", chat)).ok(200);
        MessengerIT.shop = shop;
        MessengerIT.received("TELEGRAM", chat, 1);
        Thread.sleep(1100); // past the chat's rate limit

        Fakes.sandbox().telegram().latency(4_000);
        try {
            MessengerIT.till = till;
            String card = get("/api/v1/members/" + m, shop.adminToken()).json().path("cardNumber").asText();
            String c = till.post("/api/v1/checkouts", Till.basket(Till.line("SOUP", null, 1, "9.00"))).ok(201).get("id");
            till.post("/api/v1/checkouts/" + c + "/identify", Map.of("cardNumber", card)).ok(200);
            till.post("/api/v1/checkouts/" + c + "/complete", Till.paid("R-" + c, "CARD", "9.00")).ok(200);
            MessengerIT.received("TELEGRAM", chat, 2); // delivered, its answer held back
            CrashRecoveryIT.kill();
        } finally {
            Fakes.sandbox().telegram().latency(0);
        }
        CrashRecoveryIT.start();
        // Up to 90 s: the receipt is sent again only once its lease runs out; the assertion below allows one or two.
        JsonNode messages = Eventually.upTo(Duration.ofSeconds(90),
                () -> get("/api/v1/sandbox/messages?channel=TELEGRAM&to=" + chat, shop.adminToken()).ok(200).json(), got -> got.size() >= 3);
        long receipts = 0;
        for (JsonNode n : messages) {
            receipts += n.path("text").asText().startsWith("Receipt") ? 1 : 0;
        }
        assertThat(receipts).as("the receipt, delivered before the crash and again after its lease").isBetween(1L, 2L);
    }
}
