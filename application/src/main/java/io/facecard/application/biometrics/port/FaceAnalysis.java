package io.facecard.application.biometrics.port;

import io.facecard.domain.biometrics.Expression;
import io.facecard.domain.biometrics.ImpostorTail;
import io.facecard.domain.membership.MembershipRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.util.List;

/**
 * Port out: finds the face in a photo and turns it into a template. Photos are processed in
 * memory only; implementations neither store nor log them.
 */
public interface FaceAnalysis {

    FaceScan scan(byte[] image, ScanRules rules);

    /** How this model's scores of two different people fall off at the top: what gallery-size thresholds are derived from. */
    ImpostorTail impostorTail();

    /**
     * A scan on a tenant's behalf: a shared pipeline takes tenants' photos in turn and may refuse a
     * tenant that already has its share of photos waiting ({@code MembershipRule.FACE_CAPACITY}).
     */
    default FaceScan scanFor(TenantId tenant, byte[] image, ScanRules rules) {
        return scan(image, rules);
    }

    /**
     * A scan for bulk work (an import): it may run on a lane of its own that takes one core at a time,
     * slower per photo, so the tills keep the others. The same templates as {@link #scanFor}.
     */
    default FaceScan scanInBackground(TenantId tenant, byte[] image, ScanRules rules) {
        return scanFor(tenant, image, rules);
    }

    /**
     * Every face at least {@code minFacePixels} wide in a store camera's image (a crop or a whole frame), each with its
     * template (attributes not yet read: null), on the bulk lane: cameras never take a till's turn. Nothing is kept.
     */
    List<Observation> observe(TenantId tenant, byte[] image, int minFacePixels);

    /**
     * The attributes of the {@code face}-th face {@link #observe} returned for the same image and width: read second, so
     * who a face is (a watch list's alert) is known before what it looks like is measured.
     */
    Attributes attributes(TenantId tenant, byte[] image, int minFacePixels, int face);

    /**
     * What a face looks like, never who it is: estimated age in years, the probability the face is a man's (0–1), and the
     * probability of each {@link Expression} in that enum's order.
     */
    record Attributes(double age, double male, float[] expression) {
        public double mood() {
            return Expression.mood(expression);
        }
    }

    /** One face a store camera saw: its template (L2-normalised), how usable it is (0–1), its width in pixels, its attributes. */
    record Observation(float[] embedding, double quality, int faceWidth, Attributes attributes) {}

    /**
     * @param minFacePixels the smallest face width accepted, in pixels of the original image
     * @param minQuality below it the photo is refused as {@code LOW_QUALITY}
     * @param bothOrientations embed the face and its mirror image and sum them: steadier templates, at twice the
     *     embedding cost; enrolment and the till both do it (probes too: +4 points of right MATCH on the wild set at
     *     1,000 templates in AccuracyBenchmark, and their disagreement lowers a poor probe's quality)
     * @param strict enrolment: exactly one face, frontal, eyes open, sharp, each failure named; a till
     *     (not strict) takes the customer's face among several and refuses only what cannot be matched
     * @param liveness also score how likely the face is a live one rather than a photo or a screen
     */
    record ScanRules(int minFacePixels, double minQuality, boolean bothOrientations, boolean strict, boolean liveness) {
        /** Below this a till photo is refused: the face is not there to be matched (measured in AccuracyBenchmark). */
        public static final double TILL_FLOOR = 0.1;
        public static final ScanRules DEFAULT = enrolment(60);

        public ScanRules(int minFacePixels, double minQuality, boolean bothOrientations, boolean strict) {
            this(minFacePixels, minQuality, bothOrientations, strict, false);
        }

        public ScanRules(int minFacePixels, double minQuality) {
            this(minFacePixels, minQuality, true, true);
        }

        /** The same rules, also running the liveness model (it costs a model run: only where a tenant asks for it). */
        public ScanRules withLiveness() {
            return new ScanRules(minFacePixels, minQuality, bothOrientations, strict, true);
        }

        public static ScanRules enrolment(int minFacePixels) {
            return new ScanRules(minFacePixels, 0.5, true, true);
        }

        public static ScanRules probe(int minFacePixels) {
            return new ScanRules(minFacePixels, TILL_FLOOR, true, false);
        }
    }

    /** POSE, EYES_CLOSED and BLUR are enrolment's refusals; a till weighs them into the quality instead. */
    enum Outcome {
        FACE,
        NO_FACE,
        MULTIPLE_FACES,
        FACE_TOO_SMALL,
        LOW_QUALITY,
        POSE,
        EYES_CLOSED,
        BLUR
    }

    /**
     * What was measured on the chosen face ({@code NaN} where the pack has no model for it).
     *
     * @param turn the larger of |yaw| and |pitch|, degrees
     * @param eyesOpen the more open eye, 0–1 (closed eyes close both)
     * @param sharpness variance of the Laplacian of the aligned face
     * @param mirrorAgreement cosine between the embeddings of the face and its mirror image
     * @param liveness the liveness model's probability of a live face, 0–1
     */
    record Checks(double turn, double eyesOpen, double sharpness, double mirrorAgreement, double liveness) {
        public static final Checks NONE = new Checks(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        public Checks(double turn, double eyesOpen, double sharpness, double mirrorAgreement) {
            this(turn, eyesOpen, sharpness, mirrorAgreement, Double.NaN);
        }
    }

    /**
     * The embedding is L2-normalised, so a dot product is the cosine similarity. Null unless outcome is FACE.
     * {@code second} is the second embedder's (another model's view of the same aligned face), null where the
     * pack has none or the deployment turned it off.
     */
    record FaceScan(Outcome outcome, float[] embedding, double quality, int faceWidth, int facesFound, Checks checks, float[] second) {
        public FaceScan(Outcome outcome, float[] embedding, double quality, int faceWidth, int facesFound, Checks checks) {
            this(outcome, embedding, quality, faceWidth, facesFound, checks, null);
        }

        public FaceScan(Outcome outcome, float[] embedding, double quality, int faceWidth, int facesFound) {
            this(outcome, embedding, quality, faceWidth, facesFound, Checks.NONE);
        }
    }

    /** An image the pipeline cannot read; {@code reason} says why (NOT_AN_IMAGE, CORRUPT_IMAGE, IMAGE_TOO_LARGE); JPEG, PNG and WebP are read. */
    class UnreadableImage extends Refusal {
        public UnreadableImage(String reason, String detail) {
            super(reason.equals("IMAGE_TOO_LARGE") ? MembershipRule.IMAGE_TOO_LARGE : MembershipRule.UNREADABLE_IMAGE, reason, detail);
        }
    }
}
