package io.facecard.bench;

import io.facecard.adapters.outbound.biometrics.PgVectorFaceTemplates;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Benchmark 3: 1:N search in pgvector at N templates (default 1,000,000): p50/p95/p99 latency of
 * the top-1 query (HNSW or IVFFlat) and its recall@1 against an exact scan. Runs in its own table.
 *
 * <p>Galleries: {@code -Dbench.gallery=faces} (default) draws templates with the statistics of
 * this model's real embeddings and probes at the distance of real genuine pairs
 * ({@link FaceLikeGallery}); the exact answers are computed here, over every template, in
 * double precision. {@code uniform} draws uniform random vectors (no structure at all, the worst
 * case for any index) and probes = template + uniform noise ({@code -Dbench.noise}); the exact
 * answers come from full scans in PostgreSQL.
 *
 * <pre>FACECARD_DB_PASSWORD=... ./mvnw -q -pl adapters-in exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.facecard.bench.SearchBenchmark -Dbench.n=1000000</pre>
 */
public final class SearchBenchmark {
    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.n", 1_000_000);
        int probes = Integer.getInteger("bench.probes", 200);
        boolean faces = System.getProperty("bench.gallery", "faces").equals("faces");
        // hnsw: ef_search values to try; ivfflat: probes (lists scanned) values to try.
        String index = System.getProperty("bench.index", "hnsw");
        String knobs = System.getProperty("bench.knobs", index.equals("hnsw") ? "40,100,200" : "10,20,40");
        String url = System.getProperty("bench.db", "jdbc:postgresql://127.0.0.1:5432/facecard_test");
        boolean reuse = Boolean.getBoolean("bench.reuse");
        // No server-side plan caching: each query is planned with the session's current settings.
        try (Connection c = DriverManager.getConnection(url + "?prepareThreshold=0", "facecard", System.getenv("FACECARD_DB_PASSWORD"));
                Statement s = c.createStatement()) {
            Probes p;
            if (faces) {
                p = faceLike(c, n, probes, reuse);
            } else {
                if (!reuse) {
                    uniform(s, n);
                }
                p = uniformProbes(c, s, n, probes);
            }
            if (!reuse) {
                buildIndex(s, index, n);
            }
            measure(c, s, index, knobs, n, p);
        }
    }

    record Probes(List<String> vectors, long[] exact) {}

    static void uniform(Statement s, int n) throws Exception {
        s.execute("drop table if exists bench_template");
        s.execute("create table bench_template (id bigint primary key, embedding vector(512) not null)");
        long t0 = System.nanoTime();
        for (int from = 1; from <= n; from += 50_000) {
            int to = Math.min(n, from + 49_999);
            s.execute("insert into bench_template select g, (select array_agg(random() - 0.5)::vector(512) "
                    + "from generate_series(1, 512) d where g > 0) from generate_series(" + from + ", " + to + ") g");
        }
        System.out.printf("inserted %d uniform random vectors in %.0f s%n", n, (System.nanoTime() - t0) / 1e9);
    }

    static Probes uniformProbes(Connection c, Statement s, int n, int probes) throws Exception {
        // Probe = a stored template plus uniform noise of this amplitude per dimension (the
        // templates are uniform in ±0.5): 0.15 gives cosine 0.96 to its template, 0.67 gives 0.6.
        double noise = Double.parseDouble(System.getProperty("bench.noise", "0.67"));
        List<String> queries = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select (select array_agg(e + (random() - 0.5) * " + 2 * noise + ")::vector(512)::text from unnest(embedding::real[]) e) "
                + "from bench_template where id in (select (random() * " + (n - 1) + " + 1)::bigint from generate_series(1, " + probes + "))")) {
            while (rs.next()) {
                queries.add(rs.getString(1));
            }
        }
        // The exact answers: an expression no index can serve, so a full scan whatever the plan.
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
        return new Probes(queries, exact);
    }

    /**
     * Face-like templates 1..n from a fixed seed (so a reused table is regenerated identically),
     * streamed with binary COPY unless reused; probes of random templates; exact answers by a
     * full scan here.
     */
    static Probes faceLike(Connection c, int n, int count, boolean reuse) throws Exception {
        long seed = Long.getLong("bench.seed", 20261124L);
        FaceLikeGallery gallery = FaceLikeGallery.fit(Path.of(System.getProperty("faces.eval", "../../shared/faces-eval")));
        double scale = Double.parseDouble(System.getProperty("bench.change", "1"));
        System.out.println(gallery.describe(new SplittableRandom(seed + 1), scale));
        SplittableRandom pick = new SplittableRandom(seed + 2);
        TreeMap<Long, Integer> sources = new TreeMap<>();
        while (sources.size() < count) {
            sources.putIfAbsent(1 + pick.nextLong(n), sources.size());
        }
        float[][] probes = new float[count][];
        SplittableRandom templates = new SplittableRandom(seed);
        for (long id = 1; id <= sources.lastKey(); id++) {
            float[] t = gallery.template(templates);
            Integer k = sources.get(id);
            if (k != null) {
                probes[k] = gallery.probe(t, pick, scale);
            }
        }
        long t0 = System.nanoTime();
        double[] best = new double[count];
        long[] exact = new long[count];
        Arrays.fill(best, -2);
        templates = new SplittableRandom(seed);
        CopyIn copy = null;
        if (!reuse) {
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists bench_template");
                s.execute("create table bench_template (id bigint primary key, embedding vector(512) not null)");
            }
            copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_template (id, embedding) from stdin (format binary)");
            byte[] header = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
            copy.writeToCopy(header, 0, header.length);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
        DataOutputStream row = new DataOutputStream(buffer);
        for (long id = 1; id <= n; id++) {
            float[] t = gallery.template(templates);
            for (int k = 0; k < count; k++) {
                double sim = FaceLikeGallery.dot(t, probes[k]);
                if (sim > best[k]) {
                    best[k] = sim;
                    exact[k] = id;
                }
            }
            if (copy != null) {
                row.writeShort(2);
                row.writeInt(8);
                row.writeLong(id);
                row.writeInt(4 + 4 * t.length); // pgvector's binary form: dimensions, unused, floats
                row.writeShort(t.length);
                row.writeShort(0);
                for (float f : t) {
                    row.writeFloat(f);
                }
                if (buffer.size() > (1 << 20) - 4096 || id == n) {
                    if (id == n) {
                        row.writeShort(-1);
                    }
                    copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                    buffer.reset();
                }
            }
        }
        if (copy != null) {
            copy.endCopy();
            System.out.printf("generated and copied %d face-like templates in %.0f s%n", n, (System.nanoTime() - t0) / 1e9);
        }
        List<String> vectors = new ArrayList<>();
        for (float[] v : probes) {
            vectors.add(PgVectorFaceTemplates.literal(v));
        }
        return new Probes(vectors, exact);
    }

    static void buildIndex(Statement s, String index, int n) throws Exception {
        long t0 = System.nanoTime();
        s.execute("set maintenance_work_mem = '6GB'");
        s.execute("set max_parallel_maintenance_workers = 1");
        if (index.equals("hnsw")) {
            s.execute("create index bench_template_hnsw on bench_template using hnsw (embedding vector_cosine_ops) with (m = 16, ef_construction = 64)");
        } else {
            int lists = Integer.getInteger("bench.lists", Math.max(100, n / 1000));
            s.execute("create index bench_template_ivfflat on bench_template using ivfflat (embedding vector_cosine_ops) with (lists = " + lists + ")");
        }
        System.out.printf("%s index built in %.0f s%n", index, (System.nanoTime() - t0) / 1e9);
        s.execute("analyze bench_template");
    }

    static void measure(Connection c, Statement s, String index, String knobs, int n, Probes p) throws Exception {
        List<String> queries = p.vectors();
        long[] exact = p.exact();
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
                for (int round = 0; round < 2; round++) { // the first round warms the cache, the second is measured
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
            }
            int hits = 0;
            for (int i = 0; i < exact.length; i++) {
                if (exact[i] == approx[i]) {
                    hits++;
                }
            }
            Arrays.sort(ms);
            System.out.printf("N=%d %s=%d probes=%d: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; recall@1 %.3f (%d exact answers)%n",
                    n, index.equals("hnsw") ? "hnsw.ef_search" : "ivfflat.probes", knob, ms.length, ms[ms.length / 2], ms[(int) (ms.length * 0.95)],
                    ms[(int) (ms.length * 0.99)], (double) hits / exact.length, exact.length);
        }
        c.rollback();
    }
}
