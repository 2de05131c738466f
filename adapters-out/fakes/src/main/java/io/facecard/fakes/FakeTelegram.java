package io.facecard.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Telegram Bot API on 127.0.0.1: {@code setWebhook} with a secret token, {@code sendMessage}
 * limited as Telegram limits it (about one message a second per chat: 429 with {@code retry_after}),
 * 403 for a chat that blocked the bot, and a user's {@code /start <token>} pushed to the webhook
 * with the {@code X-Telegram-Bot-Api-Secret-Token} header; what it received at {@code /_sandbox/messages?to=chatId}.
 */
public final class FakeTelegram implements AutoCloseable {

    /** @param account the official account's appid (or the bot's id): a sandbox view shows a tenant its own account's only */
    public record Received(String account, String to, String kind, String text, String at) {}

    private record Hook(String url, String secret) {}

    private final HttpServer server;
    private final Map<String, Hook> hooks = new ConcurrentHashMap<>();
    private final Map<String, Long> lastToChat = new ConcurrentHashMap<>();
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong updates = new AtomicLong(1000);
    private volatile boolean limits = true;
    private volatile long latencyMillis;

    public FakeTelegram(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Turns the rate limit off (a benchmark of the dispatcher without the channel's limits). */
    public void limits(boolean on) {
        limits = on;
    }

    /** Every sendMessage answers this long after the message was delivered (a crash test's window). */
    public void latency(long millis) {
        latencyMillis = millis;
    }

    /** The user blocks the bot: every message to the chat is a 403 from now on. */
    public void block(String chatId) {
        blocked.add(chatId);
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
            JsonNode in = FakeHttp.body(x);
            if (path.startsWith("/bot")) {
                int slash = path.indexOf('/', 4);
                String token = slash < 0 ? "" : path.substring(4, slash);
                String method = slash < 0 ? "" : path.substring(slash + 1);
                // Every sandbox tenant has a bot of its own: a token of the sandbox's shape is one of them.
                if (!token.matches("[0-9]{5,16}:AAFacecardSandbox[A-Za-z0-9_-]{13,23}")) {
                    FakeHttp.send(x, 401, Map.of("ok", false, "error_code", 401, "description", "Unauthorized"));
                    return;
                }
                switch (method) {
                    case "setWebhook" -> {
                        hooks.put(token, new Hook(in.path("url").asText(), in.path("secret_token").asText()));
                        FakeHttp.send(x, 200, Map.of("ok", true, "result", true, "description", "Webhook was set"));
                    }
                    case "sendMessage" -> sendMessage(x, botId(token), in);
                    default -> FakeHttp.send(x, 404, Map.of("ok", false, "error_code", 404, "description", "Not Found"));
                }
                return;
            }
            switch (path) {
                case "/_sandbox/start" -> start(x, in);
                case "/_sandbox/block" -> {
                    blocked.add(in.path("chatId").asText());
                    FakeHttp.send(x, 200, Map.of("ok", true));
                }
                case "/_sandbox/messages" -> {
                    Map<String, String> q = FakeHttp.query(x);
                    FakeHttp.send(x, 200, messages(q.get("account"), q.get("to")));
                }
                default -> FakeHttp.send(x, 404, Map.of("ok", false));
            }
        }
    }

    /** A bot's public id: the part of its token before the colon (the rest is its secret). */
    public static String botId(String token) {
        return token.substring(0, token.indexOf(':'));
    }

    private void sendMessage(HttpExchange x, String bot, JsonNode in) throws IOException {
        String chat = in.path("chat_id").asText();
        if (blocked.contains(chat)) {
            FakeHttp.send(x, 403, Map.of("ok", false, "error_code", 403, "description", "Forbidden: bot was blocked by the user"));
            return;
        }
        long now = System.currentTimeMillis();
        Long last = lastToChat.put(chat, now);
        if (limits && last != null && now - last < 1000) {
            lastToChat.put(chat, last);
            FakeHttp.send(x, 429, Map.of("ok", false, "error_code", 429, "description", "Too Many Requests: retry after 1",
                    "parameters", Map.of("retry_after", 1)));
            return;
        }
        received.add(new Received(bot, chat, "TEXT", in.path("text").asText(), Instant.now().toString()));
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis); // delivered; the answer is on its way
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        FakeHttp.send(x, 200, Map.of("ok", true, "result", Map.of("message_id", updates.incrementAndGet(), "chat", Map.of("id", chat))));
    }

    /** A user opens the deep link: Telegram sends {@code /start <token>} to the bot's webhook. */
    private void start(HttpExchange x, JsonNode in) throws IOException {
        Hook h = hooks.get(in.path("botToken").asText());
        if (h == null) {
            FakeHttp.send(x, 409, Map.of("error", "the bot has no webhook"));
            return;
        }
        String chat = in.path("chatId").asText();
        blocked.remove(chat);
        String update = FakeHttp.JSON.writeValueAsString(Map.of("update_id", updates.incrementAndGet(), "message", Map.of("message_id", 1,
                "date", Instant.now().getEpochSecond(), "chat", Map.of("id", Long.parseLong(chat), "type", "private"),
                "from", Map.of("id", Long.parseLong(chat), "is_bot", false), "text", "/start " + in.path("token").asText())));
        int status = FakeHttp.post(h.url(), "application/json", update, Map.of("X-Telegram-Bot-Api-Secret-Token", h.secret()));
        FakeHttp.send(x, 200, Map.of("callbackStatus", status));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
