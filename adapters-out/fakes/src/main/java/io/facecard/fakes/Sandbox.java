package io.facecard.fakes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Every fake provider beside the platform, as one process (or, in the integration tests, one
 * object): it generates the keys a provider would issue, starts the fakes on 127.0.0.1 and writes
 * what the platform needs to talk to them to {@code sandbox.properties} in its directory, which
 * the platform reads (and re-reads when it changes). A control port shows what each fake received
 * ({@code GET /received}) and sets their latency ({@code POST /latency?ms=50}).
 *
 * <p>{@code java -jar facecard-sandbox.jar DIR [CONTROL_PORT]}
 */
public final class Sandbox implements AutoCloseable {
    public static final String FILE = "sandbox.properties";
    /** The sandbox platform app at Alipay. */
    public static final String ALIPAY_APP_ID = "2021000000000001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());

    static {
        // The JDK's HTTP server writes headers and body apart; with Nagle's algorithm on, each answer waited ~40 ms for
        // the client's delayed ACK. Set before the first server is made (its configuration is read once).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final FakeStripe stripe;
    private final FakeAlipay alipay;
    private final FakeWechatPay wechat;
    private final FakeWechatOfficialAccount wechatOa;
    private final FakeTelegram telegram;
    private final FakeCrm crm;
    private final HttpServer control;
    private final Path file;

    private Sandbox(Path dir, int controlPort) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyPair app = FakeAlipay.newKeys();
        stripe = new FakeStripe(0);
        alipay = new FakeAlipay(0, Base64.getEncoder().encodeToString(app.getPublic().getEncoded()), 12_000);
        KeyPair merchant = FakeAlipay.newKeys();
        String v2Key = randomKey();
        String apiV3Key = randomKey();
        wechat = new FakeWechatPay(0, merchant.getPublic(), v2Key, apiV3Key, 12_000);
        wechatOa = new FakeWechatOfficialAccount(0);
        telegram = new FakeTelegram(0);
        crm = new FakeCrm(0);
        control = HttpServer.create(new InetSocketAddress("127.0.0.1", controlPort), 16);
        control.createContext("/received", this::received);
        control.createContext("/latency", this::latency);
        control.createContext("/crm/", crm::control);
        control.createContext("/telegram-limits", x -> {
            try (x) {
                boolean on = !"false".equals(FormBody.parse(x.getRequestURI().getQuery() == null ? "" : x.getRequestURI().getQuery()).get("on"));
                telegram.limits(on);
                send(x, 200, "{\"telegramLimits\":" + on + "}");
            }
        });
        control.start();
        Properties p = new Properties();
        // The fakes answer in milliseconds: the "times out" codes need not keep a till waiting a live rail's 8 s.
        p.setProperty("read-timeout-ms", "2000");
        p.setProperty("stripe.api-base", stripe.url());
        p.setProperty("stripe.secret-key", FakeStripe.SECRET_KEY);
        p.setProperty("stripe.webhook-secret", FakeStripe.WEBHOOK_SECRET);
        p.setProperty("alipay.gateway", alipay.gatewayUrl());
        p.setProperty("alipay.app-id", ALIPAY_APP_ID);
        p.setProperty("alipay.app-private-key", Base64.getEncoder().encodeToString(app.getPrivate().getEncoded()));
        p.setProperty("alipay.public-key", alipay.alipayPublicKey());
        p.setProperty("wechat.api-base", wechat.url());
        p.setProperty("wechat.face-authinfo-url", wechat.url() + "/face/get_wxpayface_authinfo");
        p.setProperty("wechat.sp-mchid", FakeWechatPay.SP_MCHID);
        p.setProperty("wechat.sp-appid", FakeWechatPay.SP_APPID);
        p.setProperty("wechat.merchant-serial", FakeWechatPay.MERCHANT_SERIAL);
        p.setProperty("wechat.merchant-private-key", Base64.getEncoder().encodeToString(merchant.getPrivate().getEncoded()));
        p.setProperty("wechat.public-key-id", FakeWechatPay.PUBLIC_KEY_ID);
        p.setProperty("wechat.public-key", wechat.publicKey());
        p.setProperty("wechat.apiv3-key", apiV3Key);
        p.setProperty("wechat.v2-key", v2Key);
        p.setProperty("wechat-oa.api-base", wechatOa.url());
        p.setProperty("telegram.api-base", telegram.url());
        p.setProperty("crm.receiver", crm.url());
        p.setProperty("control", "http://127.0.0.1:" + control.getAddress().getPort());
        file = dir.resolve(FILE);
        Path tmp = dir.resolve(FILE + ".tmp");
        try (var out = Files.newOutputStream(tmp)) {
            p.store(out, "written by the Facecard sandbox: the local fakes of the payment providers and their generated keys");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** @param controlPort 0 for any free port */
    public static Sandbox start(Path dir, int controlPort) throws IOException, GeneralSecurityException {
        return new Sandbox(dir, controlPort);
    }

    public FakeStripe stripe() {
        return stripe;
    }

    public FakeAlipay alipay() {
        return alipay;
    }

    public FakeWechatPay wechat() {
        return wechat;
    }

    public FakeWechatOfficialAccount wechatOfficialAccount() {
        return wechatOa;
    }

    public FakeTelegram telegram() {
        return telegram;
    }

    public FakeCrm crm() {
        return crm;
    }

    /** 32 characters, as WeChat Pay's APIv3 and v2 keys are. */
    private static String randomKey() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public String controlUrl() {
        return "http://127.0.0.1:" + control.getAddress().getPort();
    }

    public void latency(long millis) {
        stripe.latency(millis);
        alipay.latency(millis);
        wechat.latency(millis);
    }

    private void received(HttpExchange x) throws IOException {
        try (x) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("stripe", stripe.requests());
            all.put("alipay", alipay.requests());
            all.put("wechat", wechat.requests());
            all.put("wechatOfficialAccount", wechatOa.messages(null));
            all.put("telegram", telegram.messages(null));
            all.put("crm", crm.summary());
            send(x, 200, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        }
    }

    private void latency(HttpExchange x) throws IOException {
        try (x) {
            String q = x.getRequestURI().getQuery();
            Map<String, String> p = FormBody.parse(q == null ? "" : q);
            long ms;
            try {
                ms = Long.parseLong(p.getOrDefault("ms", ""));
            } catch (NumberFormatException e) {
                send(x, 400, "{\"error\":\"POST /latency?ms=<milliseconds>\"}");
                return;
            }
            latency(Math.max(0, Math.min(ms, 60_000)));
            send(x, 200, "{\"latencyMs\":" + ms + "}");
        }
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
    }

    @Override
    public void close() {
        control.stop(0);
        stripe.close();
        alipay.close();
        wechat.close();
        wechatOa.close();
        telegram.close();
        crm.close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the platform then keeps its last configuration until the next sandbox overwrites it
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            LOG.severe("usage: java -jar facecard-sandbox.jar DIR [CONTROL_PORT]");
            System.exit(2);
        }
        Sandbox s = start(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 0);
        Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        LOG.info("Facecard sandbox: fakes of Stripe " + s.stripe.url() + ", Alipay " + s.alipay.gatewayUrl() + ", WeChat Pay "
                + s.wechat.url() + ", WeChat official accounts " + s.wechatOa.url() + ", Telegram " + s.telegram.url() + ", CRM receiver " + s.crm.url() + "; control "
                + s.controlUrl() + "; configuration " + s.file);
        Thread.currentThread().join();
    }
}
