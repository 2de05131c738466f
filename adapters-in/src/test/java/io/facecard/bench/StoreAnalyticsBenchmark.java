package io.facecard.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Issue 27's load driver, against a running platform: a chain's cameras post face crops (faces-eval photos) while
 * another tenant's tills run checkouts back to back.
 * <ol>
 * <li>the tills alone (their p99 is the reference);</li>
 * <li>cameras flat out (images posted as fast as the platform takes them, a 429 backs off 50 ms): images/s accepted
 * over the phase (the queue is bounded, so this converges to what the pipeline reads) and the tills' p99 beside it;</li>
 * <li>cameras at {@code bench.rate} images/s with a BANNED face shown to a new store's entrance every {@code bench.alertEvery} ms: the latency
 * from posting the capture to the alert arriving on a connected Server-Sent Events stream, and the tills' p99.</li>
 * </ol>
 *
 * <pre>./mvnw -q -pl adapters-in exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.bench.StoreAnalyticsBenchmark \
 *   -Dbench.url=http://127.0.0.1:9080 -Dbench.operatorPassword=... -Dfaces.eval=../../shared/faces-eval \
 *   [-Dbench.tills=4 -Dbench.seconds=60 -Dbench.stores=40 -Dbench.posters=3 -Dbench.rate=1 -Dbench.alertEvery=3000]</pre>
 */
public final class StoreAnalyticsBenchmark {
    record Camera(String store, String key) {}

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("bench.url", "http://127.0.0.1:9080");
        CheckoutLoadBenchmark.base = base;
        int tills = Integer.getInteger("bench.tills", 4);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int storeCount = Integer.getInteger("bench.stores", 40);
        int posters = Integer.getInteger("bench.posters", 3);
        double rate = Double.parseDouble(System.getProperty("bench.rate", "1"));
        int alertEvery = Integer.getInteger("bench.alertEvery", 3000);
        Path eval = Path.of(System.getProperty("faces.eval", "../../shared/faces-eval"));
        String operator = CheckoutLoadBenchmark.token(Map.of("username", "operator", "password",
                System.getProperty("bench.operatorPassword", "integration-tests-operator")));

        CheckoutLoadBenchmark.Store shop = CheckoutLoadBenchmark.store(operator, "bench-tills-", tills, 200);
        CheckoutLoadBenchmark.Store chain = CheckoutLoadBenchmark.store(operator, "bench-cams-", 0, 0);
        List<Camera> cameras = new ArrayList<>();
        for (int i = 0; i < storeCount; i++) {
            String store = CheckoutLoadBenchmark.call("POST", "/api/v1/stores", chain.admin(), null, Map.of("name", "Cam store " + i,
                    "code", "C" + i)).path("id").asText();
            var t = CheckoutLoadBenchmark.call("POST", "/api/v1/stores/" + store + "/terminals", chain.admin(), null,
                    Map.of("kind", "CAMERA", "name", "Entrance"));
            CheckoutLoadBenchmark.call("PUT", "/api/v1/stores/" + store + "/cameras/" + t.path("id").asText(), chain.admin(), null,
                    Map.of("placement", "ENTRANCE"));
            cameras.add(new Camera(store, t.path("apiKey").asText()));
        }
        Path london = eval.resolve("london_cc_by");
        byte[] bannedEntry = Files.readAllBytes(london.resolve("001/1.jpg"));
        byte[] bannedProbe = Files.readAllBytes(london.resolve("001/2.jpg"));
        String list = CheckoutLoadBenchmark.call("POST", "/api/v1/watch-lists", chain.admin(), null, Map.of("name", "Banned", "kind", "BANNED"))
                .path("id").asText();
        CheckoutLoadBenchmark.call("POST", "/api/v1/watch-lists/" + list + "/entries", chain.admin(), null, Map.of("photo",
                Base64.getEncoder().encodeToString(bannedEntry), "label", "bench", "reason", "benchmark"));
        List<String> crops = crops(eval);
        System.out.printf("%d tills of one tenant; %d stores with an entrance camera of another; %d crops to post%n", tills, storeCount,
                crops.size());

        CheckoutLoadBenchmark.drive(shop.keys(), shop.members(), Integer.getInteger("bench.warmup", 45));
        long t0 = System.nanoTime();
        var solo = CheckoutLoadBenchmark.drive(shop.keys(), shop.members(), seconds);
        System.out.println("tills alone:");
        CheckoutLoadBenchmark.report(solo, (System.nanoTime() - t0) / 1e9, tills);

        ExecutorService pool = Executors.newFixedThreadPool(posters + 2);
        long[] alone = flatOut(pool, posters, cameras, crops, seconds);
        sleep(seconds * 1_000L); // what the queue held is read while nothing else runs
        System.out.printf("cameras flat out, nothing else running: %d images accepted (%.1f/s), %d refused with 429%n", alone[0],
                alone[0] / (double) seconds, alone[1]);

        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        for (int i = 0; i < posters; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < until) {
                    Camera c = cameras.get(ThreadLocalRandom.current().nextInt(cameras.size()));
                    int status = post(c, crops.get(ThreadLocalRandom.current().nextInt(crops.size())));
                    if (status == 202) {
                        accepted.incrementAndGet();
                    } else {
                        refused.incrementAndGet();
                        sleep(200);
                    }
                }
                return null;
            });
        }
        t0 = System.nanoTime();
        var flatOut = CheckoutLoadBenchmark.drive(shop.keys(), shop.members(), seconds);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        System.out.printf("cameras flat out: %d images accepted (%.1f/s), %d refused with 429; tills beside them:%n", accepted.get(),
                accepted.get() / elapsed, refused.get());
        CheckoutLoadBenchmark.report(flatOut, elapsed, tills);
        sleep(30_000); // the queue drains

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = new CopyOnWriteArrayList<>();
        var stream = CheckoutLoadBenchmark.HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts/stream"))
                .header("Authorization", "Bearer " + chain.admin()).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(r -> r.body().forEach(line -> {
            if (line.startsWith("data:")) {
                try {
                    String store = CheckoutLoadBenchmark.JSON.readTree(line.substring(5).strip()).path("storeId").asText();
                    Long sent = sentAt.remove(store);
                    if (sent != null) {
                        latencies.add(System.nanoTime() - sent);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }));
        sleep(1_000);
        long paced = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong pacedAccepted = new AtomicLong();
        pool.submit(() -> {
            long next = System.nanoTime();
            while (System.nanoTime() < paced) {
                Camera c = cameras.get(ThreadLocalRandom.current().nextInt(cameras.size()));
                if (post(c, crops.get(ThreadLocalRandom.current().nextInt(crops.size()))) == 202) {
                    pacedAccepted.incrementAndGet();
                }
                next += (long) (1e9 / rate);
                sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            }
            return null;
        });
        pool.submit(() -> {
            for (Camera c : cameras) {
                if (System.nanoTime() > paced) {
                    break;
                }
                sentAt.put(c.store(), System.nanoTime());
                post(c, Base64.getEncoder().encodeToString(bannedProbe));
                sleep(alertEvery);
            }
            return null;
        });
        t0 = System.nanoTime();
        var alerting = CheckoutLoadBenchmark.drive(shop.keys(), shop.members(), seconds);
        elapsed = (System.nanoTime() - t0) / 1e9;
        sleep(5_000);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("cameras at %.1f images/s (%d accepted) with a BANNED face at a new store every %.1f s: %d alerts of %d shown, "
                + "capture to device p50 %.0f ms, p95 %.0f ms, max %.0f ms; tills beside them:%n", rate, pacedAccepted.get(), alertEvery / 1000.0,
                sorted.length,
                sorted.length + sentAt.size(), CheckoutLoadBenchmark.pct(sorted, 50), CheckoutLoadBenchmark.pct(sorted, 95),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        CheckoutLoadBenchmark.report(alerting, elapsed, tills);
        pool.shutdownNow();
        System.exit(0);
    }

    /** Posters flat out for {@code seconds} (a 429 backs off 200 ms); accepted and refused. */
    private static long[] flatOut(ExecutorService pool, int posters, List<Camera> cameras, List<String> crops, int seconds) throws Exception {
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int i = 0; i < posters; i++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < until) {
                    Camera c = cameras.get(ThreadLocalRandom.current().nextInt(cameras.size()));
                    if (post(c, crops.get(ThreadLocalRandom.current().nextInt(crops.size()))) == 202) {
                        accepted.incrementAndGet();
                    } else {
                        refused.incrementAndGet();
                        sleep(200);
                    }
                }
                return null;
            }));
        }
        for (var f : running) {
            f.get();
        }
        return new long[] {accepted.get(), refused.get()};
    }

    private static int post(Camera c, String image) {
        try {
            return CheckoutLoadBenchmark.send("POST", "/api/v1/camera/sightings", c.key(), null,
                    Map.of("capturedAt", Instant.now().toString(), "images", List.of(image))).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Crops as an edge would send them: the London and Canada photos (but person 001, the banned one) and Congress portraits. */
    private static List<String> crops(Path eval) throws Exception {
        List<String> out = new ArrayList<>();
        for (String set : List.of("london_cc_by", "impostors_canada_cc_by", "impostors_congress_pd")) {
            try (Stream<Path> files = Files.walk(eval.resolve(set))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".jpg") && !p.toString().contains("/001/")).sorted().limit(300).toList()) {
                    out.add(Base64.getEncoder().encodeToString(Files.readAllBytes(f)));
                }
            }
        }
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
