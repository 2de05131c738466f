package io.facecard.application.membership;

import io.facecard.domain.membership.MatchPolicy;
import io.facecard.domain.refusal.Refusal;

/**
 * A tenant's face-matching settings. The default threshold comes from the accuracy benchmark on
 * faces-eval (cosine 0.369 gave a false-accept rate of 0.1% with no false rejects); 0.40 keeps a
 * margin for tills, which see harder photos than that set.
 */
public record FaceSettings(double matchThreshold, double ambiguityMargin, int minFacePixels) {
    public static final FaceSettings DEFAULT = new FaceSettings(0.40, 0.05, 60);

    public FaceSettings {
        if (matchThreshold < 0.2 || matchThreshold > 0.95) {
            throw Refusal.invalid("'matchThreshold' must be between 0.2 and 0.95");
        }
        if (ambiguityMargin < 0 || ambiguityMargin > 0.5) {
            throw Refusal.invalid("'ambiguityMargin' must be between 0 and 0.5");
        }
        if (minFacePixels < 20 || minFacePixels > 2000) {
            throw Refusal.invalid("'minFacePixels' must be between 20 and 2000");
        }
    }

    public MatchPolicy policy() {
        return new MatchPolicy(matchThreshold, ambiguityMargin);
    }
}
