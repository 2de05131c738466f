package io.facecard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Segment preview over a generated population (outside CI): {@code -Dbench.members} members
 * (default 1,000,000) with {@code -Dbench.purchases} purchases each (default 20) over the last
 * year in ten categories, written straight into the segments' read models in the platform's
 * database, then {@code POST /api/v1/segments/preview} timed for a simple tree (tier = Gold) and
 * a nested RFM tree with a category condition; prints p50/p95/max per tree.
 *
 * <pre>./mvnw -q -pl adapters-in exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.bench.SegmentBenchmark \
 *   -Dbench.operatorPassword=$(cat /var/lib/facecard/operator-password) -Dbench.dbPassword=$(cat /var/lib/facecard/db-password)</pre>
 */
public final class SegmentBenchmark {
    static final String[] CATEGORIES = {"vitamins", "tea", "coffee", "bakery", "dairy", "fruit", "snacks", "drinks", "frozen", "care"};

    private SegmentBenchmark() {}

    public static void main(String[] args) throws Exception {
        int members = Integer.getInteger("bench.members", 1_000_000);
        int purchases = Integer.getInteger("bench.purchases", 20);
        int runs = Integer.getInteger("bench.runs", 20);
        String reuse = System.getProperty("bench.reuse");
        CheckoutLoadBenchmark.base = System.getProperty("bench.url", "http://127.0.0.1:9080");
        String admin;
        if (reuse != null) {
            // A population generated before (its tenant's slug; the admin's password is the benchmarks' own).
            admin = CheckoutLoadBenchmark.token(Map.of("tenant", reuse, "username", "admin", "password", "benchmark-password"));
        } else {
            CheckoutLoadBenchmark.Store shop = CheckoutLoadBenchmark.emptyTenant("bench-seg-");
            admin = shop.admin();
            CheckoutLoadBenchmark.call("PUT", "/api/v1/loyalty/program", admin, null, Map.of("pointsPerCurrencyUnit", 1, "pointValue", 0.01,
                    "maxRedeemShare", 0.5, "tiers", List.of(Map.of("name", "Silver", "minSpend", 600, "multiplier", 1),
                            Map.of("name", "Gold", "minSpend", 1000, "multiplier", 1.5))));
            try (Connection db = DriverManager.getConnection(System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/facecard"),
                    System.getProperty("bench.dbUser", "facecard"), System.getProperty("bench.dbPassword", ""))) {
                String tenant = tenantOf(db, shop.slug());
                String store = CheckoutLoadBenchmark.call("GET", "/api/v1/stores", admin, null, null).path("items").get(0).path("id").asText();
                long t0 = System.nanoTime();
                generate(db, tenant, store, members, purchases);
                System.out.printf("generated %,d members with %,d purchases each in %.0f s (tenant %s)%n", members, purchases,
                        (System.nanoTime() - t0) / 1e9, shop.slug());
            }
        }
        Map<String, Object> simple = Map.of("property", "tier", "operator", "equals", "value", "Gold");
        Map<String, Object> rfm = Map.of("and", List.of(
                Map.of("property", "tier", "operator", "in", "values", List.of("Gold", "Silver")),
                Map.of("event", "purchase", "withinDays", 90, "category", "vitamins", "minCount", 1),
                Map.of("not", Map.of("event", "purchase", "withinDays", 30)),
                Map.of("or", List.of(Map.of("event", "purchase", "withinDays", 365, "minCount", 15),
                        Map.of("event", "purchase", "withinDays", 365, "minSpend", 900)))));
        for (var tree : List.of(Map.entry("tier = Gold", (Object) simple), Map.entry("nested RFM with a category", (Object) rfm))) {
            double[] ms = new double[runs];
            long count = 0;
            CheckoutLoadBenchmark.call("POST", "/api/v1/segments/preview", admin, null, Map.of("condition", tree.getValue())); // warm
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                JsonNode p = CheckoutLoadBenchmark.call("POST", "/api/v1/segments/preview", admin, null, Map.of("condition", tree.getValue()));
                ms[i] = (System.nanoTime() - t) / 1e6;
                count = p.path("count").asLong();
            }
            Arrays.sort(ms);
            System.out.printf("%-28s count %,9d  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%d runs)%n", tree.getKey(), count, ms[runs / 2],
                    ms[(int) Math.ceil(runs * 0.95) - 1], ms[runs - 1], runs);
        }
    }

    static String tenantOf(Connection db, String slug) throws Exception {
        try (PreparedStatement s = db.prepareStatement("select id from tenant_view where slug = ?")) {
            s.setString(1, slug);
            var r = s.executeQuery();
            r.next();
            return r.getString(1);
        }
    }

    /** Members and their purchases (aggregated per member, day and category, as the projection keeps them), server-side. */
    static void generate(Connection db, String tenant, String store, int members, int purchases) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("select set_config('app.tenant_id', '" + tenant + "', false)");
            s.execute("insert into member_view (id, tenant_id, name, gender, birth_date, locale, erased, created_at, updated_at) "
                    + "select gen_random_uuid(), '" + tenant + "', 'Member ' || g, case when g % 2 = 0 then 'F' else 'M' end, "
                    + "date '1950-01-01' + (g % 18000), (array['ru-RU','en-GB','zh-CN'])[1 + g % 3], false, "
                    + "now() - (g % 1000) * interval '1 day', now() from generate_series(1, " + members + ") g");
            s.execute("create temp table gen_purchase as select m.id member_id, current_date - (random() * 364)::int as day, "
                    + "(array['" + String.join("','", CATEGORIES) + "'])[1 + (random() * 9)::int] category, "
                    + "round((5 + random() * 95)::numeric, 2) spend from member_view m, generate_series(1, " + purchases + ") k "
                    + "where m.tenant_id = '" + tenant + "'");
            s.execute("insert into mkt_purchase_day (tenant_id, member_id, day, store_id, dim, value, events, spend) select '" + tenant
                    + "', member_id, day, '" + store + "', 'all', '', count(*), sum(spend) from gen_purchase group by member_id, day");
            s.execute("insert into mkt_purchase_day (tenant_id, member_id, day, store_id, dim, value, events, spend) select '" + tenant
                    + "', member_id, day, '" + store + "', 'category', category, count(*), sum(spend) from gen_purchase "
                    + "group by member_id, day, category");
            s.execute("insert into mkt_member_spend (tenant_id, member_id, spend_12m, purchases_12m, last_day) select '" + tenant
                    + "', member_id, sum(spend), count(*), max(day) from gen_purchase group by member_id");
            s.execute("insert into mkt_member_category (tenant_id, category, member_id, last_day) select '" + tenant
                    + "', category, member_id, max(day) from gen_purchase group by member_id, category");
            s.execute("drop table gen_purchase");
            s.execute("analyze mkt_member_category");
            s.execute("analyze mkt_member_spend");
            s.execute("analyze member_view");
            s.execute("analyze mkt_purchase_day");
        }
    }
}
