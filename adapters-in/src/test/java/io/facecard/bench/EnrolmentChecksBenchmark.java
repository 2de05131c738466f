package io.facecard.bench;

import io.facecard.adapters.outbound.biometrics.FacePipeline;
import io.facecard.adapters.outbound.biometrics.ModelPack;
import io.facecard.application.biometrics.port.FaceAnalysis.FaceScan;
import io.facecard.application.biometrics.port.FaceAnalysis.Outcome;
import io.facecard.application.biometrics.port.FaceAnalysis.ScanRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What enrolment refuses, per set of ../shared/faces-eval, with the platform's default enrolment rules (faces from
 * 60 px): the outcome counts, the share refused, the distributions of the eye and pose measures the checks use, and
 * the refused files (to look at). The Congress set is frontal, open-eyed official portraits: every refusal there is
 * a false one.
 *
 * <pre>cd adapters-in && ../mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.bench.EnrolmentChecksBenchmark -Dfaces.eval=../../shared/faces-eval</pre>
 */
public final class EnrolmentChecksBenchmark {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("faces.eval", "../../shared/faces-eval"));
        ScanRules rules = ScanRules.enrolment(Integer.getInteger("bench.minFacePixels", 60));
        try (FacePipeline pipeline = new FacePipeline(ModelPack.load("classpath:default"), FacePipeline.Engine.ONNX_RUNTIME)) {
            for (String set : List.of("impostors_congress_pd", "london_cc_by", "impostors_canada_cc_by", EvalPhotos.WILD)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(root.resolve(set))) {
                    files = walk.filter(f -> f.toString().endsWith(".jpg")).sorted().toList();
                }
                Map<Outcome, Integer> outcomes = new TreeMap<>();
                List<Double> eyes = new ArrayList<>();
                List<Double> turns = new ArrayList<>();
                List<String> refused = new ArrayList<>();
                for (Path f : files) {
                    FaceScan s = pipeline.scan(Files.readAllBytes(f), rules);
                    outcomes.merge(s.outcome(), 1, Integer::sum);
                    if (!Double.isNaN(s.checks().eyesOpen())) {
                        eyes.add(s.checks().eyesOpen());
                        turns.add(s.checks().turn());
                    }
                    if (s.outcome() != Outcome.FACE) {
                        refused.add(String.format("%s %s eyes %.2f turn %.0f sharp %.0f q %.2f", root.relativize(f), s.outcome(),
                                s.checks().eyesOpen(), s.checks().turn(), s.checks().sharpness(), s.quality()));
                    }
                }
                int n = files.size();
                int bad = n - outcomes.getOrDefault(Outcome.FACE, 0);
                System.out.printf("%-24s %4d photos, refused %d (%.1f %%): %s%n", set, n, bad, 100.0 * bad / n, outcomes);
                System.out.printf("  less open eye: %s%n  head turn (deg): %s%n", percentiles(eyes), percentiles(turns));
                if (Boolean.getBoolean("bench.list")) {
                    refused.forEach(r -> System.out.println("    " + r));
                }
            }
        }
    }

    private static String percentiles(List<Double> values) {
        if (values.isEmpty()) {
            return "none";
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        StringBuilder out = new StringBuilder();
        for (double p : new double[] {0.01, 0.05, 0.1, 0.5, 0.9, 0.99}) {
            out.append(String.format("p%.0f %.3f  ", p * 100, v[(int) Math.min(v.length - 1, Math.floor(p * v.length))]));
        }
        return out.toString();
    }
}
