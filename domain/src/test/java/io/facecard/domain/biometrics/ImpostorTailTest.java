package io.facecard.domain.biometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ImpostorTailTest {
    static final ImpostorTail TAIL = new ImpostorTail(0.30, 1e-3, 0.03);

    @Test
    void theRateFallsExponentiallyAboveTheFitAndStaysAtTheShareBelowIt() {
        assertThat(TAIL.perComparison(0.30)).isEqualTo(1e-3);
        assertThat(TAIL.perComparison(0.20)).as("below the fit: the measured share, never less").isEqualTo(1e-3);
        assertThat(TAIL.perComparison(0.36)).isCloseTo(1e-3 * Math.exp(-2), within(1e-12));
    }

    @Test
    void aLargerGalleryNeedsAHigherThreshold() {
        double small = TAIL.thresholdFor(1_000, 1);
        double large = TAIL.thresholdFor(100_000, 1);
        assertThat(large).isGreaterThan(small);
        // Each tenfold of templates costs scale · ln 10 of threshold.
        assertThat(large - small).isCloseTo(2 * 0.03 * Math.log(10), within(1e-9));
    }

    @Test
    void theDerivedThresholdGivesExactlyTheAllowedRate() {
        double t = TAIL.thresholdFor(100_000, 1);
        assertThat(TAIL.falseAcceptsPer10k(t, 100_000)).isCloseTo(1.0, within(1e-6)).isLessThanOrEqualTo(1.0);
        assertThat(TAIL.falseAcceptsPer10k(t + 0.01, 100_000)).isLessThan(1.0);
    }

    @Test
    void aTinyGalleryNeverGoesBelowTheFittedRange() {
        assertThat(TAIL.thresholdFor(1, 10_000)).isEqualTo(0.30);
        assertThat(TAIL.falseAcceptsPer10k(0.0, 0)).isEqualTo(10.0);
    }

    @Test
    void aTailNeedsAPositiveShareAndScale() {
        assertThatThrownBy(() -> new ImpostorTail(0.3, 0, 0.03)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImpostorTail(0.3, 1e-3, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theThresholdForARateNeverExpectsMoreThanThatRate() {
        for (long templates : new long[] {1, 7, 919, 1_000, 10_000, 123_457, 1_000_000}) {
            for (double per10k : new double[] {0.001, 0.01, 1, 3.3, 666.67}) {
                assertThat(TAIL.falseAcceptsPer10k(TAIL.thresholdFor(templates, per10k), templates))
                        .as("%d templates, %s per 10k", templates, per10k).isLessThanOrEqualTo(per10k);
            }
        }
    }
}
