package io.facecard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Issue 11's import benchmark: one tenant imports {@code bench.rows} members (default 10,000),
 * one photo each for the first ~1,000 (every distinct face of the eval sets: London, Canada,
 * Congress), while a third tenant's tills run checkouts back to back. Prints the import's
 * rows/s and photos/s and the tills' p99 per step before, during and after the import.
 *
 * <pre>./mvnw -q -pl adapters-in exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.bench.ImportBenchmark \
 *   -Dbench.url=http://127.0.0.1:9080 -Dbench.operatorPassword=... [-Dbench.rows=10000 -Dbench.tills=4 -Dbench.seconds=60]</pre>
 */
public final class ImportBenchmark {
    public static void main(String[] args) throws Exception {
        String base = System.getProperty("bench.url", "http://127.0.0.1:9080");
        CheckoutLoadBenchmark.base = base;
        int rows = Integer.getInteger("bench.rows", 10_000);
        int tills = Integer.getInteger("bench.tills", 4);
        int seconds = Integer.getInteger("bench.seconds", 60);
        Path eval = Path.of(System.getProperty("faces.eval", "../../shared/faces-eval"));
        String operator = CheckoutLoadBenchmark.token(Map.of("username", "operator", "password",
                System.getProperty("bench.operatorPassword", "integration-tests-operator")));

        CheckoutLoadBenchmark.Store shop = CheckoutLoadBenchmark.store(operator, "bench-tills-", tills, 200);
        CheckoutLoadBenchmark.Store importer = CheckoutLoadBenchmark.store(operator, "bench-import-", 0, 0);
        List<Path> faces = faces(eval);
        Path zip = Files.createTempFile("import-bench-", ".zip");
        pack(zip, rows, faces);
        System.out.printf("import: %d rows, %d with a photo, %.1f MB zip; third tenant: %d tills%n", rows,
                Math.min(rows, faces.size()), Files.size(zip) / 1e6, tills);

        // A freshly started server is still compiling: 10 s of warm-up left the first phase 30 % slower than the second.
        CheckoutLoadBenchmark.drive(shop.keys(), shop.members(), Integer.getInteger("bench.warmup", 45));
        long t0 = System.nanoTime();
        var solo = CheckoutLoadBenchmark.drive(shop.keys(), shop.members(), seconds);
        System.out.println("tills without the import:");
        CheckoutLoadBenchmark.report(solo, (System.nanoTime() - t0) / 1e9, tills);

        HttpResponse<String> started = CheckoutLoadBenchmark.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/members/import"))
                .header("Authorization", "Bearer " + importer.admin()).header("Content-Type", "application/zip")
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(zip)).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("import refused: " + started.statusCode() + " " + started.body());
        }
        String job = CheckoutLoadBenchmark.JSON.readTree(started.body()).path("id").asText();
        Thread.sleep(5_000); // the job is under way
        t0 = System.nanoTime();
        var during = CheckoutLoadBenchmark.drive(shop.keys(), shop.members(), seconds);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        JsonNode mid = CheckoutLoadBenchmark.call("GET", "/api/v1/jobs/" + job, importer.admin(), null, null);
        System.out.printf("tills during the import (the job had processed %d rows when they stopped):%n",
                mid.path("counts").path("processed").asInt());
        CheckoutLoadBenchmark.report(during, elapsed, tills);
        if (!"RUNNING".equals(mid.path("status").asText())) {
            System.out.println("  (the import ended before the tills did: raise bench.rows for a fair comparison)");
        }

        JsonNode done;
        while (true) {
            done = CheckoutLoadBenchmark.call("GET", "/api/v1/jobs/" + job, importer.admin(), null, null);
            if (!List.of("QUEUED", "RUNNING").contains(done.path("status").asText())) {
                break;
            }
            Thread.sleep(1_000);
        }
        JsonNode c = done.path("counts");
        double took = Duration.between(Instant.parse(done.path("startedAt").asText()), Instant.parse(done.path("finishedAt").asText()))
                .toMillis() / 1000.0;
        System.out.printf("import %s in %.1f s: %d rows (%.1f rows/s), %d faces enrolled (%.1f photos/s over the whole job), "
                        + "created %d skipped %d partial %d rejected %d%n", done.path("status").asText(), took, c.path("processed").asInt(),
                c.path("processed").asInt() / took, c.path("enrolled").asInt(), c.path("enrolled").asInt() / took, c.path("created").asInt(),
                c.path("skipped").asInt(), c.path("partial").asInt(), c.path("rejected").asInt());
        t0 = System.nanoTime();
        var after = CheckoutLoadBenchmark.drive(shop.keys(), shop.members(), seconds);
        System.out.println("tills after the import (a second baseline):");
        CheckoutLoadBenchmark.report(after, (System.nanoTime() - t0) / 1e9, tills);
        Files.delete(zip);
    }

    /** The first photo of every person in the eval sets that hold one person per folder. */
    static List<Path> faces(Path eval) throws IOException {
        List<Path> faces = new ArrayList<>();
        for (String set : new String[] {"london_cc_by", "impostors_canada_cc_by", "impostors_congress_pd"}) {
            try (Stream<Path> people = Files.list(eval.resolve(set))) {
                for (Path person : people.filter(Files::isDirectory).sorted().toList()) {
                    try (Stream<Path> photos = Files.list(person)) {
                        photos.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().ifPresent(faces::add);
                    }
                }
            }
        }
        return faces;
    }

    static void pack(Path zip, int rows, List<Path> faces) throws IOException {
        StringBuilder csv = new StringBuilder("externalId,name,phone,email,cardNumber,birthDate,gender,locale,biometricConsent,"
                + "marketingConsent,policyVersion,photo\n");
        // -Dbench.photosLast=true puts the photo rows at the end, so the tills' phase measures rows without photos.
        int firstPhoto = Boolean.getBoolean("bench.photosLast") ? Math.max(0, rows - faces.size()) : 0;
        for (int i = 0; i < rows; i++) {
            boolean photo = i >= firstPhoto && i - firstPhoto < faces.size();
            csv.append("crm-").append(i).append(",Imported Member ").append(i).append(",+4917").append(String.format("%08d", i))
                    .append(",m").append(i).append("@example.org,IMP-").append(i).append(",1985-01-01,,de-DE,")
                    .append(photo ? "yes" : "no").append(",").append(i % 3 == 0 ? "yes" : "no").append(",v1,")
                    .append(photo ? "p" + (i - firstPhoto) + ".jpg" : "").append('\n');
        }
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("members.csv"));
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < Math.min(rows, faces.size()); i++) {
                out.putNextEntry(new ZipEntry("photos/p" + i + ".jpg"));
                Files.copy(faces.get(i), out);
            }
        }
    }

}
