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
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Synthetic templates with the statistics of this model's real ones, for galleries larger than
 * any photo set. Uniform random vectors are far more spread out than real faces (impostor
 * cosine σ 0.044 against about 0.1), which makes every approximate index look worse than it is
 * in use; templates drawn here have the real embeddings' mean and covariance instead.
 *
 * <p>Fitted on ../shared/faces-eval: one enrolment template per person (London first photos,
 * Canada, Congress) gives the mean and, centred, the directions; a template is the mean plus a
 * Gaussian mix of 16 random centred real templates (same covariance as the real set). A probe of
 * a template adds the real change between a London person's enrolment and their second photo
 * taken as a till probe (one orientation), so a probe is as far from its template as real ones are.
 */
final class FaceLikeGallery {
    private static final int MIX = 16;
    private final float[] mean;
    private final float[][] centred;
    private final float[][] changes;
    private final double[] genuine;
    private final double[] impostor;

    private FaceLikeGallery(float[] mean, float[][] centred, float[][] changes, double[] genuine, double[] impostor) {
        this.mean = mean;
        this.centred = centred;
        this.changes = changes;
        this.genuine = genuine;
        this.impostor = impostor;
    }

    static FaceLikeGallery fit(Path eval) throws Exception {
        List<float[]> identities = new ArrayList<>();
        List<float[]> changes = new ArrayList<>();
        List<Double> genuine = new ArrayList<>();
        try (FacePipeline pipeline = new FacePipeline(ModelPack.load("classpath:default"), FacePipeline.Engine.ONNX_RUNTIME)) {
            for (String set : List.of("london_cc_by", "impostors_canada_cc_by", "impostors_congress_pd")) {
                List<Path> people;
                try (Stream<Path> dirs = Files.list(eval.resolve(set))) {
                    people = dirs.filter(Files::isDirectory).sorted().toList();
                }
                for (Path person : people) {
                    float[] enrolled = embed(pipeline, person.resolve("1.jpg"), ScanRules.DEFAULT);
                    if (enrolled == null) {
                        continue;
                    }
                    // London people are the benchmarks' probes (genuine and strangers): a synthetic template mixed from
                    // their own faces would be a twin of a probe, and a stranger would "match" it. They give the changes only.
                    if (!set.equals("london_cc_by")) {
                        identities.add(enrolled);
                    }
                    float[] probe = Files.exists(person.resolve("2.jpg")) ? embed(pipeline, person.resolve("2.jpg"), ScanRules.probe(20)) : null;
                    if (probe != null) {
                        float[] change = new float[probe.length];
                        for (int i = 0; i < change.length; i++) {
                            change[i] = probe[i] - enrolled[i];
                        }
                        changes.add(change);
                        genuine.add(dot(probe, enrolled));
                    }
                }
            }
        }
        int d = identities.get(0).length;
        float[] mean = new float[d];
        identities.forEach(v -> add(mean, v, 1f / identities.size()));
        float[][] centred = identities.stream().map(v -> {
            float[] c = v.clone();
            add(c, mean, -1);
            return c;
        }).toArray(float[][]::new);
        double[] impostor = new double[identities.size() * (identities.size() - 1) / 2];
        int k = 0;
        for (int i = 0; i < identities.size(); i++) {
            for (int j = i + 1; j < identities.size(); j++) {
                impostor[k++] = dot(identities.get(i), identities.get(j));
            }
        }
        return new FaceLikeGallery(mean, centred, changes.toArray(float[][]::new),
                genuine.stream().mapToDouble(Double::doubleValue).toArray(), impostor);
    }

    private static float[] embed(FacePipeline pipeline, Path photo, ScanRules rules) throws Exception {
        FaceScan scan = pipeline.scan(Files.readAllBytes(photo), rules);
        return scan.outcome() == Outcome.FACE ? scan.embedding() : null;
    }

    /** A unit template; the same random state gives the same template. */
    float[] template(SplittableRandom random) {
        float[] v = mean.clone();
        for (int m = 0; m < MIX; m++) {
            add(v, centred[random.nextInt(centred.length)], (float) (random.nextGaussian() / Math.sqrt(MIX)));
        }
        return normalise(v);
    }

    /**
     * A till's probe of {@code template}: the change between two real photos of one person added to
     * it, times {@code scale} (above 1 for photos harder than faces-eval's same-session pairs).
     */
    float[] probe(float[] template, SplittableRandom random, double scale) {
        float[] v = template.clone();
        add(v, changes[random.nextInt(changes.length)], (float) scale);
        return normalise(v);
    }

    /** Real against synthetic: impostor and genuine cosine, so the reader can judge the fit. */
    String describe(SplittableRandom random, double scale) {
        double[] synthetic = new double[impostor.length];
        double[] probes = new double[2000];
        for (int i = 0; i < synthetic.length; i++) {
            synthetic[i] = dot(template(random), template(random));
        }
        for (int i = 0; i < probes.length; i++) {
            float[] t = template(random);
            probes[i] = dot(t, probe(t, random, scale));
        }
        return String.format("fitted on %d real templates and %d real genuine pairs%n"
                + "  impostor cosine  real: %s%n                   synthetic: %s%n"
                + "  genuine cosine   real: %s%n                   synthetic (change × %.1f): %s",
                centred.length, changes.length, stats(impostor), stats(synthetic), stats(genuine), scale, stats(probes));
    }

    private static String stats(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(s).map(x -> (x - mean) * (x - mean)).average().orElse(0));
        return String.format("mean %.3f sd %.3f p0.1 %.3f p50 %.3f p99.9 %.3f", mean, sd, s[(int) (s.length * 0.001)],
                s[s.length / 2], s[Math.min(s.length - 1, (int) (s.length * 0.999))]);
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void add(float[] into, float[] v, float factor) {
        for (int i = 0; i < into.length; i++) {
            into[i] += v[i] * factor;
        }
    }

    private static float[] normalise(float[] v) {
        double n = Math.sqrt(dot(v, v));
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / n);
        }
        return v;
    }
}
