package io.facecard.it;

import static io.facecard.it.Api.jpeg;

/**
 * Till photos of an enrolled member that score within a band: the harder variants of their enrolment photo (a scarf,
 * blur) measured by 1:1 verification, which scores exactly as identification does. Templates and probes are both
 * mirror-averaged, so a mirrored or rescaled copy scores near 1 and cannot stand for "another photo" any more.
 */
public final class Probes {
    private Probes() {}

    /** The first harder variant of {@code photo} that verifies against {@code member} at a score in [lo, hi]. */
    public static byte[] scoring(Api.Chain chain, String member, byte[] photo, double lo, double hi) {
        StringBuilder seen = new StringBuilder();
        for (byte[] probe : Photos.harder(photo)) {
            Api.Reply v = jpeg("/api/v1/members/" + member + "/verify", chain.adminToken(), probe);
            double score = v.status() == 200 ? v.json().path("score").asDouble() : Double.NaN;
            seen.append(String.format(" %.3f", score));
            if (score >= lo && score <= hi) {
                return probe;
            }
        }
        throw new AssertionError(String.format("no harder photo scores in [%.3f, %.3f]; seen%s", lo, hi, seen));
    }
}
