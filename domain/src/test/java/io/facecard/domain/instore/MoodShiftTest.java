package io.facecard.domain.instore;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.domain.biometrics.Expression;
import org.junit.jupiter.api.Test;

class MoodShiftTest {
    @Test
    void theIndexIsTheMeanShiftWithAnIntervalThatNarrowsWithVisits() {
        MoodShift few = MoodShift.of(0, 0.5).plus(MoodShift.of(0, -0.1)).plus(MoodShift.of(0.2, 0.5));
        assertThat(few.index()).isCloseTo((0.5 - 0.1 + 0.3) / 3, org.assertj.core.data.Offset.offset(1e-9));
        MoodShift many = MoodShift.NONE;
        for (int i = 0; i < 100; i++) {
            many = many.plus(few);
        }
        assertThat(many.index()).isCloseTo(few.index(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(many.margin()).isLessThan(few.margin() / 5);
    }

    @Test
    void oneVisitHasNoIntervalAndNoneHasNoIndex() {
        assertThat(MoodShift.of(0, 1).margin()).isNaN();
        assertThat(MoodShift.NONE.index()).isNaN();
    }

    @Test
    void aMarkedDropIsAHappyEntranceAndANeutralOrWorseExit() {
        assertThat(MoodShift.markedDrop(0.9, 0.1)).isTrue();
        assertThat(MoodShift.markedDrop(0.2, -0.1)).isFalse();
    }

    @Test
    void moodIsTheExpectedValenceOfAReading() {
        float[] happy = {0, 0, 0, 0.8f, 0, 0, 0.2f};
        float[] sad = {0, 0, 0, 0, 0.6f, 0, 0.4f};
        assertThat(Expression.mood(happy)).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Expression.mood(sad)).isCloseTo(-0.6, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Expression.likeliest(sad)).isEqualTo(Expression.SAD);
    }

    @Test
    void ageBandsAreTenYearsWide() {
        assertThat(AgeBand.of(12)).isEqualTo(AgeBand.UNDER_18);
        assertThat(AgeBand.of(24.9)).isEqualTo(AgeBand.FROM_18_TO_24);
        assertThat(AgeBand.of(25)).isEqualTo(AgeBand.FROM_25_TO_34);
        assertThat(AgeBand.of(81)).isEqualTo(AgeBand.FROM_65);
    }
}
