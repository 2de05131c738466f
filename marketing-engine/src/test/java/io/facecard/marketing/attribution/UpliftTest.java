package io.facecard.marketing.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.facecard.marketing.port.CampaignAudience.Group;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UpliftTest {
    @Test
    void newcombesIntervalMatchesHisPublishedExample() {
        // Newcombe (1998), example (a): 56/70 against 48/80, difference 0.2000, method 10 interval 0.0524 to 0.3339.
        Uplift u = Uplift.of(new Group(70, 56, BigDecimal.ZERO, 0), new Group(80, 48, BigDecimal.ZERO, 0));
        assertThat(u.conversionDifference()).isCloseTo(0.2, within(1e-6));
        assertThat(u.conversionInterval()[0]).isCloseTo(0.0524, within(5e-4));
        assertThat(u.conversionInterval()[1]).isCloseTo(0.3339, within(5e-4));
    }

    @Test
    void wilsonStaysInsideZeroAndOneAtTheEdges() {
        double[] none = Uplift.wilson(0, 10);
        assertThat(none[0]).isCloseTo(0.0, within(1e-12));
        assertThat(none[1]).isCloseTo(0.2775, within(5e-4));
        double[] all = Uplift.wilson(10, 10);
        assertThat(all[1]).isCloseTo(1.0, within(1e-12));
        assertThat(all[0]).isCloseTo(0.7225, within(5e-4));
    }

    @Test
    void revenuePerMemberDifferenceHasAWelchInterval() {
        // Treated: 4 members spending 10, 0, 20, 10 (mean 10, variance 66.67); control: 4 spending 0, 0, 10, 10 (mean 5, variance 33.33).
        Uplift u = Uplift.of(new Group(4, 3, new BigDecimal("40"), 600), new Group(4, 2, new BigDecimal("20"), 200));
        assertThat(u.revenuePerMemberDifference()).isEqualByComparingTo("5.00");
        double se = Math.sqrt(66.6667 / 4 + 33.3333 / 4);
        assertThat(u.revenueInterval()[0].doubleValue()).isCloseTo(5 - 1.96 * se, within(0.02));
        assertThat(u.revenueInterval()[1].doubleValue()).isCloseTo(5 + 1.96 * se, within(0.02));
    }

    @Test
    void anEmptyGroupMeasuresNothing() {
        assertThat(Uplift.of(new Group(5, 1, BigDecimal.ONE, 1), new Group(0, 0, BigDecimal.ZERO, 0))).isNull();
    }
}
