package io.facecard.application.biometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.facecard.application.biometrics.port.FaceAnalysis.Checks;
import io.facecard.application.biometrics.port.FaceAnalysis.FaceScan;
import io.facecard.application.biometrics.port.FaceAnalysis.Outcome;
import io.facecard.domain.refusal.Refusal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramesTest {
    static final Frames FRAMES = new Frames();

    static FaceScan face(double quality, double liveness, float... v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float[] unit = v.clone();
        for (int i = 0; i < unit.length; i++) {
            unit[i] = (float) (unit[i] / Math.sqrt(n));
        }
        return new FaceScan(Outcome.FACE, unit, quality, 120, 1, new Checks(5, 1, 200, 0.9, liveness));
    }

    @Test
    void framesAreSummedByQualityIntoOneUnitProbe() {
        FaceScan fused = FRAMES.fuse(List.of(face(0.9, 0.8, 1, 0.2f, 0), face(0.3, 0.6, 1, -0.2f, 0)), 0.5);
        float[] e = fused.embedding();
        assertThat(e[0] * e[0] + e[1] * e[1] + e[2] * e[2]).isCloseTo(1f, within(1e-5f));
        assertThat(e[1]).as("the better frame pulls harder").isGreaterThan(0);
        assertThat(fused.quality()).isEqualTo(0.9);
        assertThat(fused.checks().liveness()).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void framesOfDifferentPeopleAreRefused() {
        assertThatThrownBy(() -> FRAMES.fuse(List.of(face(0.9, 1, 1, 0, 0), face(0.9, 1, 0, 1, 0)), 0.44))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo("NOT_SAME_PERSON"));
    }

    @Test
    void framesWithoutAFaceAreLeftOutAndNoneUsableSaysWhy() {
        FaceScan none = new FaceScan(Outcome.NO_FACE, null, 0, 0, 0);
        FaceScan one = face(0.8, Double.NaN, 1, 0, 0);
        assertThat(FRAMES.fuse(List.of(none, one), 0.44)).isSameAs(one);
        assertThat(FRAMES.fuse(List.of(none, none), 0.44).outcome()).isEqualTo(Outcome.NO_FACE);
    }

    @Test
    void oneToFiveFramesAreTaken() {
        FRAMES.checkCount(1);
        FRAMES.checkCount(5);
        assertThatThrownBy(() -> FRAMES.checkCount(0)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> FRAMES.checkCount(6)).isInstanceOf(Refusal.class);
    }
}
