package io.facecard.bench;

import io.facecard.adapters.outbound.biometrics.FacePipeline;
import io.facecard.application.biometrics.port.FaceAnalysis.FaceScan;
import io.facecard.application.biometrics.port.FaceAnalysis.Outcome;
import io.facecard.application.biometrics.port.FaceAnalysis.ScanRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The photos of ../shared/faces-eval, each scanned twice: as an enrolment photo (strict rules,
 * both orientations) and as a till's probe (lenient rules, one orientation). The three folder
 * sets are {@code <set>/<identity>/<n>.jpg}; the wild set is flat, its identities are the
 * connected groups of its same-person pairs.
 */
final class EvalPhotos {
    static final List<String> FOLDER_SETS = List.of("london_cc_by", "impostors_canada_cc_by", "impostors_congress_pd");
    static final String WILD = "wild_pairs_deepface";

    /**
     * @param enrolment the strict scan (its verdict and checks)
     * @param template the photo's template even where enrolment refused it, to see what a refused photo would have scored
     * @param probe the till's scan
     */
    record Photo(String set, String identity, String file, FaceScan enrolment, FaceScan template, FaceScan probe) {
        boolean enrollable() {
            return enrolment.outcome() == Outcome.FACE;
        }

        boolean probed() {
            return probe.outcome() == Outcome.FACE;
        }
    }

    /** A same-person or different-person pair of the wild set's pairs.csv. */
    record Pair(String x, String y, boolean same) {}

    private EvalPhotos() {}

    /** Face width floor 40 px: the Congress photos are 200×250. */
    static final ScanRules ENROL = new ScanRules(40, 0.5, true, true);
    static final ScanRules PROBE = new ScanRules(40, ScanRules.TILL_FLOOR, true, false);
    static final ScanRules ANY_TEMPLATE = new ScanRules(40, 0, true, false);

    static List<Photo> load(FacePipeline pipeline, Path root) throws Exception {
        List<Photo> out = new ArrayList<>();
        for (String set : FOLDER_SETS) {
            try (Stream<Path> files = Files.walk(root.resolve(set))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".jpg")).sorted().toList()) {
                    out.add(scan(pipeline, set, set + "/" + p.getParent().getFileName(), p));
                }
            }
        }
        Map<String, String> identity = wildIdentities(pairs(root));
        for (Map.Entry<String, String> e : identity.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            out.add(scan(pipeline, WILD, WILD + "/" + e.getValue(), root.resolve(WILD).resolve(e.getKey())));
        }
        return out;
    }

    private static Photo scan(FacePipeline pipeline, String set, String identity, Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        return new Photo(set, identity, file.getFileName().toString(), pipeline.scan(bytes, ENROL),
                pipeline.scan(bytes, ANY_TEMPLATE), pipeline.scan(bytes, PROBE));
    }

    static List<Pair> pairs(Path root) throws Exception {
        List<Pair> pairs = new ArrayList<>();
        List<String> lines = Files.readAllLines(root.resolve(WILD).resolve("pairs.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            if (c.length == 3) {
                pairs.add(new Pair(c[0].strip(), c[1].strip(), c[2].strip().equals("yes")));
            }
        }
        return pairs;
    }

    /** File → identity name (the smallest file name of its group), by union-find over same-person pairs. */
    static Map<String, String> wildIdentities(List<Pair> pairs) {
        Map<String, String> parent = new HashMap<>();
        for (Pair p : pairs) {
            String a = root(parent, p.x());
            String b = root(parent, p.y());
            if (p.same() && !a.equals(b)) {
                parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
            }
        }
        Map<String, String> out = new HashMap<>();
        for (String f : parent.keySet()) {
            out.put(f, root(parent, f));
        }
        return out;
    }

    private static String root(Map<String, String> parent, String x) {
        parent.putIfAbsent(x, x);
        while (!parent.get(x).equals(x)) {
            x = parent.get(x);
        }
        return x;
    }
}
