package io.facecard.domain.checkout;

import io.facecard.domain.Published;
import java.util.Locale;

/**
 * How a face identified the checkout's member: the match score, the liveness score when it was
 * checked, and whether a CONFIRM was resolved by the phone's digits. A payment by our own face
 * match ({@code STRIPE_FACE}) asks more of it than a loyalty lookup does.
 */
@Published("what a payment needs of a face match: membership and payment both speak it")
public record FaceProof(double score, Double liveness, boolean confirmedByPhone) {
    /** What a payment needs: a score of at least {@code minScore} (or a phone-confirmed CONFIRM), and liveness when {@code minLiveness} is set. */
    public record Needed(double minScore, Double minLiveness) {}

    /** @return why it is not enough, or null when it is */
    public String shortOf(Needed needed) {
        if (!confirmedByPhone && score < needed.minScore()) {
            return "the face match scored " + String.format(Locale.ROOT, "%.3f", score) + ", a payment needs "
                    + String.format(Locale.ROOT, "%.3f", needed.minScore()) + " or the phone's digits";
        }
        if (needed.minLiveness() != null && (liveness == null || liveness < needed.minLiveness())) {
            return liveness == null ? "this tenant requires a liveness check for face payments, and none was made"
                    : "the liveness check scored below what a payment needs";
        }
        return null;
    }
}
