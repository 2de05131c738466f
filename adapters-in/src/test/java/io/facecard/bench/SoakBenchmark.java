package io.facecard.bench;

import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Issue 29's soak against the replica mode ({@code FACECARD_REPLICAS=2 bash .ci/platform start}): for
 * {@code -Dbench.minutes} (30) a steady mixed load through the balancer: {@code -Dbench.tills} tills doing checkouts
 * (members bound to Telegram: a receipt notice each), two identify callers at {@code -Dbench.identifyPerSecond}, a
 * campaign to every member each 10 minutes, a 100-row member import each 5 minutes, a CRM endpoint hearing every
 * checkout and points change. Every 30 s each replica is asked for a full GC (jcmd) and then read: heap after GC,
 * threads, file descriptors, resident memory; PostgreSQL's connections are counted. Per minute: checkouts, their p99,
 * identify p99, webhook deliveries. Writes {@code target/soak/soak.csv} and one PNG per measure, and prints the first
 * five minutes against the last five.
 *
 * <pre>cd adapters-in && ../mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.bench.SoakBenchmark \
 *   -Dbench.operatorPassword=$(cat /var/lib/facecard/operator-password) -Dbench.dbPassword=$(cat /var/lib/facecard/db-password)</pre>
 */
public final class SoakBenchmark {
    static final BigDecimal TOTAL = new BigDecimal("14.50");

    private SoakBenchmark() {}

    /** Latencies (µs) and counts per minute of the run, for one kind of call. */
    static final class PerMinute {
        final Map<Integer, List<Long>> micros = new ConcurrentHashMap<>();

        void add(long t0, long startNanos) {
            int minute = (int) ((System.nanoTime() - t0) / 60_000_000_000L);
            micros.computeIfAbsent(minute, m -> Collections.synchronizedList(new ArrayList<>())).add((System.nanoTime() - startNanos) / 1000);
        }

        int count(int minute) {
            return micros.getOrDefault(minute, List.of()).size();
        }

        double p99Ms(int minute) {
            List<Long> l = micros.getOrDefault(minute, List.of());
            long[] sorted;
            synchronized (l) {
                sorted = l.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            return sorted.length == 0 ? Double.NaN : CheckoutLoadBenchmark.pct(sorted, 99) * 1000.0; // pct reads nanos: these are µs
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // the receiver answers at once (see WebhookBenchmark)
        CheckoutLoadBenchmark.base = System.getProperty("bench.url", "http://127.0.0.1:9080");
        int minutes = Integer.getInteger("bench.minutes", 30);
        int tills = Integer.getInteger("bench.tills", 8);
        double identifyPerSecond = Double.parseDouble(System.getProperty("bench.identifyPerSecond", "10"));
        String[] ports = System.getProperty("bench.replicaPorts", "9081,9082").split(",");
        Path out = Path.of(System.getProperty("bench.out", "target/soak"));
        Files.createDirectories(out);
        String operator = CheckoutLoadBenchmark.token(Map.of("username", "operator", "password",
                System.getProperty("bench.operatorPassword", "integration-tests-operator")));
        var shop = CheckoutLoadBenchmark.store(operator, "bench-soak-", tills, Integer.getInteger("bench.members", 200));
        String admin = shop.admin();
        CheckoutLoadBenchmark.bindTelegram(shop);
        for (CheckoutLoadBenchmark.Member m : shop.members()) {
            CheckoutLoadBenchmark.call("POST", "/api/v1/members/" + m.id() + "/consents", admin, null, Map.of("purpose", "MARKETING_PUSH",
                    "granted", true, "policyVersion", "soak", "source", "APP"));
        }
        var local = LocalTime.now(ZoneId.of("Europe/Berlin")).withSecond(0).withNano(0);
        CheckoutLoadBenchmark.call("PATCH", "/api/v1/marketing-settings", admin, null, Map.of("quietFrom", local.plusHours(8).toString(),
                "quietUntil", local.plusHours(9).toString()));

        AtomicLong hooks = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        receiver.createContext("/crm", x -> {
            try (x) {
                x.getRequestBody().readAllBytes();
                hooks.incrementAndGet();
                x.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        CheckoutLoadBenchmark.call("POST", "/api/v1/crm/webhooks", admin, null, Map.of("url", "http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/crm", "events", List.of("points.changed", "checkout.completed")));
        System.out.printf("tenant %s: %d tills, %.0f identify/s, campaigns, imports and webhooks for %d minutes through %s; replicas %s%n",
                shop.slug(), tills, identifyPerSecond, minutes, CheckoutLoadBenchmark.base, String.join(",", ports));

        long t0 = System.nanoTime();
        long end = t0 + minutes * 60_000_000_000L;
        PerMinute checkouts = new PerMinute();
        PerMinute identifies = new PerMinute();
        AtomicLong errors = new AtomicLong();
        List<Thread> load = new ArrayList<>();
        for (String key : shop.keys()) {
            load.add(start("till", () -> tillLoop(key, shop.members(), t0, end, checkouts, errors)));
        }
        for (int i = 0; i < 2; i++) {
            String key = shop.keys().get(i % shop.keys().size());
            load.add(start("identify", () -> identifyLoop(key, shop.members(), identifyPerSecond / 2, t0, end,
                    identifies, errors)));
        }
        load.add(start("campaigns-imports", () -> periodic(admin, t0, end, errors)));

        List<Map<String, Double>> samples = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/facecard"),
                System.getProperty("bench.dbUser", "facecard"), System.getProperty("bench.dbPassword", ""))) {
            while (System.nanoTime() < end) {
                Thread.sleep(30_000);
                samples.add(sample(ports, db, (System.nanoTime() - t0) / 60e9));
            }
        }
        for (Thread t : load) {
            t.join();
        }
        receiver.stop(0);
        report(out, minutes, samples, checkouts, identifies, hooks.get(), errors.get(), ports.length);
    }

    static Thread start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.start();
        return t;
    }

    static void tillLoop(String key, List<CheckoutLoadBenchmark.Member> members, long t0, long end, PerMinute done, AtomicLong errors) {
        while (System.nanoTime() < end) {
            CheckoutLoadBenchmark.Member m = members.get(ThreadLocalRandom.current().nextInt(members.size()));
            long s = System.nanoTime();
            try {
                String id = CheckoutLoadBenchmark.call("POST", "/api/v1/checkouts", key, UUID.randomUUID().toString(), Map.of("currency", "EUR",
                        "lines", List.of(Map.of("sku", "LATTE", "name", "Latte", "category", "coffee", "quantity", 2, "unitPrice",
                                new BigDecimal("3.50")), Map.of("sku", "BREAD", "name", "Bread", "quantity", 1, "unitPrice", new BigDecimal("4.20")),
                                Map.of("sku", "MILK", "name", "Milk", "quantity", 3, "unitPrice", new BigDecimal("1.10"))))).path("id").asText();
                CheckoutLoadBenchmark.call("POST", "/api/v1/checkouts/" + id + "/identify", key, UUID.randomUUID().toString(),
                        Map.of("cardNumber", m.card()));
                CheckoutLoadBenchmark.call("POST", "/api/v1/checkouts/" + id + "/complete", key, UUID.randomUUID().toString(),
                        Map.of("receiptNumber", "S-" + id, "payments", List.of(Map.of("method", "CASH", "amount", TOTAL))));
                done.add(t0, s);
            } catch (Exception e) {
                errors.incrementAndGet();
            }
        }
    }

    static void identifyLoop(String key, List<CheckoutLoadBenchmark.Member> members, double perSecond, long t0, long end, PerMinute done,
            AtomicLong errors) {
        long pace = (long) (1e9 / perSecond);
        long next = System.nanoTime();
        while (System.nanoTime() < end) {
            next += pace;
            long s = System.nanoTime();
            try {
                CheckoutLoadBenchmark.call("POST", "/api/v1/identify", key, null, Map.of("cardNumber",
                        members.get(ThreadLocalRandom.current().nextInt(members.size())).card()));
                done.add(t0, s);
            } catch (Exception e) {
                errors.incrementAndGet();
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
        }
    }

    /** A campaign to every consented member at minutes 1, 11, 21 …; a 100-row import at minutes 3, 8, 13 …. */
    static void periodic(String admin, long t0, long end, AtomicLong errors) {
        int run = 0;
        for (int minute = 1; System.nanoTime() < end; minute++) {
            long at = t0 + minute * 60_000_000_000L;
            while (System.nanoTime() < at) {
                java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
                if (System.nanoTime() >= end) {
                    return;
                }
            }
            try {
                if (minute % 10 == 1) {
                    String id = CheckoutLoadBenchmark.call("POST", "/api/v1/campaigns", admin, null, Map.of("name", "Soak " + minute,
                            "channel", "TELEGRAM", "condition", Map.of("property", "consent.MARKETING_PUSH", "operator", "equals", "value", true),
                            "message", Map.of("", "Hi {name}, soak minute " + minute))).path("id").asText();
                    CheckoutLoadBenchmark.call("POST", "/api/v1/campaigns/" + id + "/start", admin, null, null);
                }
                if (minute % 5 == 3) {
                    StringBuilder csv = new StringBuilder("externalId,name,email,cardNumber\n");
                    run++;
                    for (int i = 0; i < 100; i++) {
                        String n = run + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
                        csv.append("soak-").append(n).append(",Soak Member ").append(n).append(",soak").append(n).append("@example.org,SOAK-")
                                .append(n).append('\n');
                    }
                    HttpResponse<String> r = CheckoutLoadBenchmark.HTTP.send(HttpRequest.newBuilder(URI.create(CheckoutLoadBenchmark.base
                            + "/api/v1/members/import")).header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                            .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 202) {
                        throw new IllegalStateException("import " + r.statusCode() + " " + r.body());
                    }
                }
            } catch (Exception e) {
                errors.incrementAndGet();
                System.out.println("minute " + minute + ": " + e.getMessage());
            }
        }
    }

    /** One sample: per replica heap after a full GC, threads, descriptors, RSS; the database's connections. */
    static Map<String, Double> sample(String[] ports, Connection db, double minute) throws Exception {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("minute", minute);
        for (int i = 0; i < ports.length; i++) {
            String r = "r" + (i + 1);
            var pid = ReplicaKillBenchmark.pidOf("facecard-" + (i + 1));
            if (pid.isEmpty()) {
                continue;
            }
            new ProcessBuilder("jcmd", Long.toString(pid.get()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            String metrics = CheckoutLoadBenchmark.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[i].strip()
                    + "/metrics?scope=base")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            s.put(r + ".heapAfterGcMb", metric(metrics, "memory_usedHeap_bytes") / 1e6);
            s.put(r + ".threads", metric(metrics, "thread_count"));
            try (Stream<Path> fds = Files.list(Path.of("/proc", pid.get().toString(), "fd"))) {
                s.put(r + ".fds", (double) fds.count());
            }
            for (String line : Files.readAllLines(Path.of("/proc", pid.get().toString(), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    s.put(r + ".rssMb", Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1000);
                }
            }
        }
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "select count(*) from pg_stat_activity where datname = current_database()")) {
            rs.next();
            s.put("dbConnections", (double) rs.getLong(1));
        }
        System.out.println("sample " + s);
        return s;
    }

    static double metric(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    static void report(Path out, int minutes, List<Map<String, Double>> samples, PerMinute checkouts, PerMinute identifies, long hooks,
            long errors, int replicas) throws Exception {
        StringBuilder csv = new StringBuilder("minute,checkouts,checkoutP99Ms,identifyP99Ms\n");
        double[] mins = new double[minutes];
        double[] perMinute = new double[minutes];
        double[] p99 = new double[minutes];
        double[] idP99 = new double[minutes];
        for (int m = 0; m < minutes; m++) {
            mins[m] = m + 0.5;
            perMinute[m] = checkouts.count(m);
            p99[m] = checkouts.p99Ms(m);
            idP99[m] = identifies.p99Ms(m);
            csv.append(m).append(',').append(checkouts.count(m)).append(',').append(p99[m]).append(',').append(idP99[m]).append('\n');
        }
        Files.writeString(out.resolve("soak-minutes.csv"), csv);
        StringBuilder sc = new StringBuilder(String.join(",", samples.isEmpty() ? List.of() : samples.get(0).keySet())).append('\n');
        for (Map<String, Double> s : samples) {
            sc.append(String.join(",", s.values().stream().map(v -> String.format("%.2f", v)).toList())).append('\n');
        }
        Files.writeString(out.resolve("soak-samples.csv"), sc);
        SoakCharts.draw(out.resolve("throughput.png"), "Checkouts per minute (all tills)", "per minute", mins, Map.of("checkouts", perMinute));
        Map<String, double[]> lat = new LinkedHashMap<>();
        lat.put("checkout p99 (3 calls)", p99);
        lat.put("identify p99", idP99);
        SoakCharts.draw(out.resolve("latency.png"), "p99 per minute", "ms", mins, lat);
        double[] sampleMinutes = samples.stream().mapToDouble(s -> s.get("minute")).toArray();
        for (String[] chart : new String[][] {{"heapAfterGcMb", "Heap after a full GC", "MB"}, {"threads", "Threads", "threads"},
                {"fds", "Open file descriptors", "descriptors"}, {"rssMb", "Resident memory", "MB"}}) {
            Map<String, double[]> series = new LinkedHashMap<>();
            for (int r = 1; r <= replicas; r++) {
                String k = "r" + r + "." + chart[0];
                series.put("facecard-" + r, samples.stream().mapToDouble(s -> s.getOrDefault(k, Double.NaN)).toArray());
            }
            SoakCharts.draw(out.resolve(chart[0] + ".png"), chart[1] + " per replica", chart[2], sampleMinutes, series);
        }
        SoakCharts.draw(out.resolve("dbConnections.png"), "PostgreSQL connections (all replicas)", "connections", sampleMinutes,
                Map.of("connections", samples.stream().mapToDouble(s -> s.get("dbConnections")).toArray()));

        int window = Math.min(5, minutes / 2);
        System.out.printf("%d minutes; errors %d; webhook deliveries %d%n", minutes, errors, hooks);
        System.out.printf("checkouts/min first %d min %.0f, last %d min %.0f; p99 first %.0f ms, last %.0f ms; identify p99 first %.0f, last %.0f%n",
                window, avg(perMinute, 0, window), window, avg(perMinute, minutes - window, minutes), avg(p99, 0, window),
                avg(p99, minutes - window, minutes), avg(idP99, 0, window), avg(idP99, minutes - window, minutes));
        if (!samples.isEmpty()) {
            Map<String, Double> first = samples.get(Math.min(samples.size() - 1, 2)); // after 1.5 minutes: warmed up
            Map<String, Double> last = samples.get(samples.size() - 1);
            for (String k : last.keySet()) {
                System.out.printf("  %-20s at %4.1f min %9.1f   at %4.1f min %9.1f%n", k, first.get("minute"), first.getOrDefault(k, Double.NaN),
                        last.get("minute"), last.get(k));
            }
        }
        System.out.println("charts and CSV in " + out.toAbsolutePath());
    }

    static double avg(double[] v, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = Math.max(0, from); i < to && i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                sum += v[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
