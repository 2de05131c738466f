package io.facecard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecard.adapters.outbound.biometrics.PgVectorFaceTemplates;
import io.facecard.it.Multipart;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Benchmark 2: POST /api/v1/identify end to end over HTTP against a running platform, with a
 * tenant gallery of real enrolled faces (London set, first photo) topped up with synthetic
 * templates (face-like by default, {@code -Dbench.synthetic=uniform} for uniform random), at 1 and 4 concurrent clients. Probes: the London second photos (must MATCH their
 * member, or CONFIRM) and the Canada impostors (must not MATCH). Prints p50/p95/p99 and the decisions per probe kind.
 *
 * <pre>FACECARD_DB_PASSWORD=... ./mvnw -q -pl adapters-in exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.facecard.bench.IdentifyLoadBenchmark -Dbench.url=http://127.0.0.1:9080 \
 *   -Dbench.operatorPassword=... -Dbench.gallery=100000</pre>
 * {@code -Dbench.slug=<tenant>} measures an earlier run's gallery again; {@code -Dbench.frames=3} sends bursts.
 */
public final class IdentifyLoadBenchmark {
    static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1 as tills speak it: one connection per till in flight (the default, HTTP/2 over
    // cleartext, would multiplex every till over one connection).
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    static String base;
    /** -Dbench.frames=3 sends each probe as a multipart burst of that many frames. */
    static final int FRAMES = Integer.getInteger("bench.frames", 1);

    public static void main(String[] args) throws Exception {
        base = System.getProperty("bench.url", "http://127.0.0.1:9080");
        int gallery = Integer.getInteger("bench.gallery", 100_000);
        int seconds = Integer.getInteger("bench.seconds", 30);
        Path eval = Path.of(System.getProperty("faces.eval", "../../shared/faces-eval"));
        String reuse = System.getProperty("bench.slug");
        if (reuse != null) {
            // Measure again against a gallery an earlier run built (after autovacuum has analysed it).
            String token = post("/api/v1/auth/token", null, "application/json", JSON.writeValueAsBytes(
                    Map.of("tenant", reuse, "username", "admin", "password", "benchmark-password"))).path("access_token").asText();
            List<byte[]> genuine = new ArrayList<>();
            try (Stream<Path> dirs = Files.list(eval.resolve("london_cc_by"))) {
                for (Path person : dirs.filter(Files::isDirectory).sorted().toList()) {
                    genuine.add(Files.readAllBytes(person.resolve("2.jpg")));
                }
            }
            for (int clients : new int[] {1, 4}) {
                run(token, clients, seconds, genuine, impostors(eval));
            }
            return;
        }
        String operator = post("/api/v1/auth/token", null, "application/json",
                JSON.writeValueAsBytes(Map.of("username", "operator", "password", System.getProperty("bench.operatorPassword")))).path("access_token").asText();
        String slug = "bench-" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode tenant = post("/api/v1/tenants", operator, "application/json", JSON.writeValueAsBytes(Map.of("name", "Bench", "slug", slug,
                "currency", "EUR", "timezone", "UTC", "admin", Map.of("username", "admin", "password", "benchmark-password"))));
        String admin = post("/api/v1/auth/token", null, "application/json", JSON.writeValueAsBytes(
                Map.of("tenant", slug, "username", "admin", "password", "benchmark-password"))).path("access_token").asText();
        // Four clients flat out are past a tenant's default share (50 calls/s): the operator lifts it, as for the checkout benchmark.
        send("PATCH", "/api/v1/tenants/" + tenant.path("id").asText(), operator, "application/json", JSON.writeValueAsBytes(
                Map.of("limits", Map.of("requestsPerSecond", 10_000, "burst", 20_000, "faceConcurrency", 64))));

        List<Path> people;
        try (Stream<Path> dirs = Files.list(eval.resolve("london_cc_by"))) {
            people = dirs.filter(Files::isDirectory).sorted().toList();
        }
        List<byte[]> genuine = new ArrayList<>();
        int enrolled = 0;
        for (Path person : people) {
            // A phone, so an unsure answer is a CONFIRM (a member without one is sent to the card).
            JsonNode m = post("/api/v1/members", admin, "application/json", JSON.writeValueAsBytes(Map.of("name", person.getFileName().toString(),
                    "phone", String.format("+4915190%06d", people.indexOf(person)))));
            String id = m.path("id").asText();
            post("/api/v1/members/" + id + "/consents", admin, "application/json", JSON.writeValueAsBytes(Map.of(
                    "purpose", "BIOMETRIC_IDENTIFICATION", "granted", true, "policyVersion", "bench", "source", "STAFF")));
            JsonNode face = post("/api/v1/members/" + id + "/faces", admin, "image/jpeg", Files.readAllBytes(person.resolve("1.jpg")));
            if (face.has("faceId")) {
                enrolled++;
                genuine.add(Files.readAllBytes(person.resolve("2.jpg")));
            }
        }
        List<byte[]> impostors = impostors(eval);
        long t0 = System.nanoTime();
        String tenantId = tenant.path("id").asText();
        try (Connection c = DriverManager.getConnection(System.getProperty("bench.db", "jdbc:postgresql://127.0.0.1:5432/facecard"),
                "facecard", System.getenv("FACECARD_DB_PASSWORD")); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("select set_config('app.tenant_id', '" + tenantId + "', true)");
            int synthetic = Math.max(0, gallery - enrolled);
            if (System.getProperty("bench.synthetic", "faces").equals("uniform")) {
                s.execute("insert into face_template (tenant_id, id, member_id, embedding, quality, created_at) "
                        + "select '" + tenantId + "', gen_random_uuid(), gen_random_uuid(), "
                        + "(select array_agg(random() - 0.5)::vector(512) from generate_series(1, 512) d where g > 0), 1, now() "
                        + "from generate_series(1, " + synthetic + ") g");
            } else {
                // Templates with the real ones' statistics (see FaceLikeGallery): uniform random vectors
                // make the HNSW search needlessly slow (8.7 against about 4 ms at ef_search 100).
                FaceLikeGallery faces = FaceLikeGallery.fit(eval);
                SplittableRandom random = new SplittableRandom(20261124L);
                try (PreparedStatement insert = c.prepareStatement("insert into face_template (tenant_id, id, member_id, embedding, quality, created_at) "
                        + "values (cast(? as uuid), gen_random_uuid(), gen_random_uuid(), cast(? as vector), 1, now())")) {
                    for (int i = 1; i <= synthetic; i++) {
                        insert.setString(1, tenantId);
                        insert.setString(2, PgVectorFaceTemplates.literal(faces.template(random)));
                        insert.addBatch();
                        if (i % 500 == 0 || i == synthetic) {
                            insert.executeBatch();
                        }
                    }
                }
            }
            c.commit();
            c.setAutoCommit(true);
            s.execute("analyze face_template"); // as autovacuum would, before measuring
        }
        System.out.printf("gallery of tenant %s (-Dbench.slug=%s measures it again): %d real enrolled + %d synthetic templates (inserted and indexed in %.0f s)%n",
                slug, slug, enrolled, gallery - enrolled, (System.nanoTime() - t0) / 1e9);
        for (int clients : new int[] {1, 4}) {
            run(admin, clients, seconds, genuine, impostors);
        }
    }

    static List<byte[]> impostors(Path eval) throws IOException {
        List<byte[]> impostors = new ArrayList<>();
        try (Stream<Path> files = Files.walk(eval.resolve("impostors_canada_cc_by"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".jpg")).sorted().toList()) {
                impostors.add(Files.readAllBytes(p));
            }
        }
        return impostors;
    }

    static void run(String token, int clients, int seconds, List<byte[]> genuine, List<byte[]> impostors) throws Exception {
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        // Per probe kind, the decisions: a genuine CONFIRM is a step-up, not a miss; a stranger's MATCH is the failure.
        Map<String, AtomicInteger> decisions = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int offset = c;
            pool.submit(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    boolean isGenuine = i % 2 == 0;
                    byte[] photo = isGenuine ? genuine.get((i / 2) % genuine.size()) : impostors.get((i / 2) % impostors.size());
                    long t = System.nanoTime();
                    try {
                        JsonNode r = FRAMES == 1 ? post("/api/v1/identify", token, "image/jpeg", photo) : burst(token, photo);
                        latencies.add((System.nanoTime() - t) / 1e6);
                        decisions.computeIfAbsent((isGenuine ? "genuine " : "stranger ") + r.path("decision").asText(),
                                k -> new AtomicInteger()).incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    i += clients;
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        List<Double> ms = new ArrayList<>(latencies);
        Collections.sort(ms);
        System.out.printf("%d client(s), %d s: %d calls (%.1f/s), p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; decisions %s, errors %d%n",
                clients, seconds, ms.size(), ms.size() / (double) seconds, ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.95)),
                ms.get((int) (ms.size() * 0.99)), new TreeMap<>(decisions), errors.get());
    }

    /** A till's burst: the probe as every frame (what a burst costs; fusing copies gives the same probe). */
    static JsonNode burst(String token, byte[] photo) throws Exception {
        byte[][] frames = new byte[FRAMES][];
        Arrays.fill(frames, photo);
        Multipart m = Multipart.of(frames);
        return post("/api/v1/identify", token, m.contentType(), m.body());
    }

    static JsonNode post(String path, String token, String type, byte[] body) throws Exception {
        return send("POST", path, token, type, body);
    }

    static JsonNode send(String method, String path, String token, String type, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 500) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
