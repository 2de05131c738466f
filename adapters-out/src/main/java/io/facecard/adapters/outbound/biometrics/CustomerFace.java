package io.facecard.adapters.outbound.biometrics;

import java.util.List;
import java.util.Optional;
import org.opencv.core.Rect;

/**
 * Which face in a till photo is the customer's: the camera is pointed at the person paying, so
 * the face that is both large and near the centre wins over a queue, a companion or a poster.
 * Only two faces that are nearly equal candidates leave the till unable to choose.
 */
final class CustomerFace {
    /** How much an off-centre face loses: at the image's corner its size counts this much less. */
    static final double CENTRE_WEIGHT = 0.5;
    /** A rival within this share of the best prominence makes the photo ambiguous. */
    static final double NEARLY_EQUAL = 0.8;

    private CustomerFace() {}

    /** The customer's face, or empty when two faces are nearly equal candidates. */
    static Optional<Rect> choose(List<Rect> faces, int imageWidth, int imageHeight) {
        Rect best = null;
        double bestScore = -1;
        double second = -1;
        for (Rect f : faces) {
            double p = prominence(f, faces, imageWidth, imageHeight);
            if (p > bestScore) {
                second = bestScore;
                bestScore = p;
                best = f;
            } else if (p > second) {
                second = p;
            }
        }
        if (best == null || second >= bestScore * NEARLY_EQUAL) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /** Width relative to the widest face, damped linearly by the distance of its centre from the image's. */
    static double prominence(Rect face, List<Rect> faces, int imageWidth, int imageHeight) {
        int widest = faces.stream().mapToInt(r -> r.width).max().orElse(face.width);
        double dx = face.x + face.width / 2.0 - imageWidth / 2.0;
        double dy = face.y + face.height / 2.0 - imageHeight / 2.0;
        double offCentre = Math.hypot(dx, dy) / Math.hypot(imageWidth / 2.0, imageHeight / 2.0);
        return (double) face.width / widest * (1 - CENTRE_WEIGHT * offCentre);
    }
}
