package io.facecard.adapters.outbound.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import io.facecard.adapters.outbound.platform.SandboxConfig;
import io.facecard.application.messaging.port.ChannelSandbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sandbox fakes' control endpoints ({@code /_sandbox/...}), which only the fakes have. */
@ApplicationScoped
public class FakeChannelControl implements ChannelSandbox {
    @Inject
    SandboxConfig source;

    private String base(String channel) {
        String key = channel.equals("WECHAT") ? "wechat-oa.api-base" : "telegram.api-base";
        return source.value(key).orElseThrow(() -> new IllegalStateException("no sandbox fake of " + channel + " runs"));
    }

    @Override
    public Map<String, Object> wechatScan(String appid, String ticket, String openid) {
        return map(JsonHttp.call("POST", base("WECHAT") + "/_sandbox/scan", Map.of("appid", appid, "ticket", ticket, "openid", openid)));
    }

    @Override
    public Map<String, Object> wechatMessage(String appid, String openid, String text) {
        return map(JsonHttp.call("POST", base("WECHAT") + "/_sandbox/message", Map.of("appid", appid, "openid", openid, "text", text)));
    }

    @Override
    public Map<String, Object> telegramStart(String botToken, String token, String chatId) {
        return map(JsonHttp.call("POST", base("TELEGRAM") + "/_sandbox/start", Map.of("botToken", botToken, "token", token, "chatId", chatId)));
    }

    @Override
    public List<Map<String, Object>> messages(String channel, String account, String to) {
        String query = "?account=" + URLEncoder.encode(account, StandardCharsets.UTF_8)
                + (to == null ? "" : "&to=" + URLEncoder.encode(to, StandardCharsets.UTF_8));
        var a = JsonHttp.call("GET", base(channel) + "/_sandbox/messages" + query, null);
        return JsonHttp.JSON.convertValue(a.body(), new TypeReference<List<Map<String, Object>>>() {});
    }

    @Override
    public void advanceClock(long seconds) {
        JsonHttp.call("POST", base("WECHAT") + "/_sandbox/clock", Map.of("advanceSeconds", seconds));
    }

    private static Map<String, Object> map(JsonHttp.Answer a) {
        Map<String, Object> out = new LinkedHashMap<>(JsonHttp.JSON.convertValue(a.body(), new TypeReference<Map<String, Object>>() {}));
        out.put("status", a.status());
        return out;
    }
}
