package io.facecard.bench;

import io.facecard.adapters.out.face.FacePipeline;
import io.facecard.adapters.out.face.ModelPack;
import io.facecard.application.membership.port.FaceAnalysis.FaceScan;
import io.facecard.application.membership.port.FaceAnalysis.Outcome;
import io.facecard.application.membership.port.FaceAnalysis.ScanRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark 4: accuracy on ../shared/faces-eval. Genuine pairs: photos of one London identity;
 * impostor pairs: faces of different identities across all three sets. Each pair compares an
 * enrolment template (both orientations) with a till probe (one orientation). Prints the ROC points,
 * the false-reject rate at a false-accept rate of at most 0.1%, and the threshold that gives it.
 *
 * <pre>./mvnw -q -pl adapters-out exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.bench.AccuracyBenchmark</pre>
 */
public final class AccuracyBenchmark {
    /** @param e the enrolment template (both orientations); @param p the till probe (one orientation) */
    record Face(String set, String identity, float[] e, float[] p) {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("faces.eval", "../../shared/faces-eval"));
        List<Face> faces = new ArrayList<>();
        int failed = 0;
        try (FacePipeline pipeline = new FacePipeline(ModelPack.load("classpath:default"), FacePipeline.Engine.ONNX_RUNTIME)) {
            // Enrolment-grade rules, but small faces allowed: the Congress photos are 200×250.
            ScanRules rules = new ScanRules(40, 0.0, true);
            ScanRules probe = new ScanRules(40, 0.0, false);
            for (String set : List.of("london_cc_by", "impostors_canada_cc_by", "impostors_congress_pd")) {
                try (Stream<Path> files = Files.walk(root.resolve(set))) {
                    for (Path p : files.filter(f -> f.toString().endsWith(".jpg")).sorted().toList()) {
                        byte[] photo = Files.readAllBytes(p);
                        FaceScan s = pipeline.scan(photo, rules);
                        if (s.outcome() == Outcome.FACE) {
                            faces.add(new Face(set, set + "/" + p.getParent().getFileName(), s.embedding(),
                                    pipeline.scan(photo, probe).embedding()));
                        } else {
                            failed++;
                        }
                    }
                }
            }
        }
        List<Double> genuine = new ArrayList<>();
        int impostorCount = 0;
        double[] impostor = new double[faces.size() * (faces.size() - 1) / 2];
        for (int i = 0; i < faces.size(); i++) {
            for (int j = i + 1; j < faces.size(); j++) {
                // Template of one photo against the till's probe of the other, as identification compares them.
                double c = dot(faces.get(i).e(), faces.get(j).p());
                if (faces.get(i).identity().equals(faces.get(j).identity())) {
                    genuine.add(c);
                } else {
                    impostor[impostorCount++] = c;
                }
            }
        }
        double[] imp = Arrays.copyOf(impostor, impostorCount);
        Arrays.sort(imp);
        double[] gen = genuine.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("faces embedded %d (no usable face in %d photos); genuine pairs %d, impostor pairs %d%n",
                faces.size(), failed, gen.length, imp.length);
        System.out.println("threshold   FAR        FRR");
        for (double t = 0.20; t <= 0.601; t += 0.02) {
            System.out.printf("%.2f        %.5f    %.5f%n", t, above(imp, t), below(gen, t));
        }
        for (double far : new double[] {0.01, 0.001, 0.0001}) {
            double t = imp[Math.min(imp.length - 1, (int) Math.ceil(imp.length * (1 - far)))];
            System.out.printf("FAR <= %.2f%%: threshold %.3f, FAR %.5f, FRR %.5f%n", far * 100, t, above(imp, t), below(gen, t));
        }
        System.out.printf("genuine min %.3f median %.3f; impostor max %.3f%n", gen[0], gen[gen.length / 2], imp[imp.length - 1]);
    }

    static double above(double[] sorted, double t) {
        int i = Arrays.binarySearch(sorted, t);
        int idx = i >= 0 ? i : -i - 1;
        while (idx < sorted.length && sorted[idx] <= t) {
            idx++;
        }
        return (double) (sorted.length - idx) / sorted.length;
    }

    static double below(double[] sorted, double t) {
        int n = 0;
        for (double v : sorted) {
            if (v <= t) {
                n++;
            }
        }
        return (double) n / sorted.length;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
