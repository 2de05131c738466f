package io.facecard.adapters.outbound.payment.wechat;

import io.facecard.application.payment.port.ProviderAccounts.Account;
import io.facecard.application.payment.port.WechatFaceDevices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * WeChat Pay API v2's {@code get_wxpayface_authinfo}, which wechatpay-java (APIv3 only) does not
 * cover: XML over HTTPS, signed MD5 over the sorted {@code k=v} pairs with {@code &key=} the v2 API
 * key, the answer's signature checked the same way before its authinfo is believed.
 */
public final class WechatFaceAuth implements WechatFaceDevices {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String url;
    private final String spAppid;
    private final String spMchid;
    private final String v2Key;
    private final Clock clock;

    /** @param url https://payapp.weixin.qq.com/face/get_wxpayface_authinfo, or the sandbox's fake */
    public WechatFaceAuth(String url, String spAppid, String spMchid, String v2Key, Clock clock) {
        this.url = url;
        this.spAppid = spAppid;
        this.spMchid = spMchid;
        this.v2Key = v2Key;
        this.clock = clock;
    }

    @Override
    public AuthInfo authinfo(Account account, String rawdata, String deviceId, String storeId, String storeName) {
        Map<String, String> p = new TreeMap<>();
        p.put("appid", spAppid);
        p.put("mch_id", spMchid);
        p.put("sub_mch_id", account.settings().get("subMchid"));
        if (account.settings().get("subAppid") != null) {
            p.put("sub_appid", account.settings().get("subAppid"));
        }
        p.put("store_id", storeId);
        p.put("store_name", storeName);
        p.put("device_id", deviceId);
        p.put("rawdata", rawdata);
        p.put("now", Long.toString(clock.instant().getEpochSecond()));
        p.put("version", "1");
        p.put("sign_type", "MD5");
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        p.put("nonce_str", HexFormat.of().formatHex(nonce));
        p.put("sign", sign(p, v2Key));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(V2Xml.write(p))).build();
        Map<String, String> answer;
        try {
            answer = V2Xml.read(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new Unavailable("no-answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        } catch (IllegalArgumentException e) {
            throw new Unavailable("malformed-answer");
        }
        if (!"SUCCESS".equals(answer.get("return_code"))) {
            throw new Unavailable(answer.getOrDefault("return_msg", "FAIL"));
        }
        if (!sign(answer, v2Key).equals(answer.get("sign"))) {
            throw new Unavailable("SIGN_ERROR");
        }
        return new AuthInfo(answer.get("authinfo"), Integer.parseInt(answer.getOrDefault("expires_in", "3600")));
    }

    /** v2's MD5 signature: the non-empty parameters but {@code sign}, sorted, {@code k=v&…&key=KEY}, upper-case hex. */
    public static String sign(Map<String, String> params, String key) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(params).forEach((k, v) -> {
            if (!k.equals("sign") && v != null && !v.isEmpty()) {
                s.append(k).append('=').append(v).append('&');
            }
        });
        s.append("key=").append(key);
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
