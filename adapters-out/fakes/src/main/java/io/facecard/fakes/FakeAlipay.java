package io.facecard.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Alipay's open gateway as face-pay uses it, on 127.0.0.1: {@code alipay.trade.pay} (scene
 * {@code security_code}), {@code alipay.trade.query} and {@code alipay.trade.cancel}. It verifies
 * each request's RSA2 signature (SHA256withRSA over the sorted parameters without {@code sign})
 * with the app's public key and signs each answer with its own generated key, which the SDK checks
 * against {@link #alipayPublicKey()}. Face tokens are {@code fp} + 35 characters; the last says what happens:
 * 1 paid at once; 2 waiting for the buyer ({@code 10003}), paid on the third query; 3 waiting for
 * ever (until cancelled); 4 {@code ACQ.PAYMENT_AUTH_CODE_INVALID}; 5 the pay call times out, the
 * query shows it paid.
 */
public final class FakeAlipay implements AutoCloseable {
    public record Received(String method, String appAuthToken, Map<String, String> bizContent, String at) {
        public Received(String method, String appAuthToken, Map<String, String> bizContent) {
            this(method, appAuthToken, bizContent, Instant.now().toString());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final PublicKey appKey;
    private final KeyPair alipayKeys;
    private final Map<String, Trade> trades = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final long timeoutMillis;
    private final Map<String, ObjectNode> refunds = new ConcurrentHashMap<>();
    private volatile long latencyMillis;

    private static final class Trade {
        final String outTradeNo;
        final String amount;
        final char behaviour;
        int queries;
        String status;
        BigDecimal refunded = BigDecimal.ZERO;

        Trade(String outTradeNo, String amount, char behaviour, String status) {
            this.outTradeNo = outTradeNo;
            this.amount = amount;
            this.behaviour = behaviour;
            this.status = status;
        }
    }

    /**
     * @param appPublicKey the platform's (ISV app's) public key, base64 X.509, as uploaded to Alipay
     * @param timeoutMillis how long the "times out" token makes the pay call hang
     */
    public FakeAlipay(int port, String appPublicKey, long timeoutMillis) throws IOException, GeneralSecurityException {
        this(port, appPublicKey, timeoutMillis, newKeys());
    }

    /** @param alipayKeys Alipay's own key pair (the sandbox keeps one across restarts, so the platform's copy stays valid) */
    public FakeAlipay(int port, String appPublicKey, long timeoutMillis, KeyPair alipayKeys) throws IOException, GeneralSecurityException {
        this.appKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(appPublicKey)));
        this.alipayKeys = alipayKeys;
        this.timeoutMillis = timeoutMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/gateway.do", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    static KeyPair newKeys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    /**
     * An asynchronous notification as Alipay posts it: form parameters, {@code sign} RSA2 over the
     * sorted others without {@code sign} and {@code sign_type}, made with Alipay's key.
     */
    public String notification(Map<String, String> params) throws GeneralSecurityException {
        Map<String, String> p = new TreeMap<>(params);
        p.remove("sign");
        p.putIfAbsent("notify_id", "ntf" + System.nanoTime());
        p.putIfAbsent("notify_type", "trade_status_sync");
        p.put("sign_type", "RSA2");
        String content = p.entrySet().stream().filter(e -> !e.getKey().equals("sign_type") && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(alipayKeys.getPrivate());
        s.update(content.getBytes(StandardCharsets.UTF_8));
        p.put("sign", Base64.getEncoder().encodeToString(s.sign()));
        return p.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** Every answer waits this long after the work is done (a provider's latency, for benchmarks and crash tests). */
    public void latency(long millis) {
        latencyMillis = millis;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/gateway.do";
    }

    public String alipayPublicKey() {
        return Base64.getEncoder().encodeToString(alipayKeys.getPublic().getEncoded());
    }

    public List<Received> requests() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            Map<String, String> p = new TreeMap<>(FormBody.parse(x.getRequestURI().getRawQuery()));
            p.putAll(FormBody.parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            String method = p.getOrDefault("method", "");
            String node = method.replace('.', '_') + "_response";
            if (!verified(p)) {
                answer(x, node, JSON.createObjectNode().put("code", "40002").put("msg", "Invalid Arguments")
                        .put("sub_code", "isv.invalid-signature").put("sub_msg", "验签出错"));
                return;
            }
            JsonNode biz = JSON.readTree(p.getOrDefault("biz_content", "{}"));
            Map<String, String> bizMap = new TreeMap<>();
            biz.fields().forEachRemaining(e -> bizMap.put(e.getKey(), e.getValue().asText()));
            received.add(new Received(method, p.get("app_auth_token"), bizMap));
            ObjectNode r = switch (method) {
                case "alipay.trade.pay" -> pay(biz);
                case "alipay.trade.query" -> query(biz);
                case "alipay.trade.cancel" -> cancel(biz);
                case "alipay.trade.refund" -> refund(biz);
                default -> JSON.createObjectNode().put("code", "40004").put("msg", "Business Failed").put("sub_code", "isv.invalid-method");
            };
            if (r == null) {
                return; // the "times out" token: no answer at all
            }
            if (latencyMillis > 0) {
                Thread.sleep(latencyMillis); // the trade is done; its answer is on its way
            }
            answer(x, node, r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private ObjectNode pay(JsonNode biz) throws InterruptedException {
        String outTradeNo = biz.path("out_trade_no").asText();
        String code = biz.path("auth_code").asText();
        if (!biz.path("scene").asText().equals("security_code") && !biz.path("scene").asText().equals("bar_code")
                || !code.matches("fp[0-9A-Za-z]{34}[1-5]")) {
            return failure("ACQ.PAYMENT_AUTH_CODE_INVALID", "支付失败，获取顾客账户信息失败");
        }
        char behaviour = code.charAt(code.length() - 1);
        Trade existing = trades.get(outTradeNo);
        if (existing != null) {
            return existing.status.equals("TRADE_SUCCESS") ? trade(existing, "10000", "Success") : failure("ACQ.TRADE_HAS_SUCCESS", "交易已存在");
        }
        switch (behaviour) {
            case '1' -> {
                Trade t = put(outTradeNo, biz, behaviour, "TRADE_SUCCESS");
                return trade(t, "10000", "Success");
            }
            case '2', '3' -> {
                Trade t = put(outTradeNo, biz, behaviour, "WAIT_BUYER_PAY");
                return trade(t, "10003", "等待用户付款");
            }
            case '4' -> {
                return failure("ACQ.PAYMENT_AUTH_CODE_INVALID", "支付失败，获取顾客账户信息失败");
            }
            default -> {
                put(outTradeNo, biz, behaviour, "TRADE_SUCCESS");
                Thread.sleep(timeoutMillis);
                return null;
            }
        }
    }

    private ObjectNode query(JsonNode biz) {
        Trade t = trades.get(biz.path("out_trade_no").asText());
        if (t == null) {
            return failure("ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        synchronized (t) {
            t.queries++;
            if (t.behaviour == '2' && t.status.equals("WAIT_BUYER_PAY") && t.queries >= 3) {
                t.status = "TRADE_SUCCESS";
            }
        }
        return trade(t, "10000", "Success").put("trade_status", t.status);
    }

    private ObjectNode cancel(JsonNode biz) {
        Trade t = trades.get(biz.path("out_trade_no").asText());
        if (t == null) {
            return JSON.createObjectNode().put("code", "10000").put("msg", "Success").put("retry_flag", "N").put("action", "close");
        }
        String action = t.status.equals("TRADE_SUCCESS") ? "refund" : "close";
        t.status = "TRADE_CLOSED";
        return JSON.createObjectNode().put("code", "10000").put("msg", "Success").put("out_trade_no", t.outTradeNo)
                .put("retry_flag", "N").put("action", action);
    }

    /** The same {@code out_request_no} refunds once and answers the first answer again; no more than was paid. */
    private synchronized ObjectNode refund(JsonNode biz) {
        String requestNo = biz.path("out_request_no").asText();
        ObjectNode first = refunds.get(requestNo);
        if (first != null) {
            return first;
        }
        Trade t = trades.values().stream().filter(x -> ("2026" + Math.abs(x.outTradeNo.hashCode())).equals(biz.path("trade_no").asText())
                || x.outTradeNo.equals(biz.path("out_trade_no").asText())).findFirst().orElse(null);
        if (t == null || !t.status.equals("TRADE_SUCCESS")) {
            return failure("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }
        BigDecimal asked = new BigDecimal(biz.path("refund_amount").asText("0"));
        BigDecimal left = new BigDecimal(t.amount).subtract(t.refunded);
        if (asked.signum() <= 0 || asked.compareTo(left) > 0) {
            return failure("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
        }
        t.refunded = t.refunded.add(asked);
        ObjectNode r = trade(t, "10000", "Success").put("refund_fee", t.refunded.toPlainString()).put("fund_change", "Y");
        refunds.put(requestNo, r);
        return r;
    }

    private Trade put(String outTradeNo, JsonNode biz, char behaviour, String status) {
        Trade t = new Trade(outTradeNo, biz.path("total_amount").asText(), behaviour, status);
        trades.put(outTradeNo, t);
        return t;
    }

    private static ObjectNode trade(Trade t, String code, String msg) {
        return JSON.createObjectNode().put("code", code).put("msg", msg).put("out_trade_no", t.outTradeNo)
                .put("trade_no", "2026" + Math.abs(t.outTradeNo.hashCode())).put("total_amount", t.amount);
    }

    private static ObjectNode failure(String subCode, String subMsg) {
        return JSON.createObjectNode().put("code", "40004").put("msg", "Business Failed").put("sub_code", subCode).put("sub_msg", subMsg);
    }

    /** RSA2 over every parameter but {@code sign}, sorted, {@code k=v} joined by {@code &}, empty values left out. */
    private boolean verified(Map<String, String> p) throws GeneralSecurityException {
        String sign = p.get("sign");
        if (sign == null || !"RSA2".equals(p.get("sign_type"))) {
            return false;
        }
        String content = p.entrySet().stream().filter(e -> !e.getKey().equals("sign") && e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(appKey);
        s.update(content.getBytes(StandardCharsets.UTF_8));
        try {
            return s.verify(Base64.getDecoder().decode(sign));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The answer's node as exact JSON text, and the RSA2 signature over that text, as Alipay returns them. */
    private void answer(HttpExchange x, String node, ObjectNode response) throws IOException, GeneralSecurityException {
        String inner = JSON.writeValueAsString(response);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(alipayKeys.getPrivate());
        s.update(inner.getBytes(StandardCharsets.UTF_8));
        String body = "{\"" + node + "\":" + inner + ",\"sign\":\"" + Base64.getEncoder().encodeToString(s.sign()) + "\"}";
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "text/html;charset=utf-8");
        x.sendResponseHeaders(200, b.length);
        x.getResponseBody().write(b);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
