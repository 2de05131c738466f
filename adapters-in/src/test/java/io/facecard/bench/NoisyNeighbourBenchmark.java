package io.facecard.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Issue 11's noisy neighbour: a quiet tenant's till identifies at a steady pace, first alone, then
 * while a noisy tenant's till sends identify calls at 4× the rate its share allows. Prints the
 * quiet till's p50/p95/p99 in both phases and what the noisy one was answered (429s expected,
 * no 5xx). Both tenants enrol the London set's first photos; probes are the second photos.
 *
 * <pre>./mvnw -q -pl adapters-in exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.bench.NoisyNeighbourBenchmark \
 *   -Dbench.url=http://127.0.0.1:9080 -Dbench.operatorPassword=... [-Dbench.share=5 -Dbench.quietRate=5 -Dbench.seconds=60]</pre>
 */
public final class NoisyNeighbourBenchmark {
    public static void main(String[] args) throws Exception {
        String base = System.getProperty("bench.url", "http://127.0.0.1:9080");
        CheckoutLoadBenchmark.base = base;
        int share = Integer.getInteger("bench.share", 5);
        int quietRate = Integer.getInteger("bench.quietRate", 5);
        int seconds = Integer.getInteger("bench.seconds", 60);
        Path eval = Path.of(System.getProperty("faces.eval", "../../shared/faces-eval"));
        String operator = CheckoutLoadBenchmark.token(Map.of("username", "operator", "password",
                System.getProperty("bench.operatorPassword", "integration-tests-operator")));
        Tenant quiet = tenant(operator, "bench-quiet-", eval);
        Tenant noisy = tenant(operator, "bench-noisy-", eval);
        CheckoutLoadBenchmark.call("PATCH", "/api/v1/tenants/" + noisy.id(), operator, null,
                Map.of("limits", Map.of("requestsPerSecond", share, "burst", share, "faceConcurrency", 2)));
        List<byte[]> probes = probes(eval);
        System.out.printf("quiet till: %d identify/s; noisy till: share %d/s (burst %d, 2 photos at once), sending %d/s; %d s each phase%n",
                quietRate, share, share, 4 * share, seconds);

        pace(base, quiet.key(), probes, quietRate, 10, null); // warm-up
        long[] solo = pace(base, quiet.key(), probes, quietRate, seconds, null);
        Map<Integer, AtomicLong> noisyAnswers = new ConcurrentHashMap<>();
        ExecutorService flood = Executors.newSingleThreadExecutor();
        var flooding = flood.submit(() -> pace(base, noisy.key(), probes, 4 * share, seconds + 5, noisyAnswers));
        Thread.sleep(2_000);
        long[] beside = pace(base, quiet.key(), probes, quietRate, seconds, null);
        flooding.get();
        flood.shutdown();
        System.out.printf("quiet alone:        n=%d p50 %.1f ms p95 %.1f ms p99 %.1f ms%n", solo.length, pct(solo, 50), pct(solo, 95), pct(solo, 99));
        System.out.printf("quiet beside noisy: n=%d p50 %.1f ms p95 %.1f ms p99 %.1f ms  (p95 %+.0f %%)%n", beside.length, pct(beside, 50),
                pct(beside, 95), pct(beside, 99), 100 * (pct(beside, 95) / pct(solo, 95) - 1));
        System.out.println("noisy answered: " + new TreeMap<>(noisyAnswers));
    }

    record Tenant(String id, String key) {}

    static Tenant tenant(String operator, String prefix, Path eval) throws Exception {
        String slug = prefix + UUID.randomUUID().toString().substring(0, 6);
        String id = CheckoutLoadBenchmark.call("POST", "/api/v1/tenants", operator, null, Map.of("name", "Noise bench", "slug", slug,
                "currency", "EUR", "timezone", "Europe/Berlin", "admin", Map.of("username", "admin", "password", "benchmark-password")))
                .path("id").asText();
        CheckoutLoadBenchmark.unlimited(operator, id); // for the set-up; the noisy tenant's share is set afterwards
        String admin = CheckoutLoadBenchmark.token(Map.of("tenant", slug, "username", "admin", "password", "benchmark-password"));
        String store = CheckoutLoadBenchmark.call("POST", "/api/v1/stores", admin, null, Map.of("name", "Store", "code", "N1"))
                .path("id").asText();
        String key = CheckoutLoadBenchmark.call("POST", "/api/v1/stores/" + store + "/terminals", admin, null,
                Map.of("kind", "POS", "name", "Till")).path("apiKey").asText();
        try (Stream<Path> people = Files.list(eval.resolve("london_cc_by"))) {
            for (Path person : people.filter(Files::isDirectory).sorted().toList()) {
                String member = CheckoutLoadBenchmark.call("POST", "/api/v1/members", admin, null, Map.of("name", person.getFileName().toString()))
                        .path("id").asText();
                CheckoutLoadBenchmark.call("POST", "/api/v1/members/" + member + "/consents", admin, null, Map.of(
                        "purpose", "BIOMETRIC_IDENTIFICATION", "granted", true, "policyVersion", "v1", "source", "POS"));
                send(base(), "/api/v1/members/" + member + "/faces", admin, Files.readAllBytes(person.resolve("1.jpg")));
            }
        }
        return new Tenant(id, key);
    }

    static List<byte[]> probes(Path eval) throws Exception {
        List<byte[]> probes = new ArrayList<>();
        try (Stream<Path> people = Files.list(eval.resolve("london_cc_by"))) {
            for (Path person : people.filter(Files::isDirectory).sorted().toList()) {
                probes.add(Files.readAllBytes(person.resolve("2.jpg")));
            }
        }
        return probes;
    }

    /**
     * Identify calls at a fixed rate (open loop: each on its own schedule, late answers do not slow the
     * sender), for the given seconds; returns the latencies of the 200 answers, counts every status in {@code answers}.
     */
    static long[] pace(String base, String key, List<byte[]> probes, int perSecond, int seconds, Map<Integer, AtomicLong> answers)
            throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(Math.max(2, perSecond));
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        long total = (long) perSecond * seconds;
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            byte[] probe = probes.get((int) (i % probes.size()));
            senders.submit(() -> {
                long t0 = System.nanoTime();
                try {
                    HttpResponse<String> r = send(base, "/api/v1/identify", key, probe);
                    if (answers != null) {
                        answers.computeIfAbsent(r.statusCode(), s -> new AtomicLong()).incrementAndGet();
                    }
                    if (r.statusCode() == 200) {
                        latencies.add(System.nanoTime() - t0);
                    }
                } catch (Exception e) {
                    if (answers != null) {
                        answers.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
                    }
                }
                return null;
            });
        }
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted;
    }

    static String base() {
        return CheckoutLoadBenchmark.base;
    }

    static HttpResponse<String> send(String base, String path, String token, byte[] jpeg) throws Exception {
        return CheckoutLoadBenchmark.HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static double pct(long[] sorted, int p) {
        return CheckoutLoadBenchmark.pct(sorted, p);
    }
}
