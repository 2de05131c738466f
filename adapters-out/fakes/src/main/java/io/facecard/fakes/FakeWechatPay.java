package io.facecard.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Pay as a service provider's face-pay uses it, on 127.0.0.1. APIv3: the payment-code
 * charge, query, reverse and refund; each request's {@code Authorization} (SHA256withRSA over
 * {@code method\nurl\ntimestamp\nnonce\nbody\n}) is verified with the merchant's public key, each
 * answer signed over {@code timestamp\nnonce\nbody\n} with WeChat Pay's generated key, sent with
 * its public key id as {@code Wechatpay-Serial}. API v2: {@code get_wxpayface_authinfo}, XML with
 * an MD5 signature under the v2 key, checked and given. Codes {@code 13000000000000000N}:
 * 1 paid at once; 2 USERPAYING (HTTP 202) for the charge and two queries, then paid; 3 USERPAYING
 * until reversed; 4 {@code NOTENOUGH}; 5 the charge hangs, the query shows it paid.
 */
public final class FakeWechatPay implements AutoCloseable {
    public static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0119000000000000000000000000000001";
    public static final String SP_MCHID = "1900000100";
    public static final String SP_APPID = "wxd678efh567hg6787";
    public static final String MERCHANT_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";

    /** What the fake received: method, path, and the body's fields that matter. */
    public record Received(String method, String path, Map<String, String> fields, String at) {
        public Received(String method, String path, Map<String, String> fields) {
            this(method, path, fields, Instant.now().toString());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern AUTH = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private final HttpServer server;
    private final PublicKey merchantKey;
    private final KeyPair wechatKeys;
    private final String v2Key;
    private final String apiV3Key;
    private final long timeoutMillis;
    private final Map<String, Trade> trades = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> refunds = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private volatile long latencyMillis;

    private static final class Trade {
        final String outTradeNo;
        final long total;
        final char behaviour;
        final String subMchid;
        int queries;
        String state;
        long refunded;

        Trade(String outTradeNo, long total, char behaviour, String subMchid, String state) {
            this.outTradeNo = outTradeNo;
            this.total = total;
            this.behaviour = behaviour;
            this.subMchid = subMchid;
            this.state = state;
        }
    }

    /**
     * @param merchantPublicKey the service provider's API public key, base64 X.509 (its private half signs the platform's requests)
     * @param v2Key the v2 API key that signs face-authinfo calls
     */
    public FakeWechatPay(int port, PublicKey merchantPublicKey, String v2Key, long timeoutMillis) throws IOException, GeneralSecurityException {
        this(port, merchantPublicKey, v2Key, null, timeoutMillis);
    }

    /** @param apiV3Key the merchant's APIv3 key, which notifications' resources are encrypted under */
    public FakeWechatPay(int port, PublicKey merchantPublicKey, String v2Key, String apiV3Key, long timeoutMillis)
            throws IOException, GeneralSecurityException {
        this.apiV3Key = apiV3Key;
        this.merchantKey = merchantPublicKey;
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        this.wechatKeys = g.generateKeyPair();
        this.v2Key = v2Key;
        this.timeoutMillis = timeoutMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/v3/", this::v3);
        server.createContext("/face/get_wxpayface_authinfo", this::authinfo);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** WeChat Pay's public key, base64 X.509, that the platform verifies answers with. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(wechatKeys.getPublic().getEncoded());
    }

    /** A notification as WeChat Pay posts it: its headers (signature over {@code timestamp\nnonce\nbody\n}) and body. */
    public record Delivery(Map<String, String> headers, String body) {}

    /**
     * A notification of {@code eventType} whose resource ({@code resourceJson}) is encrypted
     * AEAD_AES_256_GCM under the APIv3 key, signed {@code epochSeconds} with WeChat Pay's key.
     */
    public Delivery notification(String eventType, String resourceJson, long epochSeconds) throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String nonceText = HexFormat.of().formatHex(nonce).substring(0, 12);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
                new GCMParameterSpec(128, nonceText.getBytes(StandardCharsets.UTF_8)));
        c.updateAAD("transaction".getBytes(StandardCharsets.UTF_8));
        String ciphertext = Base64.getEncoder().encodeToString(c.doFinal(resourceJson.getBytes(StandardCharsets.UTF_8)));
        ObjectNode body = JSON.createObjectNode().put("id", "EV-" + System.nanoTime()).put("create_time", Instant.now().toString())
                .put("resource_type", "encrypt-resource").put("event_type", eventType).put("summary", "fake");
        body.set("resource", JSON.createObjectNode().put("original_type", "transaction").put("algorithm", "AEAD_AES_256_GCM")
                .put("ciphertext", ciphertext).put("associated_data", "transaction").put("nonce", nonceText));
        String text = body.toString();
        byte[] n = new byte[16];
        RANDOM.nextBytes(n);
        String headerNonce = HexFormat.of().formatHex(n);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(wechatKeys.getPrivate());
        s.update((epochSeconds + "\n" + headerNonce + "\n" + text + "\n").getBytes(StandardCharsets.UTF_8));
        return new Delivery(Map.of("Wechatpay-Timestamp", Long.toString(epochSeconds), "Wechatpay-Nonce", headerNonce,
                "Wechatpay-Serial", PUBLIC_KEY_ID, "Wechatpay-Signature", Base64.getEncoder().encodeToString(s.sign()),
                "Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048"), text);
    }

    public void latency(long millis) {
        latencyMillis = millis;
    }

    public List<Received> requests() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void v3(HttpExchange x) throws IOException {
        try (x) {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String uri = x.getRequestURI().getRawPath() + (x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery());
            if (!authorized(x.getRequestMethod(), uri, body, x.getRequestHeaders().getFirst("Authorization"))) {
                send(x, 401, error("SIGN_ERROR", "签名错误"));
                return;
            }
            JsonNode in = body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
            Map<String, String> fields = new TreeMap<>();
            in.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            String path = x.getRequestURI().getPath();
            received.add(new Received(x.getRequestMethod(), path, fields));
            Reply r = route(x.getRequestMethod(), path, in, x.getRequestURI().getRawQuery());
            if (r == null) {
                return; // the "times out" code: no answer
            }
            if (latencyMillis > 0) {
                Thread.sleep(latencyMillis);
            }
            send(x, r.status(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private record Reply(int status, String body) {}

    private Reply route(String method, String path, JsonNode in, String query) throws InterruptedException {
        String trades = "/v3/pay/partner/transactions/out-trade-no/";
        if (method.equals("POST") && path.equals("/v3/pay/partner/transactions/codepay")) {
            return charge(in);
        }
        if (method.equals("GET") && path.startsWith(trades)) {
            return query(path.substring(trades.length()));
        }
        if (method.equals("POST") && path.startsWith(trades) && path.endsWith("/reverse")) {
            return reverse(path.substring(trades.length(), path.length() - "/reverse".length()));
        }
        if (method.equals("POST") && path.equals("/v3/refund/domestic/refunds")) {
            return refund(in);
        }
        return new Reply(404, error("NOT_FOUND", "no such API: " + method + " " + path));
    }

    private Reply charge(JsonNode in) throws InterruptedException {
        String no = in.path("out_trade_no").asText();
        String code = in.path("payer").path("auth_code").asText();
        if (!in.path("sp_mchid").asText().equals(SP_MCHID) || in.path("sub_mchid").asText().isEmpty()) {
            return new Reply(400, error("PARAM_ERROR", "sp_mchid/sub_mchid"));
        }
        if (!code.matches("1[0-5][0-9]{16}")) {
            return new Reply(400, error("INVALID_REQUEST", "付款码无效"));
        }
        Trade existing = trades.get(no);
        if (existing != null) {
            return existing.state.equals("SUCCESS") ? new Reply(200, trade(existing).toString()) : new Reply(400, error("OUT_TRADE_NO_USED", "商户订单号重复"));
        }
        char b = code.charAt(code.length() - 1);
        long total = in.path("amount").path("total").asLong();
        switch (b) {
            case '1' -> {
                return new Reply(200, trade(put(no, total, b, in, "SUCCESS")).toString());
            }
            case '2', '3' -> {
                put(no, total, b, in, "USERPAYING");
                return new Reply(202, error("USERPAYING", "用户支付中，需要输入密码"));
            }
            case '4' -> {
                return new Reply(403, error("NOTENOUGH", "余额不足"));
            }
            case '5' -> {
                put(no, total, b, in, "SUCCESS");
                Thread.sleep(timeoutMillis);
                return null;
            }
            default -> {
                return new Reply(400, error("INVALID_REQUEST", "付款码无效"));
            }
        }
    }

    private Trade put(String no, long total, char behaviour, JsonNode in, String state) {
        Trade t = new Trade(no, total, behaviour, in.path("sub_mchid").asText(), state);
        trades.put(no, t);
        return t;
    }

    private Reply query(String no) {
        Trade t = trades.get(no);
        if (t == null) {
            return new Reply(404, error("ORDER_NOT_EXIST", "订单不存在"));
        }
        synchronized (t) {
            t.queries++;
            if (t.behaviour == '2' && t.state.equals("USERPAYING") && t.queries > 2) {
                t.state = "SUCCESS";
            }
        }
        return new Reply(200, trade(t).toString());
    }

    /** A reverse closes an unpaid trade and refunds a paid one; a trade never charged is closed all the same. */
    private Reply reverse(String no) {
        Trade t = trades.get(no);
        if (t != null) {
            t.state = "REVOKED";
        }
        return new Reply(200, JSON.createObjectNode().put("out_trade_no", no).toString());
    }

    private synchronized Reply refund(JsonNode in) {
        String refundNo = in.path("out_refund_no").asText();
        ObjectNode first = refunds.get(refundNo);
        if (first != null) {
            return new Reply(200, first.toString());
        }
        Trade t = trades.get(in.path("out_trade_no").asText());
        long asked = in.path("amount").path("refund").asLong();
        if (t == null || !t.state.equals("SUCCESS")) {
            return new Reply(400, error("INVALID_REQUEST", "订单状态不正确"));
        }
        if (asked <= 0 || t.refunded + asked > t.total || in.path("amount").path("total").asLong() != t.total) {
            return new Reply(400, error("INVALID_REQUEST", "退款金额超限"));
        }
        t.refunded += asked;
        ObjectNode r = JSON.createObjectNode().put("refund_id", "50300" + Math.abs(refundNo.hashCode())).put("out_refund_no", refundNo)
                .put("out_trade_no", t.outTradeNo).put("status", "PROCESSING");
        r.set("amount", JSON.createObjectNode().put("refund", asked).put("total", t.total).put("currency", "CNY"));
        refunds.put(refundNo, r);
        return new Reply(200, r.toString());
    }

    private ObjectNode trade(Trade t) {
        ObjectNode o = JSON.createObjectNode().put("sp_appid", SP_APPID).put("sp_mchid", SP_MCHID).put("sub_mchid", t.subMchid)
                .put("out_trade_no", t.outTradeNo).put("trade_type", "MICROPAY").put("trade_state", t.state);
        if (t.state.equals("SUCCESS")) {
            o.put("transaction_id", "4200" + Math.abs(t.outTradeNo.hashCode()));
            o.set("payer", JSON.createObjectNode().put("sp_openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")
                    .put("sub_openid", "oSubOpenid" + Math.abs(t.outTradeNo.hashCode() % 100000)));
        }
        o.set("amount", JSON.createObjectNode().put("total", t.total).put("currency", "CNY"));
        return o;
    }

    private boolean authorized(String method, String uri, String body, String header) throws GeneralSecurityException {
        if (header == null || !header.startsWith("WECHATPAY2-SHA256-RSA2048 ")) {
            return false;
        }
        Map<String, String> a = new TreeMap<>();
        Matcher m = AUTH.matcher(header);
        while (m.find()) {
            a.put(m.group(1), m.group(2));
        }
        if (!SP_MCHID.equals(a.get("mchid")) || !MERCHANT_SERIAL.equals(a.get("serial_no")) || a.get("signature") == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(a.getOrDefault("timestamp", ""));
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(System.currentTimeMillis() / 1000 - ts) > 300) {
            return false;
        }
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(merchantKey);
        s.update((method + "\n" + uri + "\n" + ts + "\n" + a.get("nonce_str") + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            return s.verify(Base64.getDecoder().decode(a.get("signature")));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void send(HttpExchange x, int status, String body) throws IOException, GeneralSecurityException {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        byte[] n = new byte[16];
        RANDOM.nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(wechatKeys.getPrivate());
        s.update((ts + "\n" + nonce + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8));
        var h = x.getResponseHeaders();
        h.add("Content-Type", "application/json; charset=utf-8");
        h.add("Request-ID", "08F4" + System.nanoTime());
        h.add("Wechatpay-Timestamp", ts);
        h.add("Wechatpay-Nonce", nonce);
        h.add("Wechatpay-Serial", PUBLIC_KEY_ID);
        h.add("Wechatpay-Signature", Base64.getEncoder().encodeToString(s.sign()));
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
    }

    private static String error(String code, String message) {
        return JSON.createObjectNode().put("code", code).put("message", message).toString();
    }

    /** API v2: the face device's rawdata for an authinfo; the request's MD5 signature is checked, the answer's made. */
    private void authinfo(HttpExchange x) throws IOException {
        try (x) {
            Map<String, String> in = FlatXml.read(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> fields = new TreeMap<>(in);
            fields.remove("sign");
            fields.computeIfPresent("rawdata", (k, v) -> v.length() + " chars");
            received.add(new Received("POST", "/face/get_wxpayface_authinfo", fields));
            Map<String, String> out = new TreeMap<>();
            if (!md5(in).equals(in.get("sign"))) {
                out.put("return_code", "FAIL");
                out.put("return_msg", "签名错误");
            } else if (in.getOrDefault("rawdata", "").isEmpty() || !SP_MCHID.equals(in.get("mch_id"))) {
                out.put("return_code", "FAIL");
                out.put("return_msg", "参数错误");
            } else {
                out.put("return_code", "SUCCESS");
                out.put("return_msg", "请求成功");
                byte[] a = new byte[24];
                RANDOM.nextBytes(a);
                out.put("authinfo", "FAKEAUTHINFO" + HexFormat.of().formatHex(a));
                out.put("expires_in", "3600");
                out.put("nonce_str", HexFormat.of().formatHex(a).substring(0, 16));
                out.put("sign", md5(out));
            }
            byte[] b = FlatXml.write(out).getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
        } catch (IllegalArgumentException e) {
            byte[] b = "<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[XML格式错误]]></return_msg></xml>"
                    .getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
        }
    }

    private String md5(Map<String, String> p) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(p).forEach((k, v) -> {
            if (!k.equals("sign") && v != null && !v.isEmpty()) {
                s.append(k).append('=').append(v).append('&');
            }
        });
        s.append("key=").append(v2Key);
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
