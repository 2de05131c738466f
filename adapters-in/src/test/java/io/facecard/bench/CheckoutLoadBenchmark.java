package io.facecard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Issue 4's load driver: N tills each run full checkouts (open → identify by card → redeem →
 * complete) against a running platform, then every balance is checked against the answers the
 * tills received and against the member's ledger. {@code -Dbench.pay=WECHAT_PAY|ALIPAY} pays each
 * checkout by face-pay through the sandbox's fakes first (a CNY tenant; {@code -Dbench.providerMs}
 * sets the fakes' latency, default 50, through {@code -Dbench.sandbox}, default http://127.0.0.1:9099);
 * the default, CARD, is paid outside the platform.
 *
 * <pre>./mvnw -q -pl adapters-in exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.facecard.bench.CheckoutLoadBenchmark -Dbench.url=http://127.0.0.1:9080 \
 *   -Dbench.operatorPassword=$(cat /var/lib/facecard/operator-password) -Dbench.tills=32 -Dbench.seconds=60</pre>
 */
public final class CheckoutLoadBenchmark {
    static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1 as tills speak it: one connection per till in flight (the default, HTTP/2 over
    // cleartext, would multiplex every till over one connection).
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    static final String[] CALLS = {"open", "identify", "redeem", "pay", "complete"};
    /** CARD (paid outside the platform), or a face-pay rail charged through the sandbox's fakes. */
    static final String PAY = System.getProperty("bench.pay", "CARD");
    static final long START_POINTS = 1_000_000;
    static String base;

    record Member(String id, String card) {}

    record TillResult(List<long[]> latencies, long[] errors, long completed, Map<String, Long> deltas) {}

    public static void main(String[] args) throws Exception {
        base = System.getProperty("bench.url", "http://127.0.0.1:9080");
        int tills = Integer.getInteger("bench.tills", 32);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int warmup = Integer.getInteger("bench.warmup", 10);
        int memberCount = Integer.getInteger("bench.members", 400);
        String operator = token(Map.of("username", "operator", "password", System.getProperty("bench.operatorPassword",
                "integration-tests-operator")));
        boolean facePay = !PAY.equals("CARD");
        if (facePay) {
            sandboxLatency(Integer.getInteger("bench.providerMs", 50));
        }
        Store shop = store(operator, "bench-co-", tills, memberCount, facePay ? "CNY" : "EUR");
        if (Boolean.getBoolean("bench.bound")) {
            bindTelegram(shop);
        }
        if (Boolean.getBoolean("bench.offers")) {
            offerToAll(shop);
        }
        String slug = shop.slug();
        String admin = shop.admin();
        List<String> keys = shop.keys();
        List<Member> members = shop.members();
        System.out.printf("tenant %s: %d tills, %d members, paid by %s; warm-up %d s, then %d s measured%n", slug, tills, memberCount,
                PAY, warmup, seconds);
        List<TillResult> warm = drive(keys, members, warmup);
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<TillResult> results = drive(keys, members, seconds);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long driverCpu = os.getProcessCpuTime() - cpu0;
        report(results, elapsed, tills);
        long calls = results.stream().mapToLong(r -> r.latencies().stream().mapToLong(l -> l.length).sum()).sum();
        System.out.printf("driver: %.0f ms of CPU in the measured run, %.3f ms per call (it shares the platform's cores)%n",
                driverCpu / 1e6, driverCpu / 1e6 / Math.max(1, calls));
        List<TillResult> all = new ArrayList<>(warm);
        all.addAll(results);
        verify(admin, members, all);
    }

    /**
     * Every member bound to the sandbox's Telegram bot, so each checkout queues a receipt that the
     * dispatcher sends ({@code -Dbench.bound=true}; against a run without, it prices the receipt
     * notice). The fake's rate limits are switched off, so the dispatcher sends every receipt at once.
     */
    static void bindTelegram(Store shop) throws Exception {
        call("PUT", "/api/v1/messenger-accounts/TELEGRAM", shop.admin(), null, Map.of("sandbox", true));
        String control = System.getProperty("bench.sandbox", "http://127.0.0.1:9099");
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(control + "/telegram-limits?on=false"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        long chat = 700_000_000L + (long) (Math.random() * 1_000_000);
        for (Member m : shop.members()) {
            String token = call("POST", "/api/v1/members/" + m.id() + "/channels/TELEGRAM/binding", shop.admin(), null, Map.of())
                    .path("token").asText();
            call("POST", "/api/v1/sandbox/telegram/start", shop.admin(), null, Map.of("token", token, "chatId", Long.toString(chat++)));
        }
        System.out.printf("%d members bound to Telegram: every checkout queues and sends a receipt%n", shop.members().size());
    }

    /** A tenant with a store and no tills or members, for benchmarks that write their population into the database themselves. */
    static Store emptyTenant(String prefix) throws Exception {
        base = System.getProperty("bench.url", "http://127.0.0.1:9080");
        String operator = token(Map.of("username", "operator", "password", System.getProperty("bench.operatorPassword",
                "integration-tests-operator")));
        return store(operator, prefix, 0, 0);
    }

    /**
     * A campaign with a points offer to every member ({@code -Dbench.offers=true}): each identify's
     * quote then finds and prices one offer; against a run without, it prices the lookup.
     */
    static void offerToAll(Store shop) throws Exception {
        JsonNode c = call("POST", "/api/v1/campaigns", shop.admin(), null, Map.of("name", "Bench offer", "channel", "PREFERRED",
                "holdoutShare", 0, "condition", Map.of("property", "memberSince", "operator", "greaterThan", "value", "2000-01-01"),
                "message", Map.of("", "An offer waits for you at the till"), "offer", Map.of("kind", "BONUS_POINTS", "title", "20 points",
                        "value", 20)));
        String id = c.path("id").asText();
        call("POST", "/api/v1/campaigns/" + id + "/start", shop.admin(), null, null);
        for (int i = 0; i < 120 && !call("GET", "/api/v1/campaigns/" + id, shop.admin(), null, null).path("status").asText()
                .equals("COMPLETED"); i++) {
            Thread.sleep(500);
        }
        System.out.printf("every member has an offer waiting: each identify lists and prices it%n");
    }

    /** A tenant with a loyalty program, one store, {@code tills} POS keys and members with cards and points. */
    record Store(String slug, String admin, List<String> keys, List<Member> members) {}

    static Store store(String operator, String prefix, int tills, int memberCount) throws Exception {
        return store(operator, prefix, tills, memberCount, "EUR");
    }

    static Store store(String operator, String prefix, int tills, int memberCount, String currency) throws Exception {
        String slug = prefix + UUID.randomUUID().toString().substring(0, 6);
        String tenantId = call("POST", "/api/v1/tenants", operator, null, Map.of("name", "Checkout bench", "slug", slug, "currency", currency,
                "timezone", currency.equals("CNY") ? "Asia/Shanghai" : "Europe/Berlin", "admin", Map.of("username", "admin", "password",
                        "benchmark-password"))).path("id").asText();
        unlimited(operator, tenantId);
        String admin = token(Map.of("tenant", slug, "username", "admin", "password", "benchmark-password"));
        call("PUT", "/api/v1/loyalty/program", admin, null, Map.of("pointsPerCurrencyUnit", 1, "pointValue", 0.01,
                "maxRedeemShare", 0.5, "categoryMultipliers", Map.of("coffee", 2)));
        if (currency.equals("CNY")) {
            for (String rail : List.of("WECHAT_PAY", "ALIPAY")) {
                call("PUT", "/api/v1/payment-providers/" + rail, admin, null, Map.of("sandbox", true));
            }
        }
        String store = call("POST", "/api/v1/stores", admin, null, Map.of("name", "Bench store", "code", "B1")).path("id").asText();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < tills; i++) {
            keys.add(call("POST", "/api/v1/stores/" + store + "/terminals", admin, null, Map.of("kind", "POS", "name", "Till " + i))
                    .path("apiKey").asText());
        }
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            String card = "BC" + i + "-" + slug;
            String id = call("POST", "/api/v1/members", admin, null, Map.of("name", "Bench " + i, "cardNumber", card)).path("id").asText();
            call("POST", "/api/v1/members/" + id + "/adjustments", admin, UUID.randomUUID().toString(),
                    Map.of("points", START_POINTS, "reason", "benchmark"));
            members.add(new Member(id, card));
        }
        return new Store(slug, admin, keys, members);
    }

    /**
     * The set-up registers members as fast as it can and the tills run flat out, both far past a tenant's default
     * share: the benchmark tenant gets the most the platform allows (limits are the operator's to set).
     */
    static void unlimited(String operator, String tenantId) throws Exception {
        call("PATCH", "/api/v1/tenants/" + tenantId, operator, null,
                Map.of("limits", Map.of("requestsPerSecond", 10_000, "burst", 20_000, "faceConcurrency", 64)));
    }

    static List<TillResult> drive(List<String> keys, List<Member> members, int seconds) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(keys.size());
        List<Future<TillResult>> futures = new ArrayList<>();
        for (String key : keys) {
            futures.add(pool.submit(() -> till(key, members, until)));
        }
        List<TillResult> out = new ArrayList<>();
        for (Future<TillResult> f : futures) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }

    /** One till: checkouts back to back until the time is up. */
    static TillResult till(String key, List<Member> members, long until) {
        List<long[]> latencies = new ArrayList<>();
        for (int i = 0; i < CALLS.length; i++) {
            latencies.add(new long[1 << 16]);
        }
        int[] counts = new int[CALLS.length];
        long[] errors = new long[CALLS.length];
        long completed = 0;
        Map<String, Long> deltas = new HashMap<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Calls calls = new Calls(new TillConnection(URI.create(base)), key, latencies, counts, errors);
        long pace = Long.getLong("bench.paceMs", 0) * 1_000_000L;
        long next = System.nanoTime();
        while (System.nanoTime() < until) {
            if (pace > 0) {
                // A paced till starts a checkout every bench.paceMs (a busy store, not a flat-out load test).
                next += pace;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            Member m = members.get(random.nextInt(members.size()));
            Object basket = Map.of("currency", PAY.equals("CARD") ? "EUR" : "CNY", "lines", List.of(
                    Map.of("sku", "LATTE", "name", "Latte", "category", "coffee", "quantity", 2, "unitPrice", new BigDecimal("3.50")),
                    Map.of("sku", "BREAD", "name", "Bread", "quantity", 1, "unitPrice", new BigDecimal("4.20")),
                    Map.of("sku", "MILK", "name", "Milk", "quantity", 3, "unitPrice", new BigDecimal("1.10"))));
            JsonNode opened = calls.timed(0, "POST", "/api/v1/checkouts", basket);
            if (opened == null) {
                continue;
            }
            String id = opened.path("id").asText();
            if (calls.timed(1, "POST", "/api/v1/checkouts/" + id + "/identify", Map.of("cardNumber", m.card())) == null
                    || calls.timed(2, "POST", "/api/v1/checkouts/" + id + "/redemption", Map.of("points", 50)) == null) {
                continue;
            }
            // 7.00 + 4.20 + 3.30 = 14.50, less 50 points at 0.01 = 14.00 to pay
            Map<String, Object> payment = Map.of("method", "CARD", "amount", new BigDecimal("14.00"));
            if (!PAY.equals("CARD")) {
                // The fakes' code that pays at once: 130000000000000001 (WeChat Pay), fp…1 (Alipay).
                String code = PAY.equals("WECHAT_PAY") ? "130000000000000001"
                        : "fp" + UUID.randomUUID().toString().replace("-", "") + "ab1";
                JsonNode paid = calls.timed(3, "POST", "/api/v1/checkouts/" + id + "/payments", Map.of("method", PAY, "amount",
                        new BigDecimal("14.00"), "authCode", code));
                if (paid == null || !paid.path("status").asText().equals("SUCCEEDED")) {
                    continue;
                }
                payment = Map.of("method", PAY, "amount", new BigDecimal("14.00"), "paymentId", paid.path("paymentId").asText());
            }
            JsonNode done = calls.timed(4, "POST", "/api/v1/checkouts/" + id + "/complete",
                    Map.of("receiptNumber", "R-" + id, "payments", List.of(payment)));
            if (done != null) {
                completed++;
                deltas.merge(m.id(), done.path("pointsEarned").asLong() - done.path("pointsRedeemed").asLong(), Long::sum);
                deltas.merge(m.id() + "#receipts", 1L, Long::sum);
            }
        }
        calls.connection().close();
        List<long[]> trimmed = new ArrayList<>();
        for (int i = 0; i < CALLS.length; i++) {
            trimmed.add(Arrays.copyOf(latencies.get(i), counts[i]));
        }
        return new TillResult(trimmed, errors, completed, deltas);
    }

    /**
     * How long a till goes on retrying a call that failed on the way (a dropped connection, 502/503/504 from the balancer,
     * 409 while the first attempt is still in flight), with the same Idempotency-Key, as a real till does; 0: never.
     */
    static final long RETRY_FOR_NANOS = Long.getLong("bench.retrySeconds", 0) * 1_000_000_000L;
    static final java.util.concurrent.atomic.AtomicLong RETRIES = new java.util.concurrent.atomic.AtomicLong();

    /** A till's timed calls, each with a fresh Idempotency-Key (kept across its retries), over the till's own connection. */
    record Calls(TillConnection connection, String key, List<long[]> latencies, int[] counts, long[] errors) {
        JsonNode timed(int call, String method, String path, Object body) {
            long t = System.nanoTime();
            String idempotencyKey = UUID.randomUUID().toString();
            long giveUp = t + RETRY_FOR_NANOS;
            for (long pause = 50; ; pause = Math.min(1000, pause * 2)) {
                String failure;
                try {
                    TillConnection.Response r = connection.send(method, path, key, idempotencyKey, JSON.writeValueAsBytes(body));
                    if (r.status() < 300) {
                        long took = System.nanoTime() - t;
                        if (counts[call] < latencies.get(call).length) {
                            latencies.get(call)[counts[call]++] = took;
                        }
                        return JSON.readTree(r.body());
                    }
                    failure = r.status() + " " + r.body();
                    if (r.status() != 409 && r.status() != 502 && r.status() != 503 && r.status() != 504) {
                        return failed(call, failure);
                    }
                } catch (Exception e) {
                    connection.close();
                    failure = e.toString();
                }
                if (System.nanoTime() + pause * 1_000_000L > giveUp) {
                    return failed(call, failure);
                }
                RETRIES.incrementAndGet();
                LockSupport.parkNanos(pause * 1_000_000L);
            }
        }

        private JsonNode failed(int call, String why) {
            errors[call]++;
            if (errors[call] <= 3) {
                System.out.println(CALLS[call] + " → " + why);
            }
            return null;
        }
    }

    static void report(List<TillResult> results, double elapsed, int tills) {
        long completed = results.stream().mapToLong(TillResult::completed).sum();
        System.out.printf("%d tills: %d checkouts completed in %.1f s = %.1f checkouts/s (%.0f calls/s)%n", tills, completed, elapsed,
                completed / elapsed, completed * (PAY.equals("CARD") ? 4 : 5) / elapsed);
        for (int c = 0; c < CALLS.length; c++) {
            final int call = c;
            long[] all = results.stream().flatMapToLong(r -> Arrays.stream(r.latencies().get(call))).sorted().toArray();
            long errors = results.stream().mapToLong(r -> r.errors()[call]).sum();
            System.out.printf("  %-9s n=%6d errors=%d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", CALLS[c], all.length,
                    errors, pct(all, 50), pct(all, 95), pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        }
    }

    /** Every balance must equal the start plus what the tills were told, and the sum of the member's ledger. */
    static void verify(String admin, List<Member> members, List<TillResult> results) throws Exception {
        Map<String, Long> expected = new HashMap<>();
        results.forEach(r -> r.deltas().forEach((k, v) -> expected.merge(k, v, Long::sum)));
        int wrong = 0;
        long receipts = 0;
        for (Member m : members) {
            JsonNode b = call("GET", "/api/v1/members/" + m.id() + "/balance", admin, null, null);
            long ledger = 0;
            long earnedEntries = 0;
            for (int offset = 0; ; offset += 200) {
                JsonNode page = call("GET", "/api/v1/members/" + m.id() + "/ledger?limit=200&offset=" + offset, admin, null, null)
                        .path("items");
                for (JsonNode e : page) {
                    ledger += e.path("points").asLong();
                    earnedEntries += e.path("kind").asText().equals("EARNED") ? 1 : 0;
                }
                if (page.size() < 200) {
                    break;
                }
            }
            long available = b.path("available").asLong();
            long held = b.path("held").asLong();
            long want = START_POINTS + expected.getOrDefault(m.id(), 0L);
            long answeredReceipts = expected.getOrDefault(m.id() + "#receipts", 0L);
            receipts += earnedEntries;
            if (available != want || available + held + b.path("pending").asLong() != ledger || held != 0
                    || earnedEntries != answeredReceipts) {
                wrong++;
                System.out.printf("  member %s: available %d (tills were told %d) held %d ledger %d receipts %d (told %d)%n",
                        m.id(), available, want, held, ledger, earnedEntries, answeredReceipts);
            }
        }
        System.out.printf("consistency: %d receipts credited; balance = start + what the tills were told = sum of ledger, "
                + "one receipt per completed checkout: %d of %d members%n", receipts, members.size() - wrong, members.size());
    }

    /** The sandbox's fakes answer after this many milliseconds (a provider's latency). */
    static void sandboxLatency(int millis) throws Exception {
        String control = System.getProperty("bench.sandbox", "http://127.0.0.1:9099");
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(control + "/latency?ms=" + millis))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("sandbox latency: " + r.body());
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    static String token(Object credentials) throws Exception {
        return call("POST", "/api/v1/auth/token", null, null, credentials).path("access_token").asText();
    }

    static JsonNode call(String method, String path, String token, String key, Object body) throws Exception {
        HttpResponse<String> r = send(method, path, token, key, body);
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static HttpResponse<String> send(String method, String path, String token, String key, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
