package io.facecard.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WeChat official account platform on 127.0.0.1: access tokens that expire (7200 s on the
 * fake's clock, which {@code /_sandbox/clock} moves), temporary QR codes with a string scene, a
 * phone's scan pushed to the account's callback as the signed {@code subscribe} (non-follower) or
 * {@code SCAN} (follower) event, template messages to followers, customer-service messages only in
 * the windows a user opens (3 within a minute of a scan or follow, 5 within 48 h of a message;
 * otherwise 45015), mass sends to lists of 2 to 10,000 openids (each follower gets at most 4 a month,
 * in Beijing time; a {@code clientmsgid} used before in 24 h answers 45065 with the earlier job),
 * a user's text message pushed signed to the callback (opening the 48 h window), and what it
 * received at {@code /_sandbox/messages?to=openid}.
 */
public final class FakeWechatOfficialAccount implements AutoCloseable {
    public static final String SECRET = "facecardsandboxappsecret00000001";

    /** @param account the official account's appid (or the bot's id): a sandbox view shows a tenant its own account's only */
    public record Received(String account, String to, String kind, String text, String at) {}

    private record Ticket(String appid, String scene, Instant expires) {}

    /** Where the account's pushes go; with an EncodingAESKey they go in safe mode, as the console's setting says. */
    private record Callback(String url, String token, String aesKey, String appid) {}

    /** A customer-service window a user opened: how long it lasts and how many messages it allows. */
    private record Window(Instant opened, Duration length, int allowance) {}

    private record MassJob(long msgId, Instant at) {}

    static final int MASS_PER_MONTH = 4;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final SecureRandom RANDOM = new SecureRandom();
    private final HttpServer server;
    /** access_token → the appid it is of, and when it expires. */
    private final Map<String, Object[]> tokens = new ConcurrentHashMap<>();
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final Map<String, Callback> callbacks = new ConcurrentHashMap<>();
    /** appid:openid → follows; an openid is one official account's (WeChat gives each account its own). */
    private final Map<String, Boolean> followers = new ConcurrentHashMap<>();
    /** openid → the window the user opened last (scan/follow: 1 min, 3 messages; a message: 48 h, 5), and how many went out in it. */
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    /** appid:clientmsgid → the job it started; appid:openid:month → mass messages received that month. */
    private final Map<String, MassJob> massJobs = new ConcurrentHashMap<>();
    private final Map<String, Integer> massReceived = new ConcurrentHashMap<>();
    private final AtomicLong massCalls = new AtomicLong();
    private final Map<String, Integer> windowUse = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private volatile Duration skew = Duration.ZERO;
    private volatile long massLatencyMillis;

    public FakeWechatOfficialAccount(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Instant now() {
        return Instant.now().plus(skew);
    }

    public void advance(long seconds) {
        skew = skew.plusSeconds(seconds);
    }

    public List<Received> messages(String to) {
        return messages(null, to);
    }

    /** What {@code account} sent (every account's when null) to {@code to} (everyone when null), newest first. */
    public List<Received> messages(String account, String to) {
        synchronized (received) {
            List<Received> out = new ArrayList<>(received.stream()
                    .filter(r -> (account == null || r.account().equals(account)) && (to == null || r.to().equals(to))).toList());
            Collections.reverse(out);
            return out;
        }
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            Map<String, String> q = FakeHttp.query(x);
            JsonNode in = FakeHttp.body(x);
            switch (path) {
                case "/cgi-bin/token" -> token(x, q);
                case "/cgi-bin/qrcode/create" -> authorized(x, q, () -> qr(x, q, in));
                case "/cgi-bin/showqrcode" -> showQr(x, q.getOrDefault("ticket", ""));
                case "/cgi-bin/message/template/send" -> authorized(x, q, () -> template(x, appid(q), in));
                case "/cgi-bin/message/custom/send" -> authorized(x, q, () -> custom(x, appid(q), in));
                case "/cgi-bin/message/mass/send" -> authorized(x, q, () -> {
                    Map<String, Object> answer = mass(appid(q), in);
                    hold();
                    FakeHttp.send(x, 200, answer);
                });
                case "/_sandbox/callback" -> {
                    callbacks.put(in.path("appid").asText(), new Callback(in.path("url").asText(), in.path("token").asText(),
                            in.path("aesKey").asText(null), in.path("appid").asText()));
                    FakeHttp.send(x, 200, Map.of("ok", true));
                }
                case "/_sandbox/scan" -> scan(x, in);
                case "/_sandbox/message" -> userMessage(x, in);
                case "/_sandbox/messages" -> FakeHttp.send(x, 200, messages(q.get("account"), q.get("to")));
                case "/_sandbox/clock" -> {
                    advance(in.path("advanceSeconds").asLong());
                    FakeHttp.send(x, 200, Map.of("now", now().toString()));
                }
                default -> FakeHttp.send(x, 404, Map.of("errcode", 40066, "errmsg", "invalid url"));
            }
        }
    }

    private interface Io {
        void run() throws IOException;
    }

    private void authorized(HttpExchange x, Map<String, String> q, Io call) throws IOException {
        Object[] t = tokens.get(q.getOrDefault("access_token", ""));
        Instant expires = t == null ? null : (Instant) t[1];
        if (expires == null) {
            FakeHttp.send(x, 200, Map.of("errcode", 40001, "errmsg", "invalid credential"));
        } else if (!expires.isAfter(now())) {
            FakeHttp.send(x, 200, Map.of("errcode", 42001, "errmsg", "access_token expired"));
        } else {
            call.run();
        }
    }

    private void token(HttpExchange x, Map<String, String> q) throws IOException {
        // Every sandbox tenant has an appid of its own; they share the sandbox's secret.
        if (q.get("appid") == null || !q.get("appid").matches("wx[0-9a-z]{16}") || !SECRET.equals(q.get("secret"))) {
            FakeHttp.send(x, 200, Map.of("errcode", 40125, "errmsg", "invalid appsecret"));
            return;
        }
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String t = "ACCESS" + HexFormat.of().formatHex(b);
        tokens.put(t, new Object[] {q.get("appid"), now().plusSeconds(7200)});
        FakeHttp.send(x, 200, Map.of("access_token", t, "expires_in", 7200));
    }

    private void qr(HttpExchange x, Map<String, String> q, JsonNode in) throws IOException {
        String scene = in.path("action_info").path("scene").path("scene_str").asText();
        int expire = Math.min(in.path("expire_seconds").asInt(60), 2_592_000);
        if (!"QR_STR_SCENE".equals(in.path("action_name").asText()) || scene.isEmpty() || scene.length() > 64) {
            FakeHttp.send(x, 200, Map.of("errcode", 40097, "errmsg", "invalid args"));
            return;
        }
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        String ticket = "gQ" + HexFormat.of().formatHex(b);
        tickets.put(ticket, new Ticket((String) tokens.get(q.get("access_token"))[0], scene, now().plusSeconds(expire)));
        FakeHttp.send(x, 200, Map.of("ticket", ticket, "expire_seconds", expire, "url", "http://weixin.qq.com/q/" + ticket));
    }

    /** WeChat's showqrcode: the ticket's QR code as a PNG (what a phone scans), 404 once the ticket has expired. */
    private void showQr(HttpExchange x, String ticket) throws IOException {
        Ticket t = tickets.get(ticket);
        if (t == null || !t.expires().isAfter(now())) {
            FakeHttp.send(x, 404, Map.of("errcode", 40097, "errmsg", "invalid or expired ticket"));
            return;
        }
        byte[] png = QrImage.png("http://weixin.qq.com/q/" + ticket, 430);
        x.getResponseHeaders().set("Content-Type", "image/png");
        x.sendResponseHeaders(200, png.length);
        x.getResponseBody().write(png);
    }

    /** The account an authorized call's access_token is of. */
    private String appid(Map<String, String> q) {
        return (String) tokens.get(q.get("access_token"))[0];
    }

    private void template(HttpExchange x, String appid, JsonNode in) throws IOException {
        String to = in.path("touser").asText();
        if (!followers.getOrDefault(appid + ":" + to, false)) {
            FakeHttp.send(x, 200, Map.of("errcode", 43004, "errmsg", "require subscribe"));
            return;
        }
        StringBuilder text = new StringBuilder(in.path("template_id").asText()).append(':');
        in.path("data").fields().forEachRemaining(e -> text.append(' ').append(e.getKey()).append('=').append(e.getValue().path("value").asText()));
        received.add(new Received(appid, to, "TEMPLATE", text.toString(), now().toString()));
        FakeHttp.send(x, 200, Map.of("errcode", 0, "errmsg", "ok", "msgid", Math.abs(RANDOM.nextLong())));
    }

    /** Customer-service messages: only inside a window the user opened. */
    private synchronized void custom(HttpExchange x, String appid, JsonNode in) throws IOException {
        String to = in.path("touser").asText();
        String key = appid + ":" + to;
        Window w = windows.get(key);
        int used = windowUse.getOrDefault(key, 0);
        boolean open = w != null && Duration.between(w.opened(), now()).compareTo(w.length()) <= 0 && used < w.allowance();
        if (!followers.getOrDefault(key, false) || !open) {
            FakeHttp.send(x, 200, Map.of("errcode", 45015, "errmsg", "response out of time limit or subscription is canceled"));
            return;
        }
        windowUse.put(key, used + 1);
        received.add(new Received(appid, to, "CUSTOM", in.path("text").path("content").asText(), now().toString()));
        FakeHttp.send(x, 200, Map.of("errcode", 0, "errmsg", "ok"));
    }

    /**
     * A mass send to a list of openids. Followers under their month's four receive it; the others
     * are filtered, as WeChat does, without failing the job. A clientmsgid seen in the last 24 h
     * starts nothing and answers 45065 with the earlier job's msg_id.
     */
    private synchronized Map<String, Object> mass(String appid, JsonNode in) {
        massCalls.incrementAndGet();
        JsonNode list = in.path("touser");
        String client = in.path("clientmsgid").asText("");
        if (client.length() > 64) {
            return Map.of("errcode", 45067, "errmsg", "clientmsgid size out of limit");
        }
        if (!list.isArray() || list.size() < 2 || list.size() > 10_000) {
            return Map.of("errcode", 40130, "errmsg", "invalid openid list size, at least two openid");
        }
        if (!"text".equals(in.path("msgtype").asText()) || in.path("text").path("content").asText().isEmpty()) {
            return Map.of("errcode", 44002, "errmsg", "empty post data");
        }
        MassJob earlier = client.isEmpty() ? null : massJobs.get(appid + ":" + client);
        if (earlier != null && Duration.between(earlier.at(), now()).compareTo(Duration.ofHours(24)) < 0) {
            return Map.of("errcode", 45065, "errmsg", "clientmsgid exist", "msg_id", earlier.msgId());
        }
        long msgId = 1_000_000_000L + RANDOM.nextInt(1_000_000_000);
        if (!client.isEmpty()) {
            massJobs.put(appid + ":" + client, new MassJob(msgId, now()));
        }
        String month = YearMonth.from(now().atZone(BEIJING)).toString();
        for (JsonNode o : list) {
            String to = o.asText();
            String key = appid + ":" + to + ":" + month;
            int had = massReceived.getOrDefault(key, 0);
            if (followers.getOrDefault(appid + ":" + to, false) && had < MASS_PER_MONTH) {
                massReceived.put(key, had + 1);
                received.add(new Received(appid, to, "MASS", in.path("text").path("content").asText(), now().toString()));
            }
        }
        return Map.of("errcode", 0, "errmsg", "send job submission success", "msg_id", msgId, "msg_data_id", msgId + 7);
    }

    /** A mass send's answer waits this long after the job is done (for crash tests: delivered, the answer on its way). */
    public void massLatency(long millis) {
        massLatencyMillis = millis;
    }

    private void hold() {
        if (massLatencyMillis > 0) {
            try {
                Thread.sleep(massLatencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A user follows the account without a QR code (by search): no event is pushed, no window opened. */
    public void follow(String appid, String openid) {
        followers.put(appid + ":" + openid, true);
    }

    /** How many mass-send calls reached the fake (a job sent again under its clientmsgid included). */
    public long massCalls() {
        return massCalls.get();
    }

    /** A follower writes to the account: the signed text message goes to its callback and opens the 48 h window (5 messages). */
    private void userMessage(HttpExchange x, JsonNode in) throws IOException {
        String appid = in.path("appid").asText();
        String openid = in.path("openid").asText();
        Callback cb = callbacks.get(appid);
        if (cb == null || openid.isEmpty() || !followers.getOrDefault(appid + ":" + openid, false)) {
            FakeHttp.send(x, 404, Map.of("error", "that openid does not follow this official account"));
            return;
        }
        long created = now().getEpochSecond();
        String xml = "<xml><ToUserName><![CDATA[gh_facecard]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + created + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
                + in.path("text").asText("hi").replace("]]>", "") + "]]></Content><MsgId>" + Math.abs(RANDOM.nextLong()) + "</MsgId></xml>";
        windows.put(appid + ":" + openid, new Window(now(), Duration.ofHours(48), 5));
        windowUse.put(appid + ":" + openid, 0);
        int status = push(cb, Long.toString(created), xml);
        FakeHttp.send(x, 200, FakeHttp.JSON.createObjectNode().put("event", "text").put("callbackStatus", status));
    }

    /** The user unfollows the account {@code appid}: the signed {@code unsubscribe} event goes to its callback; answers its status. */
    public int unsubscribe(String appid, String openid) {
        Callback cb = callbacks.get(appid);
        followers.put(appid + ":" + openid, false);
        String ts = Long.toString(now().getEpochSecond());
        String xml = "<xml><ToUserName><![CDATA[gh_facecard]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + ts + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[unsubscribe]]></Event></xml>";
        return push(cb, ts, xml);
    }

    /**
     * Signs with the real time (WeChat's servers have no sandbox clock) and, in safe mode, sends only
     * the ciphertext with a msg_signature over it, the openid and encrypt_type in the query as WeChat does.
     */
    private int push(Callback cb, String ts, String xml) {
        String now = Long.toString(Instant.now().getEpochSecond());
        String nonce = Long.toString(Math.abs(RANDOM.nextLong()));
        String query = "?signature=" + sha1(sorted(cb.token(), now, nonce)) + "&timestamp=" + now + "&nonce=" + nonce;
        if (cb.aesKey() == null) {
            return FakeHttp.post(cb.url() + query, "text/xml", xml, Map.of());
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String encrypted = WechatCrypto.seal(cb.aesKey(), cb.appid(), xml, random);
        String openid = xml.replaceAll("(?s).*<FromUserName><!\\[CDATA\\[([^]]*)]]>.*", "$1");
        String body = "<xml><ToUserName><![CDATA[gh_facecard]]></ToUserName><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>";
        return FakeHttp.post(cb.url() + query + "&openid=" + openid + "&encrypt_type=aes&msg_signature="
                + sha1(sorted(cb.token(), now, nonce, encrypted)), "text/xml", body, Map.of());
    }

    private static String sorted(String... parts) {
        String[] p = parts.clone();
        Arrays.sort(p);
        return String.join("", p);
    }

    /** A phone scans the QR: the signed event goes to the account's callback. */
    private void scan(HttpExchange x, JsonNode in) throws IOException {
        Ticket t = tickets.get(in.path("ticket").asText());
        String openid = in.path("openid").asText();
        // The sandbox scans for one tenant's official account: another account's ticket is as unknown as none.
        String account = in.path("appid").asText(null);
        if (t == null || !t.expires().isAfter(now()) || openid.isEmpty() || (account != null && !account.equals(t.appid()))) {
            FakeHttp.send(x, 404, Map.of("error", "no such live ticket"));
            return;
        }
        Callback cb = callbacks.get(t.appid());
        if (cb == null) {
            FakeHttp.send(x, 409, Map.of("error", "the official account has no callback URL"));
            return;
        }
        String follower = t.appid() + ":" + openid;
        boolean follows = followers.getOrDefault(follower, false);
        long created = now().getEpochSecond();
        String event = follows ? "SCAN" : "subscribe";
        String key = follows ? t.scene() : "qrscene_" + t.scene();
        String xml = "<xml><ToUserName><![CDATA[gh_facecard]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + created + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event + "]]></Event>"
                + "<EventKey><![CDATA[" + key + "]]></EventKey><Ticket><![CDATA[" + in.path("ticket").asText() + "]]></Ticket></xml>";
        followers.put(follower, true);
        windows.put(follower, new Window(now(), Duration.ofMinutes(1), 3));
        windowUse.put(follower, 0);
        int status = push(cb, Long.toString(created), xml);
        ObjectNode out = FakeHttp.JSON.createObjectNode().put("event", event).put("callbackStatus", status);
        FakeHttp.send(x, 200, out);
    }

    static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
