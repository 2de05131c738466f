package io.facecard.adapters.outbound.biometrics;

import io.facecard.application.biometrics.port.FaceAnalysis.Observation;
import io.facecard.domain.biometrics.ImpostorTail;
import io.facecard.domain.instore.WatchListKind;
import io.facecard.domain.tenancy.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The watch lists' thresholds and what they cost, as a camera sees faces (observe: every face, both orientations):
 * entries are the London set's neutral photos (one per person), genuine passes their smiling photos, strangers the
 * Congress and Canada sets. For each list kind's default rate of false alerts per 10,000 passers-by, prints the
 * threshold the impostor tail gives at this list size, the false alerts measured among the strangers (each compared with
 * every entry, as the list search does) and the share of listed people found.
 *
 * <pre>../mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.adapters.outbound.biometrics.WatchListBenchmark -Dfaces.eval=../../shared/faces-eval</pre>
 */
public final class WatchListBenchmark {
    public static void main(String[] args) throws Exception {
        Path eval = Path.of(System.getProperty("faces.eval", "../shared/faces-eval"));
        ModelPack pack = ModelPack.load("classpath:default");
        ImpostorTail tail = pack.impostorTail();
        TenantId tenant = new TenantId(UUID.randomUUID());
        List<float[]> entries = new ArrayList<>();
        List<float[]> genuine = new ArrayList<>();
        List<float[]> strangers = new ArrayList<>();
        try (FacePipeline p = new FacePipeline(pack, FacePipeline.Engine.ONNX_RUNTIME);
                Stream<Path> london = Files.list(eval.resolve("london_cc_by"))) {
            for (Path person : london.filter(Files::isDirectory).sorted().toList()) {
                float[] entry = first(p, tenant, person.resolve("1.jpg"));
                float[] pass = first(p, tenant, person.resolve("2.jpg"));
                if (entry != null && pass != null) {
                    entries.add(entry);
                    genuine.add(pass);
                }
            }
            for (String set : List.of("impostors_congress_pd", "impostors_canada_cc_by")) {
                try (Stream<Path> files = Files.walk(eval.resolve(set))) {
                    for (Path f : files.filter(x -> x.toString().endsWith(".jpg")).sorted().toList()) {
                        float[] e = first(p, tenant, f);
                        if (e != null) {
                            strangers.add(e);
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d listed people, %d strangers passing (%d comparisons)%n", entries.size(), strangers.size(),
                (long) entries.size() * strangers.size());
        for (WatchListKind kind : WatchListKind.values()) {
            double per10k = kind.falseAlertsPer10k();
            double threshold = Math.max(0.40, tail.thresholdFor(entries.size(), per10k));
            int falseAlerts = 0;
            for (float[] s : strangers) {
                if (best(s, entries) >= threshold) {
                    falseAlerts++;
                }
            }
            int found = 0;
            for (int i = 0; i < genuine.size(); i++) {
                if (dot(genuine.get(i), entries.get(i)) >= threshold && best(genuine.get(i), entries) == dot(genuine.get(i), entries.get(i))) {
                    found++;
                }
            }
            System.out.printf(Locale.ROOT, "%-7s %6.2f false alerts/10k allowed: threshold %.3f; strangers alerted %d of %d (%s); listed found %s%n",
                    kind, per10k, threshold, falseAlerts, strangers.size(), AttributesBenchmark.share(falseAlerts, strangers.size()),
                    AttributesBenchmark.share(found, genuine.size()));
        }
    }

    private static float[] first(FacePipeline p, TenantId tenant, Path photo) throws Exception {
        List<Observation> seen = p.observe(tenant, Files.readAllBytes(photo), 24);
        return seen.isEmpty() ? null : seen.get(0).embedding();
    }

    private static double best(float[] probe, List<float[]> gallery) {
        double best = -1;
        for (float[] g : gallery) {
            best = Math.max(best, dot(probe, g));
        }
        return best;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
