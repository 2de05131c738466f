package io.facecard.domain.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.domain.membership.MatchPolicy.Verdict;
import org.junit.jupiter.api.Test;

class MatchPolicyTest {
    static final MatchPolicy POLICY = new MatchPolicy(0.40, 0.05);

    @Test
    void belowTheThresholdIsNoMatch() {
        assertThat(POLICY.decide(0.399, Double.NaN)).isEqualTo(Verdict.NO_MATCH);
        assertThat(POLICY.decide(Double.NaN, Double.NaN)).as("an empty gallery").isEqualTo(Verdict.NO_MATCH);
    }

    @Test
    void theThresholdItselfMatches() {
        assertThat(POLICY.decide(0.40, Double.NaN)).isEqualTo(Verdict.MATCH);
        assertThat(POLICY.accepts(0.40)).isTrue();
        assertThat(POLICY.accepts(0.3999)).isFalse();
    }

    @Test
    void aRunnerUpTooCloseAboveTheThresholdIsAmbiguous() {
        assertThat(POLICY.decide(0.62, 0.60)).isEqualTo(Verdict.AMBIGUOUS);
    }

    @Test
    void aRunnerUpAtTheMarginOrBelowTheThresholdDoesNotMatter() {
        assertThat(POLICY.decide(0.66, 0.60)).isEqualTo(Verdict.MATCH);
        assertThat(POLICY.decide(0.42, 0.39)).as("the runner-up is no candidate").isEqualTo(Verdict.MATCH);
    }
}
