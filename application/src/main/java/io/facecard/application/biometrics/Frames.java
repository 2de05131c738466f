package io.facecard.application.biometrics;

import io.facecard.application.biometrics.port.Bursts;
import io.facecard.application.biometrics.port.FaceAnalysis.Checks;
import io.facecard.application.biometrics.port.FaceAnalysis.FaceScan;
import io.facecard.application.biometrics.port.FaceAnalysis.Outcome;
import io.facecard.domain.membership.MembershipRule;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Several frames of one customer (a till's short burst) made into one probe. Each frame's template
 * counts by its quality, so a blurred or turned frame pulls less; the sum is re-normalised, which
 * averages away what differs from frame to frame (light, expression, a blink) and keeps the face.
 * Frames must show one person: any two usable frames that do not verify against each other refuse
 * the whole burst (a passer-by in one frame must not be fused into the customer).
 */
@ApplicationScoped
public class Frames implements Bursts {
    @Override
    public void checkCount(int frames) {
        if (frames < 1 || frames > MAX) {
            throw Refusal.invalid("send 1 to " + MAX + " frames of one customer");
        }
    }

    @Override
    public FaceScan fuse(List<FaceScan> scans, double sameThreshold) {
        List<FaceScan> usable = scans.stream().filter(s -> s.outcome() == Outcome.FACE).toList();
        if (usable.isEmpty()) {
            return scans.get(0);
        }
        if (usable.size() == 1) {
            return usable.get(0);
        }
        requireOnePerson(usable, sameThreshold);
        int dims = usable.get(0).embedding().length;
        double[] sum = new double[dims];
        FaceScan best = usable.get(0);
        double liveness = 0;
        int live = 0;
        for (FaceScan s : usable) {
            double weight = Math.max(0.05, s.quality()); // a frame the pipeline took still counts a little
            for (int i = 0; i < dims; i++) {
                sum[i] += weight * s.embedding()[i];
            }
            if (s.quality() > best.quality()) {
                best = s;
            }
            if (!Double.isNaN(s.checks().liveness())) {
                liveness += s.checks().liveness();
                live++;
            }
        }
        double norm = 0;
        for (double v : sum) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] fused = new float[dims];
        for (int i = 0; i < dims; i++) {
            fused[i] = (float) (sum[i] / norm);
        }
        Checks c = best.checks();
        Checks checks = new Checks(c.turn(), c.eyesOpen(), c.sharpness(), c.mirrorAgreement(), live == 0 ? Double.NaN : liveness / live);
        return new FaceScan(Outcome.FACE, fused, best.quality(), best.faceWidth(), best.facesFound(), checks);
    }

    /** Refuses templates that are not all of one person, changing nothing. */
    @Override
    public void requireOnePerson(List<FaceScan> scans, double sameThreshold) {
        for (int i = 0; i < scans.size(); i++) {
            for (int j = i + 1; j < scans.size(); j++) {
                double score = dot(scans.get(i).embedding(), scans.get(j).embedding());
                if (score < sameThreshold) {
                    throw new Refusal(MembershipRule.FACE_REJECTED, "NOT_SAME_PERSON", String.format(
                            "the photos do not all show the same person (two of them score %.2f; one person scores %.2f or more)",
                            score, sameThreshold));
                }
            }
        }
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
