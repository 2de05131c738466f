package io.facecard.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark 3: 1:N search in pgvector at N templates (default 1,000,000): p50/p95/p99 latency of
 * the HNSW top-1 query and its recall@1 against an exact scan. Vectors are uniform random in 512
 * dimensions, the hard case for a graph index (no cluster structure to exploit). Each probe is a
 * stored template plus noise, so the exact answer is known to exist. Runs in its own table.
 *
 * <pre>FACECARD_DB_PASSWORD=... ./mvnw -q -pl adapters-in exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.facecard.bench.SearchBenchmark -Dbench.n=1000000</pre>
 */
public final class SearchBenchmark {
    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.n", 1_000_000);
        int probes = Integer.getInteger("bench.probes", 200);
        // hnsw: ef_search values to try; ivfflat: probes (lists scanned) values to try.
        String index = System.getProperty("bench.index", "hnsw");
        String knobs = System.getProperty("bench.knobs", index.equals("hnsw") ? "100,200,400" : "10,20,40");
        int lists = Integer.getInteger("bench.lists", Math.max(100, n / 1000));
        String url = System.getProperty("bench.db", "jdbc:postgresql://127.0.0.1:5432/facecard_test");
        // No server-side plan caching: each query is planned with the session's current settings.
        try (Connection c = DriverManager.getConnection(url + "?prepareThreshold=0", "facecard", System.getenv("FACECARD_DB_PASSWORD"));
                Statement s = c.createStatement()) {
            boolean reuse = Boolean.getBoolean("bench.reuse");
            if (!reuse) {
                s.execute("drop table if exists bench_template");
                s.execute("create table bench_template (id bigint primary key, embedding vector(512) not null)");
                long t0 = System.nanoTime();
                for (int from = 1; from <= n; from += 50_000) {
                    int to = Math.min(n, from + 49_999);
                    s.execute("insert into bench_template select g, (select array_agg(random() - 0.5)::vector(512) "
                            + "from generate_series(1, 512) d where g > 0) from generate_series(" + from + ", " + to + ") g");
                }
                System.out.printf("inserted %d vectors in %.0f s%n", n, (System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                s.execute("set maintenance_work_mem = '6GB'");
                s.execute("set max_parallel_maintenance_workers = 1");
                if (index.equals("hnsw")) {
                    s.execute("create index bench_template_hnsw on bench_template using hnsw (embedding vector_cosine_ops) with (m = 16, ef_construction = 64)");
                } else {
                    s.execute("create index bench_template_ivfflat on bench_template using ivfflat (embedding vector_cosine_ops) with (lists = " + lists + ")");
                }
                System.out.printf("%s index built in %.0f s%n", index, (System.nanoTime() - t0) / 1e9);
                s.execute("analyze bench_template");
            }
            // Probe = a stored template plus uniform noise of this amplitude per dimension (the
            // templates are uniform in ±0.5): 0.15 gives cosine 0.96 to its template, 0.67 gives 0.6,
            // about the similarity of this model's genuine pairs, 0.9 gives 0.46, near the threshold.
            double noise = Double.parseDouble(System.getProperty("bench.noise", "0.67"));
            List<String> queries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select (select array_agg(e + (random() - 0.5) * " + 2 * noise + ")::vector(512)::text from unnest(embedding::real[]) e) "
                    + "from bench_template where id in (select (random() * " + (n - 1) + " + 1)::bigint from generate_series(1, " + probes + "))")) {
                while (rs.next()) {
                    queries.add(rs.getString(1));
                }
            }
            // The exact answers, once: an expression no index can serve, so a full scan whatever the plan.
            long[] exact = new long[Math.min(queries.size(), Integer.getInteger("bench.exact", 100))];
            try (PreparedStatement q = c.prepareStatement("select id from bench_template order by (embedding <=> cast(? as vector)) + 0 limit 1")) {
                for (int i = 0; i < exact.length; i++) {
                    q.setString(1, queries.get(i));
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        exact[i] = rs.getLong(1);
                    }
                }
            }
            c.setAutoCommit(false);
            // A table kept from an earlier run may hold both kinds of index: the other one is dropped
            // inside this transaction only (rolled back at the end), so the planner has one choice.
            s.execute("drop index if exists " + (index.equals("hnsw") ? "bench_template_ivfflat" : "bench_template_hnsw"));
            for (String knobText : knobs.split(",")) {
                int knob = Integer.parseInt(knobText.strip());
                s.execute(index.equals("hnsw") ? "set local hnsw.ef_search = " + knob : "set local ivfflat.probes = " + knob);
                // The vectors are TOASTed, which makes the planner underrate a (parallel) full scan.
                s.execute("set local enable_seqscan = off");
                double[] ms = new double[queries.size()];
                long[] approx = new long[queries.size()];
                try (PreparedStatement q = c.prepareStatement("select id from bench_template order by embedding <=> cast(? as vector) limit 1")) {
                    for (int i = 0; i < queries.size(); i++) {
                        q.setString(1, queries.get(i));
                        long t = System.nanoTime();
                        try (ResultSet rs = q.executeQuery()) {
                            rs.next();
                            approx[i] = rs.getLong(1);
                        }
                        ms[i] = (System.nanoTime() - t) / 1e6;
                    }
                }
                int hits = 0;
                for (int i = 0; i < exact.length; i++) {
                    if (exact[i] == approx[i]) {
                        hits++;
                    }
                }
                Arrays.sort(ms);
                System.out.printf("N=%d %s=%d probes=%d: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; recall@1 %.3f (%d exact scans)%n",
                        n, index.equals("hnsw") ? "hnsw.ef_search" : "ivfflat.probes", knob, ms.length, ms[ms.length / 2], ms[(int) (ms.length * 0.95)], ms[(int) (ms.length * 0.99)],
                        (double) hits / exact.length, exact.length);
            }
            c.rollback();
        }
    }
}
