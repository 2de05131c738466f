package io.facecard.adapters.outbound.messaging.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.adapters.outbound.messaging.JsonHttp;
import io.facecard.application.messaging.port.Messenger;
import io.facecard.application.messaging.port.MessengerAccounts.Account;
import io.facecard.domain.messaging.MessagingRule;
import io.facecard.domain.refusal.Refusal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A WeChat official account's API: one shared access_token per appid, refreshed before it expires
 * (7200 s) or when WeChat calls it invalid (40001, 42001), never one per request; temporary QR
 * codes with a string scene; template messages for service notices (fields at most 20 characters,
 * no line breaks) and customer-service text inside the user's window (45015 outside it).
 */
public final class WechatOfficialAccount {
    private record Token(String value, Instant expires) {}

    private final String base;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public static final String LIVE_API = "https://api.weixin.qq.com";

    public WechatOfficialAccount(String base, Clock clock) {
        this.base = base;
        this.clock = clock;
    }

    public Messenger.Qr qr(Account a, String scene, int expireSeconds) {
        Map<String, Object> body = Map.of("expire_seconds", expireSeconds, "action_name", "QR_STR_SCENE",
                "action_info", Map.of("scene", Map.of("scene_str", scene)));
        JsonNode r = authorized(a, "/cgi-bin/qrcode/create", body).body();
        String ticket = r.path("ticket").asText(null);
        if (ticket == null) {
            throw new IllegalStateException("WeChat gave no QR ticket: " + r.path("errcode").asInt());
        }
        // Live, the image is on mp.weixin.qq.com, not on the API host; the sandbox's fake serves both.
        String images = base.equals(LIVE_API) ? "https://mp.weixin.qq.com" : base;
        return new Messenger.Qr(ticket, images + "/cgi-bin/showqrcode?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
    }

    public Messenger.Sent template(Account a, String openid, String templateId, Map<String, String> fields) {
        Map<String, Object> data = new LinkedHashMap<>();
        fields.forEach((k, v) -> data.put(k, Map.of("value", clip(v))));
        return sent(authorized(a, "/cgi-bin/message/template/send", Map.of("touser", openid, "template_id", templateId, "data", data)));
    }

    public Messenger.Sent text(Account a, String openid, String text) {
        return sent(authorized(a, "/cgi-bin/message/custom/send", Map.of("touser", openid, "msgtype", "text", "text",
                Map.of("content", text))));
    }

    /**
     * A mass send to a list of followers. 45065 says a job with this clientmsgid was started
     * already: for us that is the same send, done.
     */
    public Messenger.Sent mass(Account a, List<String> openids, String text, String clientMsgId) {
        JsonHttp.Answer r = authorized(a, "/cgi-bin/message/mass/send", Map.of("touser", openids, "msgtype", "text", "text",
                Map.of("content", text), "clientmsgid", clientMsgId, "send_ignore_reprint", 1));
        int err = r.status() == 200 ? r.body().path("errcode").asInt(0) : 0;
        if (err == 45065) {
            return new Messenger.Sent(Messenger.Outcome.SENT, 0, "45065");
        }
        if (err == 45066) {
            return new Messenger.Sent(Messenger.Outcome.RETRY, 60, "45066"); // the same clientmsgid again within a minute
        }
        return sent(r);
    }

    /** WeChat's template rules: at most 20 characters, no line breaks. */
    static String clip(String v) {
        String one = v == null ? "" : v.replaceAll("[\\r\\n]+", " ");
        return one.length() <= 20 ? one : one.substring(0, 20);
    }

    private static Messenger.Sent sent(JsonHttp.Answer a) {
        if (a.status() == 0 || a.status() >= 500) {
            return new Messenger.Sent(Messenger.Outcome.RETRY, 2, "HTTP_" + a.status());
        }
        int err = a.body().path("errcode").asInt(0);
        return switch (err) {
            case 0 -> new Messenger.Sent(Messenger.Outcome.SENT, 0, null);
            case 43004, 43019 -> new Messenger.Sent(Messenger.Outcome.BLOCKED, 0, Integer.toString(err)); // unfollowed, blocked
            case 45009, 45011, -1 -> new Messenger.Sent(Messenger.Outcome.RETRY, 5, Integer.toString(err)); // rate, busy
            default -> new Messenger.Sent(Messenger.Outcome.REFUSED, 0, Integer.toString(err)); // 45015 outside the window, …
        };
    }

    /** A call with the account's shared token; an answer that the token is invalid refreshes it once. */
    private JsonHttp.Answer authorized(Account a, String path, Object body) {
        JsonHttp.Answer r = JsonHttp.call("POST", base + path + "?access_token=" + token(a, false), body);
        int err = r.body().path("errcode").asInt(0);
        if (err == 40001 || err == 42001) {
            r = JsonHttp.call("POST", base + path + "?access_token=" + token(a, true), body);
        }
        return r;
    }

    private String token(Account a, boolean refresh) {
        String appid = a.settings().get("appid");
        Token t = tokens.get(appid);
        Instant now = clock.instant();
        if (!refresh && t != null && t.expires().isAfter(now)) {
            return t.value();
        }
        synchronized (tokens) {
            t = tokens.get(appid);
            if (!refresh && t != null && t.expires().isAfter(now)) {
                return t.value();
            }
            JsonNode r = JsonHttp.call("GET", base + "/cgi-bin/token?grant_type=client_credential&appid=" + appid + "&secret="
                    + a.secrets().get("appSecret"), null).body();
            String value = r.path("access_token").asText(null);
            if (value == null) {
                // 40013 invalid appid, 40125 invalid appSecret, 40164 caller IP not whitelisted: the account needs its admin
                throw new Refusal(MessagingRule.CHANNEL_CREDENTIALS_REFUSED, "WeChat refused the official account's appid and appSecret"
                        + " (errcode " + r.path("errcode").asInt() + "); correct them in PUT /api/v1/messenger-accounts/WECHAT_OA");
            }
            // Refreshed five minutes early, so no call carries a token about to lapse.
            tokens.put(appid, new Token(value, now.plusSeconds(Math.max(60, r.path("expires_in").asLong(7200) - 300))));
            return value;
        }
    }
}
