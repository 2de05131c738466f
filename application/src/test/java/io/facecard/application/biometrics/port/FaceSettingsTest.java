package io.facecard.application.biometrics.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.facecard.domain.biometrics.ImpostorTail;
import org.junit.jupiter.api.Test;

/** The bands by risk, on the default model pack's impostor tail. */
class FaceSettingsTest {
    static final ImpostorTail TAIL = new ImpostorTail(0.3664, 0.001, 0.03356);

    @Test
    void matchIsAtTheGalleryAwareThresholdForTheAllowedFalseAccepts() {
        FaceSettings.Effective e = FaceSettings.DEFAULT.effective(1_000, TAIL);
        assertThat(e.matchThreshold()).isCloseTo(0.675, within(0.001));
        assertThat(e.confidentThreshold()).isEqualTo(e.matchThreshold());
        assertThat(e.falseAcceptsPer10k()).isCloseTo(1.0, within(1e-6)).isLessThanOrEqualTo(1.0);
        assertThat(FaceSettings.DEFAULT.effective(100_000, TAIL).matchThreshold()).as("a larger gallery needs more")
                .isCloseTo(0.830, within(0.001));
    }

    @Test
    void theStepUpFloorKeepsFaceAndDigitsTogetherAtTheSameRate() {
        for (long templates : new long[] {1_000, 10_000, 100_000}) {
            FaceSettings.Effective e = FaceSettings.DEFAULT.effective(templates, TAIL);
            assertThat(e.stepUpThreshold()).isLessThan(e.matchThreshold() - 0.2);
            assertThat(e.stepUpFalseAcceptsPer10k()).isCloseTo(1.0, within(1e-6)).isLessThanOrEqualTo(1.0);
            assertThat(e.stepUpsPer10k()).isCloseTo(1 / FaceSettings.DIGIT_GUESS_CHANCE, within(1e-3));
            assertThat(e.policy().threshold()).isEqualTo(e.stepUpThreshold());
        }
        assertThat(FaceSettings.DIGIT_GUESS_CHANCE).isEqualTo(0.0015);
    }

    @Test
    void aLooseTenantStillAsksAtMostOneStrangerInTen() {
        FaceSettings loose = new FaceSettings(0.2, null, 0.05, 60, 100, false, true, 0.5, false);
        FaceSettings.Effective e = loose.effective(10_000, TAIL);
        assertThat(e.stepUpsPer10k()).isCloseTo(FaceSettings.MAX_STEP_UPS_PER10K, within(1e-3));
        assertThat(e.stepUpFalseAcceptsPer10k()).isLessThan(100);
    }

    @Test
    void theAdminsFloorAndConfidentScoreAreHonoured() {
        FaceSettings strict = new FaceSettings(0.7, 0.9, 0.05, 60, 1, false, true, 0.5, false);
        FaceSettings.Effective e = strict.effective(1_000, TAIL);
        assertThat(e.matchThreshold()).isEqualTo(0.7);
        assertThat(e.stepUpThreshold()).as("no band beneath the admin's floor").isEqualTo(0.7);
        assertThat(e.confidentThreshold()).isEqualTo(0.9);
    }

    @Test
    void faceByPayNeedsAHundredthOfLoyaltysFalseAccepts() {
        FaceSettings.Effective e = FaceSettings.DEFAULT.effective(1_000, TAIL);
        assertThat(e.paymentThreshold()).isGreaterThan(e.matchThreshold());
        assertThat(e.paymentFalseAcceptsPer10k()).isCloseTo(0.01, within(1e-8));
    }
}
