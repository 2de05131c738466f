package io.facecard.fakes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's API as the platform uses it, on 127.0.0.1: off-session PaymentIntents confirmed at
 * once, their retrieval, and refunds. It checks the secret key, remembers each
 * {@code Idempotency-Key} for 24 h as Stripe does (the same key and parameters answer the first
 * answer again, other parameters are an {@code idempotency_error}), records the connected account
 * ({@code Stripe-Account}) and answers Stripe's test payment methods as Stripe does:
 * {@code pm_card_visa} succeeds, {@code pm_card_chargeDeclined} is {@code card_declined},
 * {@code pm_card_authenticationRequired} is {@code authentication_required} (off-session, the
 * customer is not there to authenticate). {@link #requests()} shows what it received.
 */
public final class FakeStripe implements AutoCloseable {
    public static final String SECRET_KEY = "sk_test_facecard_sandbox";
    /** The signing secret of the platform's webhook endpoint, as Stripe's dashboard shows one. */
    public static final String WEBHOOK_SECRET = "whsec_facecard_sandbox";

    /** What the fake received: method, path, connected account, form parameters. */
    public record Received(String method, String path, String account, Map<String, String> params, String at) {
        public Received(String method, String path, String account, Map<String, String> params) {
            this(method, path, account, params, Instant.now().toString());
        }
    }

    private record Answer(int status, String body, Map<String, String> params) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, Answer> byIdempotencyKey = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> intents = new ConcurrentHashMap<>();
    private final Map<String, Long> refunded = new ConcurrentHashMap<>();
    /** Customer id to the payment methods attached to it. */
    private final Map<String, Set<String>> customers = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong(new SecureRandom().nextInt(1_000_000));
    private volatile long latencyMillis;

    public FakeStripe(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/v1/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every answer waits this long after the work is done (a provider's latency, for benchmarks and crash tests). */
    public void latency(long millis) {
        latencyMillis = millis;
    }

    public List<Received> requests() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String auth = x.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.equals("Bearer " + SECRET_KEY)) {
                send(x, 401, error("invalid_request_error", null, "Invalid API Key provided"));
                return;
            }
            Map<String, String> params = FormBody.parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String path = x.getRequestURI().getPath();
            received.add(new Received(x.getRequestMethod(), path, x.getRequestHeaders().getFirst("Stripe-Account"), params));
            String key = x.getRequestHeaders().getFirst("Idempotency-Key");
            if (key != null && x.getRequestMethod().equals("POST")) {
                Answer first = byIdempotencyKey.get(key);
                if (first != null) {
                    if (!first.params().equals(params)) {
                        send(x, 400, error("idempotency_error", null,
                                "Keys for idempotent requests can only be used with the same parameters they were first used with."));
                    } else {
                        x.getResponseHeaders().add("Idempotent-Replayed", "true");
                        send(x, first.status(), first.body());
                    }
                    return;
                }
            }
            if (key != null && x.getRequestMethod().equals("POST") && !inFlight.add(key)) {
                // Stripe refuses a key whose first request is still running: it is never run twice.
                send(x, 409, error("idempotency_error", "idempotency_key_in_use",
                        "There is currently another in-progress request using this Idempotent Key."));
                return;
            }
            try {
                Answer a = route(x.getRequestMethod(), path, params);
                if (key != null && x.getRequestMethod().equals("POST")) {
                    byIdempotencyKey.putIfAbsent(key, a);
                }
                if (latencyMillis > 0) {
                    Thread.sleep(latencyMillis); // done at Stripe; the answer is on its way
                }
                send(x, a.status(), a.body());
            } finally {
                if (key != null) {
                    inFlight.remove(key);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Answer route(String method, String path, Map<String, String> p) throws IOException {
        if (method.equals("POST") && path.equals("/v1/payment_intents")) {
            return createIntent(p);
        }
        if (method.equals("GET") && path.startsWith("/v1/payment_intents/")) {
            ObjectNode pi = intents.get(path.substring("/v1/payment_intents/".length()));
            return pi == null ? new Answer(404, error("invalid_request_error", "resource_missing", "No such payment_intent"), p)
                    : new Answer(200, pi.toString(), p);
        }
        if (method.equals("POST") && path.equals("/v1/refunds")) {
            return refund(p);
        }
        if (method.equals("POST") && path.equals("/v1/customers")) {
            String id = "cus_fake" + ids.incrementAndGet();
            customers.put(id, ConcurrentHashMap.newKeySet());
            return new Answer(200, JSON.createObjectNode().put("id", id).put("object", "customer").put("livemode", false).toString(), p);
        }
        if (method.equals("DELETE") && path.startsWith("/v1/customers/")) {
            String id = path.substring("/v1/customers/".length());
            return customers.remove(id) == null ? new Answer(404, error("invalid_request_error", "resource_missing", "No such customer"), p)
                    : new Answer(200, JSON.createObjectNode().put("id", id).put("object", "customer").put("deleted", true).toString(), p);
        }
        if (method.equals("POST") && path.equals("/v1/setup_intents")) {
            return setup(p);
        }
        if (path.startsWith("/v1/payment_methods/")) {
            String rest = path.substring("/v1/payment_methods/".length());
            if (method.equals("POST") && rest.endsWith("/detach")) {
                String pm = rest.substring(0, rest.length() - "/detach".length());
                customers.values().forEach(set -> set.remove(pm));
                return new Answer(200, card(pm).toString(), p);
            }
            if (method.equals("GET") && CARDS.containsKey(rest)) {
                return new Answer(200, card(rest).toString(), p);
            }
        }
        return new Answer(404, error("invalid_request_error", null, "Unrecognized request URL (" + method + ": " + path + ")"), p);
    }

    /** Stripe's test payment methods this fake knows, with the last four digits of their card numbers. */
    private static final Map<String, String> CARDS = Map.of("pm_card_visa", "4242", "pm_card_chargeDeclined", "0341",
            "pm_card_authenticationRequired", "3184");

    private static ObjectNode card(String pm) {
        ObjectNode m = JSON.createObjectNode().put("id", pm).put("object", "payment_method").put("type", "card");
        m.set("card", JSON.createObjectNode().put("brand", "visa").put("last4", CARDS.getOrDefault(pm, "0000")));
        return m;
    }

    /** A SetupIntent confirmed at once: the member's app has done whatever authentication saving the card needed. */
    private Answer setup(Map<String, String> p) {
        String customer = p.get("customer");
        String pm = p.getOrDefault("payment_method", "");
        if (customer == null || !customers.containsKey(customer)) {
            return new Answer(400, error("invalid_request_error", "resource_missing", "No such customer: '" + customer + "'"), p);
        }
        if (!CARDS.containsKey(pm)) {
            return new Answer(400, error("invalid_request_error", "resource_missing", "No such PaymentMethod: '" + pm + "'"), p);
        }
        customers.get(customer).add(pm);
        ObjectNode si = JSON.createObjectNode().put("id", "seti_fake" + ids.incrementAndGet()).put("object", "setup_intent")
                .put("customer", customer).put("payment_method", pm).put("usage", p.getOrDefault("usage", "off_session"))
                .put("status", "succeeded").put("livemode", false);
        return new Answer(200, si.toString(), p);
    }

    private synchronized Answer createIntent(Map<String, String> p) {
        long amount;
        try {
            amount = Long.parseLong(p.getOrDefault("amount", ""));
        } catch (NumberFormatException e) {
            return new Answer(400, error("invalid_request_error", "parameter_missing", "Missing required param: amount."), p);
        }
        String method = p.getOrDefault("payment_method", "");
        String customer = p.get("customer");
        if (customer != null && customers.containsKey(customer) && !customers.get(customer).contains(method)) {
            return new Answer(400, error("invalid_request_error", "resource_missing",
                    "The provided PaymentMethod was previously used without being attached to a Customer or was detached."), p);
        }
        ObjectNode pi = JSON.createObjectNode();
        String id = "pi_fake" + ids.incrementAndGet();
        pi.put("id", id).put("object", "payment_intent").put("amount", amount).put("currency", p.getOrDefault("currency", "eur"))
                .put("customer", p.get("customer")).put("payment_method", method).put("livemode", false)
                .put("created", System.currentTimeMillis() / 1000);
        switch (method) {
            case "pm_card_visa" -> {
                pi.put("status", "succeeded").put("amount_received", amount).put("latest_charge", "ch_fake" + ids.incrementAndGet());
                intents.put(id, pi);
                return new Answer(200, pi.toString(), p);
            }
            case "pm_card_chargeDeclined", "pm_card_authenticationRequired" -> {
                boolean auth = method.equals("pm_card_authenticationRequired");
                pi.put("status", "requires_payment_method");
                intents.put(id, pi);
                ObjectNode err = (ObjectNode) JSON.createObjectNode().set("error", JSON.createObjectNode()
                        .put("type", "card_error").put("code", auth ? "authentication_required" : "card_declined")
                        .put("decline_code", auth ? "authentication_required" : "generic_decline")
                        .put("message", auth ? "This payment requires authentication." : "Your card was declined.")
                        .set("payment_intent", pi));
                return new Answer(402, err.toString(), p);
            }
            default -> {
                return new Answer(400, error("invalid_request_error", "resource_missing", "No such PaymentMethod: '" + method + "'"), p);
            }
        }
    }

    private synchronized Answer refund(Map<String, String> p) {
        ObjectNode pi = intents.get(p.getOrDefault("payment_intent", ""));
        if (pi == null || !"succeeded".equals(pi.path("status").asText())) {
            return new Answer(400, error("invalid_request_error", "charge_not_refundable", "This PaymentIntent has no succeeded charge."), p);
        }
        long amount = p.containsKey("amount") ? Long.parseLong(p.get("amount")) : pi.path("amount").asLong();
        long already = refunded.getOrDefault(pi.path("id").asText(), 0L);
        if (already + amount > pi.path("amount").asLong()) {
            return new Answer(400, error("invalid_request_error", "charge_already_refunded",
                    "Refund amount is greater than the unrefunded amount."), p);
        }
        refunded.put(pi.path("id").asText(), already + amount);
        ObjectNode r = JSON.createObjectNode().put("id", "re_fake" + ids.incrementAndGet()).put("object", "refund")
                .put("amount", amount).put("currency", pi.path("currency").asText()).put("payment_intent", pi.path("id").asText())
                .put("status", "succeeded");
        return new Answer(200, r.toString(), p);
    }

    /** A webhook delivery as Stripe signs it: the raw body and its {@code Stripe-Signature} header. */
    public record Delivery(String body, String signature) {}

    /** An event of {@code type} about {@code object}, signed at {@code epochSeconds} with {@code secret} (v1 = HMAC-SHA256 of "t.body"). */
    public static Delivery event(String type, String objectJson, long epochSeconds, String secret) {
        String body = "{\"id\":\"evt_fake" + System.nanoTime() + "\",\"object\":\"event\",\"api_version\":\"2024-06-20\","
                + "\"created\":" + epochSeconds + ",\"type\":\"" + type + "\",\"livemode\":false,\"data\":{\"object\":" + objectJson + "}}";
        return signed(body, epochSeconds, secret);
    }

    /** Any body signed as Stripe signs an event (for tests of what a signed but malformed delivery does). */
    public static Delivery signed(String body, long epochSeconds, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String v1 = HexFormat.of().formatHex(mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
            return new Delivery(body, "t=" + epochSeconds + ",v1=" + v1);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String error(String type, String code, String message) {
        ObjectNode e = JSON.createObjectNode().put("type", type).put("message", message);
        if (code != null) {
            e.put("code", code);
        }
        return JSON.createObjectNode().set("error", e).toString();
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.getResponseHeaders().add("Request-Id", "req_fake" + System.nanoTime());
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
