package io.facecard.bench;

import io.facecard.adapters.outbound.biometrics.FacePipeline;
import io.facecard.adapters.outbound.biometrics.ModelPack;
import io.facecard.application.biometrics.port.FaceAnalysis.Outcome;
import io.facecard.application.biometrics.port.FaceSettings;
import io.facecard.bench.EvalPhotos.Pair;
import io.facecard.bench.EvalPhotos.Photo;
import io.facecard.domain.biometrics.ImpostorTail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Accuracy on ../shared/faces-eval, per set: what enrolment and the till make of each photo;
 * verification (an enrolment template against a till probe) as ROC points, FRR at FAR 1 %, 0.1 %,
 * 0.01 % and the equal error rate; the impostor tail fitted for the gallery-size thresholds; what
 * the photos enrolment refuses would have scored; identification at gallery sizes 1k, 10k, 100k
 * with one and three enrolment photos.
 *
 * <pre>cd adapters-in && ../mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.bench.AccuracyBenchmark -Dfaces.eval=../../shared/faces-eval</pre>
 * -Dbench.dump=true prints every wild-set photo's scans.
 */
public final class AccuracyBenchmark {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("faces.eval", "../../shared/faces-eval"));
        List<Photo> photos;
        try (FacePipeline pipeline = new FacePipeline(ModelPack.load("classpath:default"), FacePipeline.Engine.ONNX_RUNTIME)) {
            photos = EvalPhotos.load(pipeline, root);
            for (String group : List.of("couple.jpg", "selfie-many-people.jpg")) {
                byte[] bytes = Files.readAllBytes(root.resolve(EvalPhotos.WILD).resolve(group));
                var till = pipeline.scan(bytes, EvalPhotos.PROBE);
                List<int[]> boxes = pipeline.faceBoxes(bytes);
                System.out.printf("%-24s %d faces (widths %s); till: %s; enrolment: %s%n", group, boxes.size(),
                        boxes.stream().map(b -> String.valueOf(b[2])).toList(), till.outcome(), pipeline.scan(bytes, EvalPhotos.ENROL).outcome());
            }
        }
        acquisition(photos);
        if (Boolean.getBoolean("bench.dump")) {
            photos.stream().filter(p -> p.set().equals(EvalPhotos.WILD)).forEach(p -> System.out.printf(
                    "  %-12s %-28s enrol %-14s probe %-14s faces %d quality %.2f %s%n", p.file(), p.identity(), p.enrolment().outcome(),
                    p.probe().outcome(), p.probe().facesFound(), p.probe().quality(), p.enrolment().checks()));
        }
        Roc london = verification(photos, "london_cc_by");
        Roc wild = wildPairs(photos, EvalPhotos.pairs(root));
        Roc pooled = pooledImpostors(photos);
        System.out.print(london.report("London (genuine: same person; impostors: London people)"));
        System.out.print(wild.report("Wild (pairs.csv)"));
        System.out.print(pooled.report("All sets (genuine: London + wild; impostors: every pair of different people)"));
        ImpostorTail tail = fit(pooled.impostor, Double.parseDouble(System.getProperty("bench.tailShare", "0.001")));
        System.out.printf("impostor tail (for the model pack's manifest): impostor.tail.from=%.4f impostor.tail.share=%.6f impostor.tail.scale=%.5f%n",
                tail.from(), tail.share(), tail.scale());
        for (double t = tail.from(); t <= tail.from() + 0.2; t += 0.04) {
            System.out.printf("  at %.3f: measured %.2e, fitted %.2e%n", t, pooled.far(t), tail.perComparison(t));
        }
        refusals(photos, pooled.thresholdAt(0.001));
        identification(photos, tail, root);
    }

    private static void acquisition(List<Photo> photos) {
        Map<String, List<Photo>> bySet = photos.stream().collect(Collectors.groupingBy(Photo::set, TreeMap::new, Collectors.toList()));
        bySet.forEach((set, list) -> System.out.printf("%-24s %4d photos; enrolment %s; till %s%n", set, list.size(),
                counts(list, p -> p.enrolment().outcome()), counts(list, p -> p.probe().outcome())));
    }

    private static String counts(List<Photo> photos, Function<Photo, Outcome> f) {
        return photos.stream().collect(Collectors.groupingBy(f, TreeMap::new, Collectors.counting())).toString();
    }

    /** Every template of a set against every probe of the same set (templates even of photos enrolment refuses). */
    private static Roc verification(List<Photo> photos, String set) {
        List<Photo> of = photos.stream().filter(p -> p.set().equals(set)).toList();
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        for (Photo a : of) {
            for (Photo b : of) {
                if (a == b || a.template().embedding() == null) {
                    continue;
                }
                double s = b.probed() ? FaceLikeGallery.dot(a.template().embedding(), b.probe().embedding()) : -1;
                (a.identity().equals(b.identity()) ? genuine : impostor).add(s);
            }
        }
        return new Roc(array(genuine), array(impostor));
    }

    /**
     * The wild set's labelled pairs: the model's own figures, so a photo enrolment would refuse still
     * gives its template; a photo with no usable face scores −1 (a false reject).
     */
    private static Roc wildPairs(List<Photo> photos, List<Pair> pairs) {
        Map<String, Photo> byFile = photos.stream().filter(p -> p.set().equals(EvalPhotos.WILD))
                .collect(Collectors.toMap(Photo::file, p -> p));
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        for (Pair pair : pairs) {
            Photo x = byFile.get(pair.x());
            Photo y = byFile.get(pair.y());
            double s = x.template().embedding() != null && y.probed()
                    ? FaceLikeGallery.dot(x.template().embedding(), y.probe().embedding()) : -1;
            (pair.same() ? genuine : impostor).add(s);
        }
        return new Roc(array(genuine), array(impostor));
    }

    /** Impostors across every set (the tail's data); genuine from London and the wild set. */
    private static Roc pooledImpostors(List<Photo> photos) {
        List<Double> genuine = new ArrayList<>();
        double[] impostor = new double[photos.size() * photos.size()];
        int n = 0;
        for (Photo a : photos) {
            if (!a.enrollable()) {
                continue;
            }
            for (Photo b : photos) {
                if (a == b || !b.probed()) {
                    continue;
                }
                double s = FaceLikeGallery.dot(a.enrolment().embedding(), b.probe().embedding());
                if (a.identity().equals(b.identity())) {
                    genuine.add(s);
                } else {
                    impostor[n++] = s;
                }
            }
        }
        return new Roc(array(genuine), Arrays.copyOf(impostor, n));
    }

    /** Exponential fit above the score that leaves {@code share} of the impostors: scale = mean excess. */
    static ImpostorTail fit(double[] sortedImpostors, double share) {
        int from = (int) Math.floor(sortedImpostors.length * (1 - share));
        double u = sortedImpostors[from];
        double excess = 0;
        for (int i = from; i < sortedImpostors.length; i++) {
            excess += sortedImpostors[i] - u;
        }
        int k = sortedImpostors.length - from;
        return new ImpostorTail(u, (double) k / sortedImpostors.length, excess / k);
    }

    /** Would the photos enrolment refuses have been wrong? Their genuine scores as templates, by refusal. */
    private static void refusals(List<Photo> photos, double threshold) {
        System.out.printf("photos as templates against the same person's till probes, at the FAR-0.1 %% threshold %.3f:%n", threshold);
        Map<Outcome, List<Double>> byOutcome = new TreeMap<>();
        for (Photo a : photos) {
            if (a.template().embedding() == null) {
                continue;
            }
            for (Photo b : photos) {
                if (a != b && b.probed() && a.identity().equals(b.identity())) {
                    byOutcome.computeIfAbsent(a.enrolment().outcome(), o -> new ArrayList<>())
                            .add(FaceLikeGallery.dot(a.template().embedding(), b.probe().embedding()));
                }
            }
        }
        byOutcome.forEach((outcome, scores) -> {
            double[] s = array(scores);
            Arrays.sort(s);
            long below = Arrays.stream(s).filter(x -> x < threshold).count();
            System.out.printf("  enrolment %-14s %4d comparisons, median %.3f, below threshold %s%n", outcome, s.length,
                    s[s.length / 2], Roc.share((int) below, s.length));
        });
    }

    private static void identification(List<Photo> photos, ImpostorTail tail, Path root) throws Exception {
        FaceLikeGallery synthetic = FaceLikeGallery.fit(root);
        System.out.println(synthetic.describe(new SplittableRandom(7), 1.0));
        double admin = Double.parseDouble(System.getProperty("bench.threshold", String.valueOf(FaceSettings.DEFAULT.matchThreshold())));
        double per10k = Double.parseDouble(System.getProperty("bench.falseAcceptsPer10k", "1"));
        double margin = Double.parseDouble(System.getProperty("bench.margin", "0.05"));
        double sure = Double.parseDouble(System.getProperty("bench.sureQuality", "0.3"));
        System.out.printf("identification (the platform's bands, FaceSettings): admin floor %.2f, %.1f false accepts per 10k, margin %.2f, "
                + "sure from quality %.2f; right after step-up = MATCH right + CONFIRM with the right member offered%n", admin, per10k, margin, sure);
        OneToMany one = new OneToMany(photos, 1, synthetic).only(EvalPhotos.WILD);
        System.out.println("the price of the false-accept setting: wild set, one enrolment photo, gallery 10,000");
        for (double allowed : new double[] {1, 10, 100}) {
            FaceSettings.Effective e = settings(admin, margin, allowed).effective(10_000, tail);
            OneToMany.Tally t = one.run(10_000, e.policy(), sure);
            System.out.printf("  %6.0f per 10k: MATCH from %.3f, CONFIRM from %.3f; MATCH right %s; right after step-up %s; MATCH wrong %d%n",
                    allowed, e.confidentThreshold(), e.stepUpThreshold(), Roc.share(t.right, t.genuine),
                    Roc.share(t.right + t.confirmResolvable, t.genuine), t.wrongMatch);
        }
        for (int enrol : new int[] {1, 3}) {
            OneToMany all = new OneToMany(photos, enrol, synthetic);
            for (int size : new int[] {1_000, 10_000, 100_000}) {
                FaceSettings.Effective e = settings(admin, margin, per10k).effective(size, tail);
                System.out.printf("%d enrolment photo(s), gallery %,d templates (%d real): MATCH from %.3f, CONFIRM from %.3f, face-pay %.3f%n",
                        enrol, size, all.templates(), e.confidentThreshold(), e.stepUpThreshold(), e.paymentThreshold());
                for (String set : List.of(EvalPhotos.WILD, "london_cc_by")) {
                    OneToMany.Tally t = all.only(set).run(size, e.policy(), sure);
                    System.out.printf("  %-20s genuine: MATCH right %s; right after step-up %s (CONFIRM %d, right one offered %d); "
                                    + "rejected %d; MATCH wrong %d%n", set, Roc.share(t.right, t.genuine),
                            Roc.share(t.right + t.confirmResolvable, t.genuine), t.confirm, t.confirmResolvable, t.rejected, t.wrongMatch);
                    if (t.strangers > 0) {
                        System.out.printf("  %-20s strangers: %d probes, MATCH (wrong) %s, asked for digits %d (expected through: %.4f)%n", "",
                                t.strangers, Roc.share(t.strangerWrong, t.strangers), t.strangerConfirm,
                                t.strangerConfirm * FaceSettings.DIGIT_GUESS_CHANCE);
                    }
                }
            }
        }
    }

    private static FaceSettings settings(double admin, double margin, double per10k) {
        FaceSettings d = FaceSettings.DEFAULT;
        return new FaceSettings(admin, null, margin, d.minFacePixels(), per10k, false, false, d.minLiveness(), false);
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

}
