package io.facecard.bench;

import io.facecard.bench.EvalPhotos.Photo;
import io.facecard.domain.biometrics.MatchPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Identification the way a till sees it. Enrolled: every wild-set person and every other London
 * person, with their first one or three enrollable photos as templates; their other photos are
 * the genuine probes. Not enrolled: the remaining London people, both photos as probes.
 * Distractors: every Canada and Congress face, then synthetic face-like templates up to the
 * gallery size. Each probe is decided by the platform's {@link MatchPolicy} at the threshold the
 * gallery size calls for.
 */
final class OneToMany {
    record Template(String member, float[] vector) {}

    record Probe(String set, String person, boolean enrolled, float[] vector, double quality) {}

    /** Counts per decision for genuine and for non-enrolled probes. */
    static final class Tally {
        int genuine;
        int right;
        int confirm;
        int confirmResolvable;
        int rejected;
        int wrongMatch;
        int strangers;
        int strangerConfirm;
        int strangerWrong;
    }

    private final List<Template> real = new ArrayList<>();
    private final List<Probe> probes = new ArrayList<>();
    private final FaceLikeGallery synthetic;

    OneToMany(List<Photo> photos, int enrolPhotos, FaceLikeGallery synthetic) {
        this.synthetic = synthetic;
        Map<String, List<Photo>> byPerson = new LinkedHashMap<>();
        photos.forEach(p -> byPerson.computeIfAbsent(p.identity(), k -> new ArrayList<>()).add(p));
        int london = 0;
        for (Map.Entry<String, List<Photo>> e : byPerson.entrySet()) {
            List<Photo> own = e.getValue();
            String set = own.get(0).set();
            boolean enrolled = !set.equals("london_cc_by") || london++ % 2 == 0;
            if (set.startsWith("impostors_")) {
                own.stream().filter(Photo::enrollable).forEach(p -> real.add(new Template(e.getKey(), p.enrolment().embedding())));
                continue;
            }
            int taken = 0;
            for (Photo p : own) {
                // Keep at least one photo of each enrolled person as a probe.
                boolean template = enrolled && p.enrollable() && taken < enrolPhotos && taken < own.size() - 1;
                if (template) {
                    real.add(new Template(e.getKey(), p.enrolment().embedding()));
                    taken++;
                } else {
                    probes.add(new Probe(set, e.getKey(), enrolled && taken > 0, p.probed() ? p.probe().embedding() : null,
                            p.probe().quality()));
                }
            }
        }
    }

    /**
     * @param policy the bands the platform's settings make for this gallery size
     * @param sureQuality the probe quality from which a confident score is taken without asking
     */
    Tally run(int gallerySize, MatchPolicy policy, double sureQuality) {
        int extra = Math.max(0, gallerySize - real.size());
        SplittableRandom random = new SplittableRandom(42);
        float[][] fake = new float[extra][];
        for (int i = 0; i < extra; i++) {
            fake[i] = synthetic.template(random);
        }
        Tally t = new Tally();
        for (Probe probe : probes) {
            if (probe.enrolled()) {
                t.genuine++;
            } else {
                t.strangers++;
            }
            if (probe.vector() == null) {
                if (probe.enrolled()) {
                    t.rejected++;
                }
                continue;
            }
            Map<String, Double> best = new LinkedHashMap<>();
            for (Template tpl : real) {
                best.merge(tpl.member(), FaceLikeGallery.dot(tpl.vector(), probe.vector()), Math::max);
            }
            double[] fakeScores = new double[extra];
            for (int i = 0; i < extra; i++) {
                fakeScores[i] = FaceLikeGallery.dot(fake[i], probe.vector());
            }
            Arrays.sort(fakeScores);
            for (int i = Math.max(0, extra - 3); i < extra; i++) {
                best.put("synthetic-" + i, fakeScores[i]);
            }
            List<Map.Entry<String, Double>> ranked = best.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(3).toList();
            double top = ranked.get(0).getValue();
            double runnerUp = ranked.size() > 1 ? ranked.get(1).getValue() : Double.NaN;
            MatchPolicy.Verdict v = policy.decide(top, runnerUp, probe.quality() >= sureQuality);
            boolean topIsRight = ranked.get(0).getKey().equals(probe.person());
            int offered = policy.candidates(ranked.stream().map(Map.Entry::getValue).toList());
            boolean rightOffered = ranked.stream().limit(offered).anyMatch(c -> c.getKey().equals(probe.person()));
            if (probe.enrolled()) {
                switch (v) {
                    case MATCH -> {
                        if (topIsRight) {
                            t.right++;
                        } else {
                            t.wrongMatch++;
                        }
                    }
                    case CONFIRM -> {
                        t.confirm++;
                        if (rightOffered) {
                            t.confirmResolvable++;
                        }
                    }
                    case NO_MATCH -> t.rejected++;
                }
            } else if (v == MatchPolicy.Verdict.MATCH) {
                t.strangerWrong++;
            } else if (v == MatchPolicy.Verdict.CONFIRM) {
                t.strangerConfirm++;
            }
        }
        return t;
    }

    /** Probes of one set only (the wild set's figures are the targets). */
    OneToMany only(String set) {
        OneToMany o = new OneToMany(this);
        o.probes.removeIf(p -> !p.set().equals(set));
        return o;
    }

    private OneToMany(OneToMany from) {
        real.addAll(from.real);
        probes.addAll(from.probes);
        synthetic = from.synthetic;
    }

    int templates() {
        return real.size();
    }
}
