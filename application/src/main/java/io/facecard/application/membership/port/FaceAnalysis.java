package io.facecard.application.membership.port;

import io.facecard.domain.membership.MembershipRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;

/**
 * Port out: finds the face in a photo and turns it into a template. Photos are processed in
 * memory only; implementations neither store nor log them.
 */
public interface FaceAnalysis {

    FaceScan scan(byte[] image, ScanRules rules);

    /**
     * A scan on a tenant's behalf: a shared pipeline takes tenants' photos in turn and may refuse a
     * tenant that already has its share of photos waiting ({@code MembershipRule.FACE_CAPACITY}).
     */
    default FaceScan scanFor(TenantId tenant, byte[] image, ScanRules rules) {
        return scan(image, rules);
    }

    /**
     * @param minFacePixels the smallest face width accepted, in pixels of the original image
     * @param bothOrientations embed the face and its mirror image: steadier templates for enrolment,
     *     at twice the embedding cost; a till's probe takes one orientation
     */
    record ScanRules(int minFacePixels, double minQuality, boolean bothOrientations) {
        public static final ScanRules DEFAULT = new ScanRules(60, 0.5, true);

        public ScanRules(int minFacePixels, double minQuality) {
            this(minFacePixels, minQuality, true);
        }

        public static ScanRules enrolment(int minFacePixels) {
            return new ScanRules(minFacePixels, DEFAULT.minQuality(), true);
        }

        public static ScanRules probe(int minFacePixels) {
            return new ScanRules(minFacePixels, DEFAULT.minQuality(), false);
        }
    }

    enum Outcome {
        FACE,
        NO_FACE,
        MULTIPLE_FACES,
        FACE_TOO_SMALL,
        LOW_QUALITY
    }

    /** The embedding is L2-normalised, so a dot product is the cosine similarity. Null unless outcome is FACE. */
    record FaceScan(Outcome outcome, float[] embedding, double quality, int faceWidth, int facesFound) {}

    /** The bytes are not an image this pipeline accepts (corrupt, truncated, not JPEG/PNG, or too large to decode). */
    /** An image the pipeline cannot read; {@code reason} says why (NOT_AN_IMAGE, CORRUPT_IMAGE, IMAGE_TOO_LARGE). */
    class UnreadableImage extends Refusal {
        public UnreadableImage(String reason, String detail) {
            super(reason.equals("IMAGE_TOO_LARGE") ? MembershipRule.IMAGE_TOO_LARGE : MembershipRule.UNREADABLE_IMAGE, reason, detail);
        }
    }
}
