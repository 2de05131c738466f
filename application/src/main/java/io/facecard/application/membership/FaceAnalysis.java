package io.facecard.application.membership;

/**
 * Port out: finds the face in a photo and turns it into a template. Photos are processed in
 * memory only; implementations neither store nor log them.
 */
public interface FaceAnalysis {

    FaceScan scan(byte[] image, ScanRules rules);

    /** @param minFacePixels the smallest face width accepted, in pixels of the original image */
    record ScanRules(int minFacePixels, double minQuality) {
        public static final ScanRules DEFAULT = new ScanRules(60, 0.5);
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
    class UnreadableImage extends RuntimeException {
        private final String reason;

        public UnreadableImage(String reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
