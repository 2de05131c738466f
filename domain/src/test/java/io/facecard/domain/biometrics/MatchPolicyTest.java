package io.facecard.domain.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.domain.biometrics.MatchPolicy.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchPolicyTest {
    static final MatchPolicy POLICY = new MatchPolicy(0.40, 0.50, 0.05);

    @Test
    void belowTheThresholdIsNoMatch() {
        assertThat(POLICY.decide(0.399, Double.NaN, true)).isEqualTo(Verdict.NO_MATCH);
        assertThat(POLICY.decide(Double.NaN, Double.NaN, true)).as("an empty gallery").isEqualTo(Verdict.NO_MATCH);
    }

    @Test
    void betweenTheThresholdAndTheConfidentScoreTheCustomerConfirms() {
        assertThat(POLICY.decide(0.40, Double.NaN, true)).isEqualTo(Verdict.CONFIRM);
        assertThat(POLICY.decide(0.4999, Double.NaN, true)).isEqualTo(Verdict.CONFIRM);
    }

    @Test
    void aConfidentClearBestMatches() {
        assertThat(POLICY.decide(0.50, Double.NaN, true)).isEqualTo(Verdict.MATCH);
        assertThat(POLICY.decide(0.66, 0.60, true)).as("the runner-up trails by the margin").isEqualTo(Verdict.MATCH);
        assertThat(POLICY.decide(0.52, 0.39, true)).as("the runner-up is no candidate").isEqualTo(Verdict.MATCH);
    }

    @Test
    void twoMembersWithinTheMarginConfirmEvenWhenConfident() {
        assertThat(POLICY.decide(0.80, 0.78, true)).isEqualTo(Verdict.CONFIRM);
    }

    @Test
    void aPoorProbeOnlyEverConfirms() {
        assertThat(POLICY.decide(0.90, Double.NaN, false)).isEqualTo(Verdict.CONFIRM);
        assertThat(POLICY.decide(0.30, Double.NaN, false)).isEqualTo(Verdict.NO_MATCH);
    }

    @Test
    void aConfidentScoreBelowTheThresholdIsRaisedToIt() {
        MatchPolicy p = new MatchPolicy(0.55, 0.45, 0.05);
        assertThat(p.confident()).isEqualTo(0.55);
        assertThat(p.decide(0.55, Double.NaN, true)).isEqualTo(Verdict.MATCH);
    }

    @Test
    void candidatesAreTheScoresAtOrAboveTheThresholdAtMostThree() {
        assertThat(POLICY.candidates(List.of(0.7, 0.45, 0.39))).isEqualTo(2);
        assertThat(POLICY.candidates(List.of(0.7, 0.6, 0.5, 0.45))).isEqualTo(3);
        assertThat(POLICY.candidates(List.of())).isZero();
    }
}
