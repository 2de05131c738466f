package io.facecard.it.messaging;

import static io.facecard.it.Api.get;
import static io.facecard.it.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.facecard.it.Api.Chain;
import io.facecard.it.Api;
import io.facecard.it.Eventually;
import io.facecard.it.Fakes;
import io.facecard.it.Till;
import io.facecard.it.payment.FacePayIT;
import io.facecard.it.payment.WebhooksIT;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Messenger binding and service notices through the sandbox's WeChat official-account and
 * Telegram fakes: a member binds by QR or deep link, gets a welcome in the scan's window, and
 * gets the receipt of a checkout once, however often the till retries.
 */
public class MessengerIT {
    public static Chain shop;
    public static Till till;

    @BeforeAll
    static void setUp() {
        Fakes.sandbox();
        shop = Api.onboard(Api.operatorToken());
        Api.call("PUT", "/api/v1/loyalty/program", shop.adminToken(), Map.of("pointsPerCurrencyUnit", 1, "pointValue", 0.1,
                "maxRedeemShare", 0.5)).ok(200);
        Api.call("PUT", "/api/v1/messenger-accounts/TELEGRAM", shop.adminToken(), Map.of("sandbox", true)).ok(200);
        Api.call("PUT", "/api/v1/messenger-accounts/WECHAT_OA", shop.adminToken(), Map.of("sandbox", true)).ok(200);
        till = Till.of(shop, "M1");
    }

    public static String member() {
        return post("/api/v1/members", shop.adminToken(), Map.of("name", "Messaged", "cardNumber", "T" + UUID.randomUUID().toString()
                .substring(0, 10))).ok(201).get("id");
    }

    public static JsonNode offer(String member, String channel) {
        return post("/api/v1/members/" + member + "/channels/" + channel + "/binding", shop.adminToken(), Map.of()).ok(201).json();
    }

    public static String chatId() {
        return Long.toString(100_000 + (long) (Math.random() * 1_000_000_000L));
    }

    /** Messages the fake received for {@code to}, waiting until there are at least {@code n}. */
    public static JsonNode received(String channel, String to, int n) throws InterruptedException {
        return Eventually.upTo(Duration.ofSeconds(20), () -> get("/api/v1/sandbox/messages?channel=" + channel + "&to=" + to,
                shop.adminToken()).ok(200).json(), m -> m.size() >= n);
    }

    static void checkout(String member, String key) {
        String card = get("/api/v1/members/" + member, shop.adminToken()).json().path("cardNumber").asText();
        String c = till.post("/api/v1/checkouts", Till.basket(Till.line("SOUP", null, 1, "12.00"))).ok(201).get("id");
        till.post("/api/v1/checkouts/" + c + "/identify", Map.of("cardNumber", card)).ok(200);
        till.send("POST", "/api/v1/checkouts/" + c + "/complete", key, Till.paid("R-" + c, "CARD", "12.00")).reply().ok(200);
        till.send("POST", "/api/v1/checkouts/" + c + "/complete", key, Till.paid("R-" + c, "CARD", "12.00")).reply().ok(200);
    }

    @Test
    void aTelegramDeepLinkBindsOnceWelcomesAndTheReceiptArrivesOnce() throws Exception {
        String m = member();
        JsonNode o = offer(m, "TELEGRAM");
        String token = o.path("token").asText();
        assertThat(o.path("deepLink").asText()).isEqualTo("https://t.me/facecard_sandbox_bot?start=" + token);
        assertThat(o.path("sandbox").asText()).as("the offer says the link is the sandbox's").contains("/api/v1/sandbox/telegram/start");
        String chat = chatId();
        assertThat(post("/api/v1/sandbox/telegram/start", shop.adminToken(), Map.of("token", token, "chatId", chat)).ok(200).json()
                .path("callbackStatus").asInt()).isEqualTo(200);
        assertThat(get("/api/v1/members/" + m + "/channels/TELEGRAM/binding/" + token, shop.adminToken()).ok(200).get("status"))
                .isEqualTo("BOUND");
        JsonNode channels = get("/api/v1/members/" + m + "/channels", shop.adminToken()).ok(200).json().path("items");
        assertThat(channels).hasSize(1);
        assertThat(channels.get(0).path("externalId").asText()).isEqualTo(chat);
        JsonNode consent = get("/api/v1/members/" + m + "/consents", shop.adminToken()).ok(200).json().path("current")
                .path("MESSENGER_NOTICES");
        assertThat(consent.path("granted").asBoolean()).isTrue();
        assertThat(consent.path("source").asText()).isEqualTo("TELEGRAM");
        assertThat(received("TELEGRAM", chat, 1).get(0).path("text").asText()).contains("linked");

        // The same token again, from another chat, binds nothing.
        String other = chatId();
        post("/api/v1/sandbox/telegram/start", shop.adminToken(), Map.of("token", token, "chatId", other)).ok(200);
        assertThat(get("/api/v1/members/" + m + "/channels", shop.adminToken()).json().path("items").get(0).path("externalId").asText())
                .isEqualTo(chat);

        // The till completes twice under one key: one receipt (the chat's rate limit makes it wait for a second, not fail).
        checkout(m, Till.key());
        JsonNode messages = received("TELEGRAM", chat, 2);
        Thread.sleep(1500); // long enough for a second receipt to show, were one sent
        messages = received("TELEGRAM", chat, 2);
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("text").asText()).contains("Receipt").contains("12.00 EUR").contains("Points earned 12");
    }

    /** What a phone's camera reads from the image at {@code url} (which must be a PNG). */
    public static String qrText(String url) throws Exception {
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("image/png");
        var img = ImageIO.read(new ByteArrayInputStream(r.body()));
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    @Test
    void aWechatQrScanByANonFollowerBindsWelcomesInTheWindowAndTheReceiptIsATemplateMessage() throws Exception {
        String m = member();
        JsonNode o = offer(m, "WECHAT");
        assertThat(o.path("qrTicket").asText()).startsWith("gQ");
        assertThat(o.path("sandbox").asText()).contains("/api/v1/sandbox/wechat/scan");
        assertThat(qrText(o.path("qrUrl").asText())).as("the qrUrl is an image a phone can scan")
                .isEqualTo("http://weixin.qq.com/q/" + o.path("qrTicket").asText());
        String openid = "oFake" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        JsonNode scan = post("/api/v1/sandbox/wechat/scan", shop.adminToken(), Map.of("ticket", o.path("qrTicket").asText(), "openid", openid))
                .ok(200).json();
        assertThat(scan.path("event").asText()).isEqualTo("subscribe");
        assertThat(scan.path("callbackStatus").asInt()).isEqualTo(200);
        assertThat(get("/api/v1/members/" + m + "/channels/WECHAT/binding/" + o.path("token").asText(), shop.adminToken()).get("status"))
                .isEqualTo("BOUND");
        JsonNode welcome = received("WECHAT", openid, 1).get(0);
        assertThat(welcome.path("kind").asText()).isEqualTo("CUSTOM");
        checkout(m, Till.key());
        JsonNode receipt = received("WECHAT", openid, 2).get(0);
        assertThat(receipt.path("kind").asText()).isEqualTo("TEMPLATE");
        assertThat(receipt.path("text").asText()).contains("facecard_receipt").contains("amount=12.00 EUR");

        // A follower scanning another member's fresh QR sends SCAN; the openid stays with the member it is bound to.
        String second = member();
        JsonNode again = offer(second, "WECHAT");
        assertThat(post("/api/v1/sandbox/wechat/scan", shop.adminToken(), Map.of("ticket", again.path("qrTicket").asText(), "openid", openid))
                .ok(200).json().path("event").asText()).isEqualTo("SCAN");
        assertThat(get("/api/v1/members/" + second + "/channels", shop.adminToken()).json().path("items").size()).isZero();
    }

    @Test
    void theSandboxIsAsIsolatedAsLiveModeAnotherTenantSeesNoMessagesAndCannotScanAQr() throws Exception {
        String m = member();
        JsonNode o = offer(m, "WECHAT");
        String openid = "oIso" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        post("/api/v1/sandbox/wechat/scan", shop.adminToken(), Map.of("ticket", o.path("qrTicket").asText(), "openid", openid)).ok(200);
        assertThat(received("WECHAT", openid, 1)).isNotEmpty();

        Chain other = Api.onboard(Api.operatorToken());
        Api.call("PUT", "/api/v1/messenger-accounts/WECHAT_OA", other.adminToken(), Map.of("sandbox", true)).ok(200);
        Api.call("PUT", "/api/v1/messenger-accounts/TELEGRAM", other.adminToken(), Map.of("sandbox", true)).ok(200);
        assertThat(get("/api/v1/sandbox/messages?channel=WECHAT&to=" + openid, other.adminToken()).ok(200).json())
                .as("A's welcome is not B's to read").isEmpty();
        assertThat(get("/api/v1/sandbox/messages?channel=WECHAT", other.adminToken()).ok(200).json()).isEmpty();
        assertThat(get("/api/v1/sandbox/messages?channel=WECHAT", shop.adminToken()).ok(200).json())
                .as("a tenant's own view, without 'to'").isNotEmpty();

        // B replays A's QR ticket with an openid of its choosing: unknown to B's official account, nothing bound.
        String second = member();
        JsonNode fresh = offer(second, "WECHAT");
        post("/api/v1/sandbox/wechat/scan", other.adminToken(), Map.of("ticket", fresh.path("qrTicket").asText(),
                "openid", "oEvil" + UUID.randomUUID().toString().replace("-", "").substring(0, 20))).problem(404);
        assertThat(get("/api/v1/members/" + second + "/channels/WECHAT/binding/" + fresh.path("token").asText(), shop.adminToken())
                .get("status")).isNotEqualTo("BOUND");
        Chain without = Api.onboard(Api.operatorToken());
        get("/api/v1/sandbox/messages?channel=TELEGRAM", without.adminToken()).problem(404);
    }

    @Test
    void aBlockedBotMarksTheBindingInactiveAndAnUnfollowUnbinds() throws Exception {
        String m = member();
        String token = offer(m, "TELEGRAM").path("token").asText();
        String chat = chatId();
        post("/api/v1/sandbox/telegram/start", shop.adminToken(), Map.of("token", token, "chatId", chat)).ok(200);
        received("TELEGRAM", chat, 1);
        Fakes.sandbox().telegram().block(chat);
        checkout(m, Till.key());
        Eventually.until("the binding to turn inactive", Duration.ofSeconds(15),
                () -> !get("/api/v1/members/" + m + "/channels", shop.adminToken()).json().path("items").get(0).path("active").asBoolean());
        assertThat(get("/api/v1/sandbox/messages?channel=TELEGRAM&to=" + chat, shop.adminToken()).ok(200).json())
                .as("nothing reached the blocked chat").hasSize(1);

        String w = member();
        JsonNode o = offer(w, "WECHAT");
        String openid = "oLeaver" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        post("/api/v1/sandbox/wechat/scan", shop.adminToken(), Map.of("ticket", o.path("qrTicket").asText(), "openid", openid)).ok(200);
        assertThat(get("/api/v1/members/" + w + "/channels", shop.adminToken()).json().path("items")).hasSize(1);
        String appid = get("/api/v1/messenger-accounts/WECHAT_OA", shop.adminToken()).json().path("settings").path("appid").asText();
        assertThat(Fakes.sandbox().wechatOfficialAccount().unsubscribe(appid, openid)).isEqualTo(200);
        assertThat(get("/api/v1/members/" + w + "/channels", shop.adminToken()).json().path("items")).isEmpty();
    }

    @Test
    void theMemberChoosesTheChannelNoticesGoTo() throws Exception {
        String m = member();
        String chat = chatId();
        post("/api/v1/sandbox/telegram/start", shop.adminToken(), Map.of("token", offer(m, "TELEGRAM").path("token").asText(),
                "chatId", chat)).ok(200);
        String openid = "oPref" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        post("/api/v1/sandbox/wechat/scan", shop.adminToken(), Map.of("ticket", offer(m, "WECHAT").path("qrTicket").asText(),
                "openid", openid)).ok(200);
        received("TELEGRAM", chat, 1);
        received("WECHAT", openid, 1);
        Api.call("PUT", "/api/v1/members/" + m + "/channels/preferred", shop.adminToken(), Map.of("channel", "TELEGRAM")).ok(204);
        Thread.sleep(1100); // past the chat's rate limit
        checkout(m, Till.key());
        assertThat(received("TELEGRAM", chat, 2).get(0).path("text").asText()).startsWith("Receipt");
        JsonNode wechat = get("/api/v1/sandbox/messages?channel=WECHAT&to=" + openid, shop.adminToken()).json();
        for (JsonNode n : wechat) {
            assertThat(n.path("kind").asText()).as("the receipt went to the preferred channel only").isNotEqualTo("TEMPLATE");
        }
        Api.call("PUT", "/api/v1/members/" + m + "/channels/preferred", shop.adminToken(), Map.of("channel", "NOPE")).problem(400);
    }

    @Test
    void theOpenidOfAWechatFacePaymentIsBoundOnlyWhenTheMemberConfirms() throws Exception {
        Chain cn = Api.onboard(Api.operatorToken(), "CNY", "Asia/Shanghai");
        Api.call("PUT", "/api/v1/payment-providers/WECHAT_PAY", cn.adminToken(), Map.of("sandbox", true)).ok(200);
        Api.call("PUT", "/api/v1/messenger-accounts/WECHAT_OA", cn.adminToken(), Map.of("sandbox", true)).ok(200);
        Till cnTill = Till.of(cn, "C1");
        String card = "W" + UUID.randomUUID().toString().substring(0, 10);
        String m = post("/api/v1/members", cn.adminToken(), Map.of("name", "Payer", "cardNumber", card)).ok(201).get("id");
        post("/api/v1/members/" + m + "/channels/WECHAT/confirm", cn.adminToken(), Map.of()).problem(404);
        String c = FacePayIT.openCny(cnTill, "5.00");
        cnTill.post("/api/v1/checkouts/" + c + "/identify", Map.of("cardNumber", card)).ok(200);
        assertThat(FacePayIT.pay(cnTill, c, Till.key(), "WECHAT_PAY", "5.00", "130000000000000001").ok(201).get("status"))
                .isEqualTo("SUCCEEDED");
        assertThat(get("/api/v1/members/" + m + "/channels", cn.adminToken()).json().path("items")).as("not without confirming").isEmpty();
        post("/api/v1/members/" + m + "/channels/WECHAT/confirm", cn.adminToken(), Map.of()).ok(204);
        JsonNode items = get("/api/v1/members/" + m + "/channels", cn.adminToken()).json().path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("externalId").asText()).startsWith("oSubOpenid");
    }

    @Test
    void aFacePayRefundIsNoticedInTheMembersMessenger() throws Exception {
        Chain cn = Api.onboard(Api.operatorToken(), "CNY", "Asia/Shanghai");
        Api.call("PUT", "/api/v1/payment-providers/WECHAT_PAY", cn.adminToken(), Map.of("sandbox", true)).ok(200);
        Api.call("PUT", "/api/v1/messenger-accounts/TELEGRAM", cn.adminToken(), Map.of("sandbox", true)).ok(200);
        Till cnTill = Till.of(cn, "R1");
        String card = "F" + UUID.randomUUID().toString().substring(0, 10);
        String m = post("/api/v1/members", cn.adminToken(), Map.of("name", "Refunded", "cardNumber", card)).ok(201).get("id");
        String token = post("/api/v1/members/" + m + "/channels/TELEGRAM/binding", cn.adminToken(), Map.of()).ok(201).get("token");
        String chat = chatId();
        post("/api/v1/sandbox/telegram/start", cn.adminToken(), Map.of("token", token, "chatId", chat)).ok(200);
        String c = FacePayIT.openCny(cnTill, "5.00");
        cnTill.post("/api/v1/checkouts/" + c + "/identify", Map.of("cardNumber", card)).ok(200);
        FacePayIT.pay(cnTill, c, Till.key(), "WECHAT_PAY", "5.00", "130000000000000001").ok(201);
        cnTill.post("/api/v1/checkouts/" + c + "/cancel", null).ok(200);
        Eventually.until("the refund notice at Telegram", Duration.ofSeconds(20),
                () -> get("/api/v1/sandbox/messages?channel=TELEGRAM&to=" + chat, cn.adminToken()).ok(200).json().findValuesAsText("text")
                        .contains("Refund of 5.00 CNY to your WeChat Pay is on its way."));
    }

    @Test
    void callbacksThatDoNotVerifyChangeNothingAndOtherTenantsMembersAre404() throws Exception {
        String wechat = get("/api/v1/messenger-accounts/WECHAT_OA", shop.adminToken()).ok(200).get("webhookPath");
        String telegram = get("/api/v1/messenger-accounts/TELEGRAM", shop.adminToken()).ok(200).get("webhookPath");
        String m = member();
        String token = offer(m, "TELEGRAM").path("token").asText();
        String update = "{\"update_id\":7,\"message\":{\"chat\":{\"id\":4242},\"text\":\"/start " + token + "\"}}";
        assertThat(WebhooksIT.deliver(telegram, Map.of("X-Telegram-Bot-Api-Secret-Token", "guess"), update, "application/json").status())
                .isEqualTo(401);
        assertThat(WebhooksIT.deliver(telegram, Map.of(), update, "application/json").status()).isEqualTo(401);
        String xml = "<xml><FromUserName>oX</FromUserName><CreateTime>1</CreateTime><Event>subscribe</Event><EventKey>qrscene_" + token
                + "</EventKey></xml>";
        assertThat(WebhooksIT.deliver(wechat + "?signature=bad&timestamp=1&nonce=2", Map.of(), xml, "text/xml").status()).isEqualTo(401);
        assertThat(get("/api/v1/members/" + m + "/channels/TELEGRAM/binding/" + token, shop.adminToken()).get("status")).isEqualTo("PENDING");
        Chain other = Api.onboard(Api.operatorToken());
        post("/api/v1/members/" + m + "/channels/TELEGRAM/binding", other.adminToken(), Map.of()).problem(404);
        get("/api/v1/members/" + m + "/channels", other.adminToken()).problem(404);
        get("/api/v1/members/" + m + "/channels/TELEGRAM/binding/" + token, other.adminToken()).problem(404);
        String account = get("/api/v1/messenger-accounts/TELEGRAM", shop.adminToken()).body();
        assertThat(account).doesNotContain("AAFacecardSandbox");
    }
}
