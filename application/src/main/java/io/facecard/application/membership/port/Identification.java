package io.facecard.application.membership.port;

/**
 * What membership answers when a till or the app asks who this is, published with {@link FaceIdentification}: checkout
 * and payment act on it.
 *
 * @param decision MATCH, CONFIRM (ask for the phone's last digits), NO_MATCH, or why the photo gave no answer
 * @param candidateToken with CONFIRM: what the till sends back with the customer's digits
 * @param hint what the till should do next ({@code USE_CARD}, {@code WRONG_DIGITS}), or null
 * @param triesLeft with CONFIRM: wrong digits the token still takes
 * @param liveness the liveness score where the tenant requires liveness, else null
 */
public record Identification(Decision decision, MemberView member, double score, String candidateToken, String hint,
        Integer triesLeft, Double liveness) {
    public enum Decision { MATCH, CONFIRM, NO_MATCH, NO_FACE, MULTIPLE_FACES, LOW_QUALITY, SPOOF }

    public Identification(Decision decision, MemberView member, double score) {
        this(decision, member, score, null, null, null, null);
    }

    public Identification(Decision decision, MemberView member, double score, String candidateToken, String hint, Integer triesLeft) {
        this(decision, member, score, candidateToken, hint, triesLeft, null);
    }

    public static Identification hint(Decision decision, double score, String hint) {
        return new Identification(decision, null, score, null, hint, null);
    }

    public Identification withMember(MemberView shown) {
        return new Identification(decision, shown, score, candidateToken, hint, triesLeft, liveness);
    }

    public Identification withLiveness(double score) {
        return Double.isNaN(score) ? this : new Identification(decision, member, this.score, candidateToken, hint, triesLeft, score);
    }
}
