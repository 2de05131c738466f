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
        String efs = System.getProperty("bench.ef", "100,200,400");
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
                s.execute("create index bench_template_hnsw on bench_template using hnsw (embedding vector_cosine_ops) with (m = 16, ef_construction = 64)");
                System.out.printf("HNSW index built in %.0f s%n", (System.nanoTime() - t0) / 1e9);
                s.execute("analyze bench_template");
            }
            List<String> queries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select (select array_agg(e + (random() - 0.5) * 0.3)::vector(512)::text from unnest(embedding::real[]) e) "
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
            for (String efText : efs.split(",")) {
                int ef = Integer.parseInt(efText.strip());
                s.execute("set local hnsw.ef_search = " + ef);
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
                c.commit();
                int hits = 0;
                for (int i = 0; i < exact.length; i++) {
                    if (exact[i] == approx[i]) {
                        hits++;
                    }
                }
                Arrays.sort(ms);
                System.out.printf("N=%d ef_search=%d probes=%d: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; recall@1 %.3f (%d exact scans)%n",
                        n, ef, ms.length, ms[ms.length / 2], ms[(int) (ms.length * 0.95)], ms[(int) (ms.length * 0.99)],
                        (double) hits / exact.length, exact.length);
            }
        }
    }
}
