package io.facecard.it.messaging;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.fakes.WechatCrypto;
import io.facecard.it.Api;
import io.facecard.it.Fakes;
import io.facecard.it.payment.WebhooksIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An official account's pushes as an attacker who has read one signed URL would send them: in plain
 * mode, a day late, with the captured signature on another body, replayed, or sealed for another
 * appid. Only WeChat's safe mode, fresh and once, binds a member.
 */
class WechatSafeModeIT {
    private static final String KEY = "Kx7uQ2pLm9Vt4Rz8Yw1Nc6Bd3Hf5Gj0Sa2Ek7Oi9Uq4";
    private static final String TOKEN = "safemodetoken";
    private static final String APPID = "wx5afe0de00000c0de";
    static Chain chain;
    static String webhook;

    @BeforeAll
    static void setUp() {
        Fakes.sandbox();
        chain = onboard(operatorToken());
        call("PUT", "/api/v1/messenger-accounts/WECHAT_OA", chain.adminToken(), Map.of("appid", APPID,
                "appSecret", "facecardsandboxappsecret00000001", "token", TOKEN, "aesKey", KEY)).ok(200);
        webhook = get("/api/v1/messenger-accounts/WECHAT_OA", chain.adminToken()).ok(200).get("webhookPath");
    }

    record Push(String query, String body) {}

    private static String sha1(String... parts) throws Exception {
        String[] p = parts.clone();
        Arrays.sort(p);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", p).getBytes(StandardCharsets.UTF_8)));
    }

    private static String subscribe(String openid, String scene) {
        return "<xml><ToUserName><![CDATA[gh_facecard]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName><CreateTime>"
                + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event>"
                + "<EventKey><![CDATA[qrscene_" + scene + "]]></EventKey></xml>";
    }

    private static Push safe(String xml, String appid, long timestamp) throws Exception {
        String ts = Long.toString(timestamp);
        String nonce = UUID.randomUUID().toString().substring(0, 10);
        String encrypted = WechatCrypto.seal(KEY, appid, xml, UUID.randomUUID().toString().substring(0, 16).getBytes(StandardCharsets.UTF_8));
        return new Push("?signature=" + sha1(TOKEN, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature="
                + sha1(TOKEN, ts, nonce, encrypted), "<xml><ToUserName><![CDATA[gh_facecard]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt></xml>");
    }

    private static int send(Push p) throws Exception {
        return WebhooksIT.deliver(webhook + p.query(), Map.of(), p.body(), "text/xml").status();
    }

    private static String status(String member, String token) {
        return get("/api/v1/members/" + member + "/channels/WECHAT/binding/" + token, chain.adminToken()).ok(200).get("status");
    }

    @Test
    void onlyAFreshSafeModePushBindsAndOnlyOnce() throws Exception {
        String member = post("/api/v1/members", chain.adminToken(), Map.of("name", "Safe", "cardNumber", "S" + System.nanoTime())).ok(201).get("id");
        String token = post("/api/v1/members/" + member + "/channels/WECHAT/binding", chain.adminToken(), Map.of()).ok(201).get("token");
        String xml = subscribe("oSafeMode1", token);
        long now = Instant.now().getEpochSecond();

        String ts = Long.toString(now);
        assertThat(send(new Push("?signature=" + sha1(TOKEN, ts, "n1") + "&timestamp=" + ts + "&nonce=n1", xml)))
                .as("plain mode: the signature does not cover the body").isEqualTo(401);
        assertThat(send(safe(xml, APPID, now - 86_400))).as("a day-old push").isEqualTo(401);
        Push real = safe(xml, APPID, now);
        Push other = safe(subscribe("oAttacker", token), APPID, now);
        assertThat(send(new Push(real.query(), other.body()))).as("the captured signature on another body").isEqualTo(401);
        assertThat(send(safe(xml, "wx0000000000000bad", now))).as("sealed for another appid").isEqualTo(401);
        assertThat(status(member, token)).isEqualTo("PENDING");

        assertThat(send(real)).isEqualTo(200);
        assertThat(status(member, token)).isEqualTo("BOUND");
        assertThat(send(real)).as("the same push replayed").isEqualTo(401);
    }

    /** The keys that recognise retries and replays are kept three days, not for ever (each push adds its nonce's). */
    @Test
    void callbackKeysOlderThanThreeDaysAreForgotten() throws Exception {
        // A callback key three days old cannot be made through the API: it is written with an old timestamp.
        try (var db = Api.database(); var s = db.prepareStatement("insert into messenger_callback (channel, key, seen_at) "
                + "values ('WECHAT', 'nonce:old-test', now() - interval '4 days')")) {
            s.executeUpdate();
        }
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < 520; i++) { // past the next prune, whatever the count so far
            assertThat(send(safe(subscribe("oPrune" + i, "no-such-scene"), APPID, now))).isEqualTo(200);
        }
        try (var db = Api.database(); var s = db.prepareStatement("select count(*) from messenger_callback where key = 'nonce:old-test'");
                var r = s.executeQuery()) {
            r.next();
            assertThat(r.getInt(1)).isZero();
        }
    }

    /** Found writing this test: WeChat refusing the account's secret was a 500 on the member's binding offer. */
    @Test
    void anAccountWhoseSecretWeChatRefusesIsTheAdminsToFixNotA500() {
        Chain other = onboard(operatorToken());
        call("PUT", "/api/v1/messenger-accounts/WECHAT_OA", other.adminToken(), Map.of("appid", "wx00000000000000aa",
                "appSecret", "notthesecretwechatknows000000001", "token", TOKEN, "aesKey", KEY)).ok(200);
        String member = post("/api/v1/members", other.adminToken(), Map.of("name", "Offered", "cardNumber", "W" + System.nanoTime())).ok(201).get("id");
        assertThat(post("/api/v1/members/" + member + "/channels/WECHAT/binding", other.adminToken(), Map.of()).problem(422).get("type"))
                .endsWith("/channel-credentials-refused");
    }

    @Test
    void theConsoleUrlCheckNeedsAFreshSignature() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String fresh = Long.toString(Instant.now().getEpochSecond());
        String stale = Long.toString(Instant.now().getEpochSecond() - 3600);
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(BASE + webhook + "?signature=" + sha1(TOKEN, fresh, "e1")
                + "&timestamp=" + fresh + "&nonce=e1&echostr=hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("hello");
        HttpResponse<String> late = http.send(HttpRequest.newBuilder(URI.create(BASE + webhook + "?signature=" + sha1(TOKEN, stale, "e2")
                + "&timestamp=" + stale + "&nonce=e2&echostr=hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(late.statusCode()).isEqualTo(401);
    }
}
