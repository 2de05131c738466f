package io.facecard.bench;

import io.facecard.adapters.outbound.biometrics.FacePipeline;
import io.facecard.adapters.outbound.biometrics.ModelPack;
import io.facecard.application.biometrics.port.FaceSettings;
import io.facecard.application.biometrics.port.FaceAnalysis.FaceScan;
import io.facecard.bench.EvalPhotos.Photo;
import io.facecard.domain.biometrics.ImpostorTail;
import io.facecard.domain.biometrics.MatchPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Does a second embedder pay? The model pack's fr_feature, the converted MobileFaceNet, and their fusion (each
 * cosine z-scored against its own impostors, averaged, and put back on fr_feature's scale), each with its own
 * impostor tail fitted here, compared on what a till sees: the wild set's genuine probes against the real gallery
 * (~920 templates: the enrolled wild and London people, Canada and Congress as distractors) with the platform's
 * bands for 1,000, 10,000 and 100,000 templates (the larger ones by their thresholds only: no synthetic rivals, since
 * synthetic templates exist for one model only); London strangers as probes.
 *
 * <pre>cd adapters-in && ../mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.bench.FusionBenchmark -Dfaces.eval=../../shared/faces-eval</pre>
 */
public final class FusionBenchmark {
    interface Scoring {
        double score(FaceScan template, FaceScan probe);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("faces.eval", "../../shared/faces-eval"));
        List<Photo> photos;
        try (FacePipeline pipeline = new FacePipeline(ModelPack.loadAll("classpath:default"), FacePipeline.Engine.ONNX_RUNTIME)) {
            photos = EvalPhotos.load(pipeline, root);
        }
        photos = photos.stream().filter(p -> !p.enrollable() || p.enrolment().second() != null).toList();
        double[] s1 = impostors(photos, (t, p) -> FaceLikeGallery.dot(t.embedding(), p.embedding()));
        double[] s2 = impostors(photos, (t, p) -> FaceLikeGallery.dot(t.second(), p.second()));
        double m1 = mean(s1);
        double d1 = sd(s1, m1);
        double m2 = mean(s2);
        double d2 = sd(s2, m2);
        System.out.printf("impostors: fr_feature mean %.4f sd %.4f; MobileFaceNet mean %.4f sd %.4f (%d comparisons)%n", m1, d1, m2, d2, s1.length);
        Map<String, Scoring> scorings = new LinkedHashMap<>();
        scorings.put("fr_feature", (t, p) -> FaceLikeGallery.dot(t.embedding(), p.embedding()));
        scorings.put("MobileFaceNet", (t, p) -> FaceLikeGallery.dot(t.second(), p.second()));
        scorings.put("fused", (t, p) -> m1 + d1 * ((FaceLikeGallery.dot(t.embedding(), p.embedding()) - m1) / d1
                + (FaceLikeGallery.dot(t.second(), p.second()) - m2) / d2) / 2);
        for (Map.Entry<String, Scoring> e : scorings.entrySet()) {
            double[] imp = impostors(photos, e.getValue());
            Arrays.sort(imp);
            ImpostorTail tail = AccuracyBenchmark.fit(imp, 0.001);
            System.out.printf("%-14s tail from %.4f share %.4f scale %.5f; max impostor %.3f%n", e.getKey(), tail.from(), tail.share(),
                    tail.scale(), imp[imp.length - 1]);
            for (int enrol : new int[] {1, 3}) {
                for (int size : new int[] {1_000, 10_000, 100_000}) {
                    identification(photos, e.getValue(), tail, enrol, size);
                }
            }
        }
    }

    private static double[] impostors(List<Photo> photos, Scoring s) {
        List<Double> out = new ArrayList<>();
        for (Photo a : photos) {
            if (!a.enrollable()) {
                continue;
            }
            for (Photo b : photos) {
                if (a != b && b.probed() && !a.identity().equals(b.identity())) {
                    out.add(s.score(a.enrolment(), b.probe()));
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Enrolled: the wild people and every other London person with their first 1 or 3 photos; distractors: Canada, Congress. */
    /** @param size the gallery the bands are set for (the real gallery stands in for it: thresholds, not rivals) */
    private static void identification(List<Photo> photos, Scoring scoring, ImpostorTail tail, int enrolPhotos, int size) {
        Map<String, List<Photo>> byPerson = new LinkedHashMap<>();
        photos.forEach(p -> byPerson.computeIfAbsent(p.identity(), k -> new ArrayList<>()).add(p));
        List<Map.Entry<String, FaceScan>> gallery = new ArrayList<>();
        List<Map.Entry<String, Photo>> genuine = new ArrayList<>();
        List<Photo> strangers = new ArrayList<>();
        int london = 0;
        for (Map.Entry<String, List<Photo>> e : byPerson.entrySet()) {
            List<Photo> own = e.getValue();
            String set = own.get(0).set();
            if (set.startsWith("impostors_")) {
                own.stream().filter(Photo::enrollable).forEach(p -> gallery.add(Map.entry(e.getKey(), p.enrolment())));
                continue;
            }
            boolean enrolled = !set.equals("london_cc_by") || london++ % 2 == 0;
            int taken = 0;
            for (Photo p : own) {
                if (enrolled && p.enrollable() && taken < enrolPhotos && taken < own.size() - 1) {
                    gallery.add(Map.entry(e.getKey(), p.enrolment()));
                    taken++;
                } else if (enrolled && taken > 0 && set.equals(EvalPhotos.WILD)) {
                    genuine.add(Map.entry(e.getKey(), p));
                } else if (!enrolled) {
                    strangers.add(p);
                }
            }
        }
        FaceSettings.Effective bands = FaceSettings.DEFAULT.effective(size, tail);
        MatchPolicy policy = bands.policy();
        int right = 0;
        int afterStepUp = 0;
        int wrong = 0;
        for (Map.Entry<String, Photo> g : genuine) {
            List<Map.Entry<String, Double>> ranked = rank(gallery, scoring, g.getValue());
            if (ranked.isEmpty()) {
                continue;
            }
            MatchPolicy.Verdict v = policy.decide(ranked.get(0).getValue(), ranked.size() > 1 ? ranked.get(1).getValue() : Double.NaN,
                    g.getValue().probe().quality() >= 0.3);
            boolean top = ranked.get(0).getKey().equals(g.getKey());
            int offered = policy.candidates(ranked.stream().map(Map.Entry::getValue).toList());
            boolean inOffer = ranked.stream().limit(offered).anyMatch(c -> c.getKey().equals(g.getKey()));
            if (v == MatchPolicy.Verdict.MATCH && top) {
                right++;
                afterStepUp++;
            } else if (v == MatchPolicy.Verdict.MATCH) {
                wrong++;
            } else if (v == MatchPolicy.Verdict.CONFIRM && inOffer) {
                afterStepUp++;
            }
        }
        int strangerMatch = 0;
        int strangerAsked = 0;
        for (Photo s : strangers) {
            List<Map.Entry<String, Double>> ranked = rank(gallery, scoring, s);
            if (ranked.isEmpty()) {
                continue;
            }
            MatchPolicy.Verdict v = policy.decide(ranked.get(0).getValue(), ranked.size() > 1 ? ranked.get(1).getValue() : Double.NaN,
                    s.probe().quality() >= 0.3);
            strangerMatch += v == MatchPolicy.Verdict.MATCH ? 1 : 0;
            strangerAsked += v == MatchPolicy.Verdict.CONFIRM ? 1 : 0;
        }
        System.out.printf("  bands for %,d: %d enrolment photo(s), %d templates, MATCH from %.3f, CONFIRM from %.3f: wild MATCH right %s; right after step-up %s; "
                        + "wrong %d; strangers matched %d of %d, asked %d%n", size, enrolPhotos, gallery.size(), bands.confidentThreshold(),
                bands.stepUpThreshold(), Roc.share(right, genuine.size()), Roc.share(afterStepUp, genuine.size()), wrong, strangerMatch,
                strangers.size(), strangerAsked);
    }

    /** Each member's best template score, best first (at most 3). */
    private static List<Map.Entry<String, Double>> rank(List<Map.Entry<String, FaceScan>> gallery, Scoring scoring, Photo probe) {
        if (!probe.probed()) {
            return List.of();
        }
        Map<String, Double> best = new LinkedHashMap<>();
        for (Map.Entry<String, FaceScan> t : gallery) {
            best.merge(t.getKey(), scoring.score(t.getValue(), probe.probe()), Math::max);
        }
        return best.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(3).toList();
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(0);
    }

    private static double sd(double[] v, double mean) {
        return Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(0));
    }
}
