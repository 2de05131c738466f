package io.facecard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.facecard.application.crm.WebhookSignature;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * CRM webhook throughput and lag against a running platform: a receiver in this process (verifying every signature)
 * is registered for {@code points.changed}; {@code -Dbench.threads} writers give each of {@code -Dbench.members}
 * members {@code -Dbench.perMember} adjustments of 1, 2, 3 … points, in order. Prints the events' rate, the
 * deliveries' rate at the receiver, the lag from event to delivery (p50/p95/max), duplicates, order violations per
 * member, failed signatures, and each replica's share ({@code facecard_worker_items{worker="crm-webhooks"}} from
 * {@code -Dbench.replicaPorts}, e.g. 9081,9082).
 *
 * <pre>cd adapters-in && ../mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.bench.WebhookBenchmark \
 *   -Dbench.operatorPassword=$(cat /var/lib/facecard/operator-password)</pre>
 */
public final class WebhookBenchmark {
    record Got(String id, String member, long points, Instant occurred, long receivedNanos, Instant received, boolean verified) {}

    private WebhookBenchmark() {}

    public static void main(String[] args) throws Exception {
        // As in the sandbox: without it the JDK's server waits ~40 ms per answer for the client's delayed ACK, and the
        // receiver, not the sender, is what gets measured.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        CheckoutLoadBenchmark.base = System.getProperty("bench.url", "http://127.0.0.1:9080");
        int memberCount = Integer.getInteger("bench.members", 100);
        int perMember = Integer.getInteger("bench.perMember", 20);
        int threads = Integer.getInteger("bench.threads", 8);
        String operator = CheckoutLoadBenchmark.token(Map.of("username", "operator", "password",
                System.getProperty("bench.operatorPassword", "integration-tests-operator")));
        var shop = CheckoutLoadBenchmark.store(operator, "bench-hooks-", 0, memberCount);
        Map<String, Long> before = workerItems();

        List<Got> got = Collections.synchronizedList(new ArrayList<>());
        String[] secret = new String[1];
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/hooks", x -> {
            try (x) {
                long now = System.nanoTime();
                String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String id = x.getRequestHeaders().getFirst("webhook-id");
                Instant at = Instant.ofEpochSecond(Long.parseLong(x.getRequestHeaders().getFirst("webhook-timestamp")));
                boolean ok = WebhookSignature.verifies(secret[0], id, at, body, x.getRequestHeaders().getFirst("webhook-signature"));
                JsonNode p = CheckoutLoadBenchmark.JSON.readTree(body);
                got.add(new Got(id, p.path("data").path("memberId").asText(), p.path("data").path("points").asLong(),
                        Instant.parse(p.path("timestamp").asText()), now, Instant.now(), ok));
                x.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        JsonNode endpoint = CheckoutLoadBenchmark.call("POST", "/api/v1/crm/webhooks", shop.admin(), null, Map.of("url",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks", "events", List.of("points.changed")));
        secret[0] = endpoint.path("secret").asText();
        System.out.printf("tenant %s: %d members x %d adjustments from %d writers through %s%n", shop.slug(), memberCount, perMember,
                threads, CheckoutLoadBenchmark.base);

        long t0 = System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int from = w;
            work.add(writers.submit(() -> {
                for (int round = 1; round <= perMember; round++) {
                    for (int m = from; m < shop.members().size(); m += threads) {
                        CheckoutLoadBenchmark.call("POST", "/api/v1/members/" + shop.members().get(m).id() + "/adjustments", shop.admin(),
                                UUID.randomUUID().toString(), Map.of("points", round, "reason", "webhook benchmark"));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double writeSeconds = (System.nanoTime() - t0) / 1e9;
        int expected = memberCount * perMember;
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (got.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(2000); // anything sent twice arrives too
        writers.shutdown();
        receiver.stop(0);

        List<Got> all;
        synchronized (got) {
            all = new ArrayList<>(got);
        }
        Set<String> ids = new HashSet<>();
        long duplicates = all.stream().filter(g -> !ids.add(g.id())).count();
        long unverified = all.stream().filter(g -> !g.verified()).count();
        Map<String, Long> last = new HashMap<>();
        long outOfOrder = 0;
        for (Got g : all) {
            long prev = last.getOrDefault(g.member(), 0L);
            if (g.points() <= prev) {
                outOfOrder++;
            }
            last.put(g.member(), Math.max(prev, g.points()));
        }
        long[] lag = all.stream().mapToLong(g -> java.time.Duration.between(g.occurred(), g.received()).toNanos()).sorted().toArray();
        double deliverySeconds = (all.get(all.size() - 1).receivedNanos() - t0) / 1e9;
        System.out.printf("events: %d written in %.1f s (%.0f/s); deliveries: %d received (%d distinct) in %.1f s from the first write: %.0f/s%n",
                expected, writeSeconds, expected / writeSeconds, all.size(), ids.size(), deliverySeconds, all.size() / deliverySeconds);
        System.out.printf("lag event -> delivery: p50 %.0f ms, p95 %.0f ms, max %d ms; duplicates %d; out of order per member %d; "
                + "signatures failing %d%n", CheckoutLoadBenchmark.pct(lag, 50), CheckoutLoadBenchmark.pct(lag, 95), lag[lag.length - 1] / 1_000_000,
                duplicates, outOfOrder, unverified);
        Map<String, Long> after = workerItems();
        after.forEach((port, n) -> System.out.printf("replica on :%s sent %d of them%n", port, n - before.getOrDefault(port, 0L)));

        // The sender's own pace: a backlog written straight into the queue (as after a receiver's outage), drained by
        // every replica's sender at once.
        int backlog = Integer.getInteger("bench.backlog", 5000);
        if (backlog > 0) {
            drain(shop.slug(), endpoint.path("endpoint").path("id").asText(), secret[0], backlog);
        }
    }

    /** Queues {@code n} deliveries in one statement and measures how fast the replicas' senders post them. */
    static void drain(String slug, String endpoint, String secret, int n) throws Exception {
        List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/hooks", x -> {
            try (x) {
                x.getRequestBody().readAllBytes();
                arrivals.add(System.nanoTime());
                x.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        Map<String, Long> before = workerItems();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(System.getProperty("bench.jdbc",
                "jdbc:postgresql://127.0.0.1:5432/facecard"), "facecard", System.getProperty("bench.dbPassword",
                java.nio.file.Files.readString(java.nio.file.Path.of("/var/lib/facecard/db-password")).strip()));
                java.sql.Statement st = db.createStatement()) {
            String tenant = SegmentBenchmark.tenantOf(db, slug);
            st.execute("select set_config('app.tenant_id', '" + tenant + "', false)");
            st.execute("update crm_endpoint set url = 'http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks' where id = '" + endpoint + "'");
            long t0 = System.nanoTime();
            st.execute("insert into crm_delivery (id, tenant_id, endpoint_id, source_key, type, member_id, order_key, data, occurred_at, created_at, "
                    + "window_start, status, next_at) select g.id, '" + tenant + "', '" + endpoint + "', 'backlog:' || g.id, 'POINTS_CHANGED', null, g.id, "
                    + "'{\"points\": 1}', now(), now(), now(), 'PENDING', now() from (select gen_random_uuid() id from generate_series(1, " + n + ")) g");
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (arrivals.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            double seconds = (arrivals.get(arrivals.size() - 1) - t0) / 1e9;
            System.out.printf("backlog of %d deliveries posted in %.1f s: %.0f deliveries/s%n", arrivals.size(), seconds, arrivals.size() / seconds);
        }
        receiver.stop(0);
        Map<String, Long> after = workerItems();
        after.forEach((port, c) -> System.out.printf("  replica on :%s posted %d of the backlog%n", port, c - before.getOrDefault(port, 0L)));
    }

    /** Every worker's items of every replica in {@code -Dbench.replicaPorts} (default 9081,9082), keyed "port worker". */
    static Map<String, Long> workerItemsAll() {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (String port : System.getProperty("bench.replicaPorts", "9081,9082").split(",")) {
            try {
                String text = CheckoutLoadBenchmark.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + port.strip() + "/metrics?scope=application")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                for (String line : text.split("\n")) {
                    int w = line.indexOf("worker=\"");
                    if (line.startsWith("facecard_worker_items") && w > 0) {
                        String worker = line.substring(w + 8, line.indexOf('"', w + 8));
                        out.put(":" + port.strip() + " " + worker, (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                    }
                }
            } catch (Exception e) {
                out.put(":" + port.strip() + " unreachable", 0L);
            }
        }
        return out;
    }

    /** {@code facecard_worker_items{worker="crm-webhooks"}} of each replica named in {@code -Dbench.replicaPorts}. */
    static Map<String, Long> workerItems() {
        Map<String, Long> out = new HashMap<>();
        for (String port : System.getProperty("bench.replicaPorts", "").split(",")) {
            if (port.isBlank()) {
                continue;
            }
            try {
                String text = CheckoutLoadBenchmark.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + port.strip() + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                for (String line : text.split("\n")) {
                    if (line.startsWith("facecard_worker_items") && line.contains("worker=\"crm-webhooks\"")) {
                        out.put(port.strip(), (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                    }
                }
            } catch (Exception e) {
                out.put(port.strip(), -1L);
            }
        }
        return out;
    }
}
