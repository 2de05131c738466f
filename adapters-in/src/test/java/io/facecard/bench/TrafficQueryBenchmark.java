package io.facecard.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboards' queries over a year of a 100-store chain: the benchmark onboards a tenant with {@code bench.stores}
 * stores through the API, writes a year of store hours (opening hours 8–21) and {@code bench.visits} member visits a
 * store a day straight into the database (the tenant bound as the platform binds it), then times the traffic report of
 * one store over the year by week, by day and by hour, over a month by day and over a day by hour.
 *
 * <pre>./mvnw -q -pl adapters-in exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.bench.TrafficQueryBenchmark \
 *   -Dbench.operatorPassword=$(cat /var/lib/facecard/operator-password) -Dbench.dbPassword=$(cat /var/lib/facecard/db-password) \
 *   [-Dbench.stores=100 -Dbench.visits=40]</pre>
 */
public final class TrafficQueryBenchmark {
    public static void main(String[] args) throws Exception {
        CheckoutLoadBenchmark.base = System.getProperty("bench.url", "http://127.0.0.1:9080");
        int storeCount = Integer.getInteger("bench.stores", 100);
        int visitsPerDay = Integer.getInteger("bench.visits", 40);
        int rounds = Integer.getInteger("bench.rounds", 10);
        String operator = CheckoutLoadBenchmark.token(Map.of("username", "operator", "password",
                System.getProperty("bench.operatorPassword", "integration-tests-operator")));
        String slug = "bench-traffic-" + UUID.randomUUID().toString().substring(0, 6);
        String tenant = CheckoutLoadBenchmark.call("POST", "/api/v1/tenants", operator, null, Map.of("name", "Traffic bench", "slug", slug,
                "currency", "EUR", "timezone", "Europe/Berlin", "admin", Map.of("username", "admin", "password", "benchmark-password")))
                .path("id").asText();
        CheckoutLoadBenchmark.unlimited(operator, tenant);
        String admin = CheckoutLoadBenchmark.token(Map.of("tenant", slug, "username", "admin", "password", "benchmark-password"));
        List<String> stores = new ArrayList<>();
        for (int i = 0; i < storeCount; i++) {
            stores.add(CheckoutLoadBenchmark.call("POST", "/api/v1/stores", admin, null, Map.of("name", "Store " + i, "code", "T" + i))
                    .path("id").asText());
        }
        Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Instant start = end.minus(365, ChronoUnit.DAYS);
        long t0 = System.nanoTime();
        try (Connection db = DriverManager.getConnection(System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/facecard"),
                System.getProperty("bench.dbUser", "facecard"), System.getProperty("bench.dbPassword", ""))) {
            db.setAutoCommit(false);
            for (String store : stores) {
                db.createStatement().execute("select set_config('app.tenant_id', '" + tenant + "', true)");
                try (PreparedStatement hours = db.prepareStatement("insert into instore_hour (tenant_id, store_id, hour, footfall, members, "
                        + "new_members, male, female, age_18_24, age_25_34, age_35_44, age_45_54, mood_n, mood_sum, shift_n, shift_sum, "
                        + "shift_squares) select ?::uuid, ?::uuid, h, f, f / 4, f / 40, f / 2, f - f / 2, f / 5, f / 3, f / 4, f - f / 5 - f / 3 - f / 4, "
                        + "f, f * 0.1, f / 5, f / 5 * -0.02, f / 5 * 0.09 from generate_series(?::timestamptz, ?::timestamptz, interval '1 hour') h, "
                        + "lateral (select (20 + random() * 60)::int as f) x where extract(hour from h) between 8 and 20")) {
                    hours.setString(1, tenant);
                    hours.setString(2, store);
                    hours.setString(3, start.toString());
                    hours.setString(4, end.minusSeconds(3600).toString());
                    hours.executeUpdate();
                }
                try (PreparedStatement visits = db.prepareStatement("insert into instore_visit (id, tenant_id, store_id, member_id, opened_at, "
                        + "last_seen_at, closed_at, close_reason, first_visit, entry_mood, exit_mood, converted_at) select gen_random_uuid(), "
                        + "?::uuid, ?::uuid, ('00000000-0000-4000-8000-' || lpad(((random() * 20000)::int)::text, 12, '0'))::uuid, o, o + d, o + d, "
                        + "'EXIT', random() < 0.1, 0.2, 0.1, case when random() < 0.6 then o + d / 2 end from generate_series(?::timestamptz, "
                        + "?::timestamptz, interval '1 day') day, generate_series(1, ?) n, lateral (select day + interval '8 hours' "
                        + "+ random() * interval '12 hours' as o, random() * interval '40 minutes' as d) x")) {
                    visits.setString(1, tenant);
                    visits.setString(2, store);
                    visits.setString(3, start.toString());
                    visits.setString(4, end.minus(1, ChronoUnit.DAYS).toString());
                    visits.setInt(5, visitsPerDay);
                    visits.executeUpdate();
                }
                db.commit();
            }
            db.createStatement().execute("analyze instore_hour");
            db.createStatement().execute("analyze instore_visit");
            db.commit();
        }
        System.out.printf("a year of %d stores written in %.0f s (%d visits a store a day)%n", storeCount, (System.nanoTime() - t0) / 1e9,
                visitsPerDay);
        String store = stores.get(storeCount / 2);
        Instant monthAgo = end.minus(30, ChronoUnit.DAYS);
        Instant dayAgo = end.minus(1, ChronoUnit.DAYS);
        Object[][] queries = {{"year by week", start, "week"}, {"year by day", start, "day"}, {"year by hour", start, "hour"},
            {"month by day", monthAgo, "day"}, {"day by hour", dayAgo, "hour"}};
        for (Object[] q : queries) {
            String path = "/api/v1/stores/" + store + "/traffic?from=" + q[1] + "&to=" + end + "&by=" + q[2];
            CheckoutLoadBenchmark.send("GET", path, admin, null, null); // warm
            long[] took = new long[rounds];
            int buckets = 0;
            for (int r = 0; r < rounds; r++) {
                long s = System.nanoTime();
                var reply = CheckoutLoadBenchmark.send("GET", path, admin, null, null);
                took[r] = System.nanoTime() - s;
                if (reply.statusCode() != 200) {
                    throw new IllegalStateException(path + ": " + reply.statusCode() + " " + reply.body());
                }
                buckets = CheckoutLoadBenchmark.JSON.readTree(reply.body()).path("buckets").size();
            }
            Arrays.sort(took);
            System.out.printf("  %-13s %5d buckets: median %6.1f ms, max %6.1f ms (%d rounds)%n", q[0], buckets, took[rounds / 2] / 1e6,
                    took[rounds - 1] / 1e6, rounds);
        }
        System.out.println("store " + store + " of tenant " + slug);
    }
}
