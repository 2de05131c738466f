package io.facecard.domain.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {
    final DeliveryPolicy p = DeliveryPolicy.STANDARD;
    final Instant t0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void backoffDoublesFromTenSecondsToAnHourWithTheJitterInTheUpperHalf() {
        assertThat(p.backoff(1, 0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.backoff(1, 0.999)).isBetween(Duration.ofMillis(9_990), Duration.ofSeconds(10));
        assertThat(p.backoff(2, 0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.backoff(4, 0)).isEqualTo(Duration.ofSeconds(40));
        assertThat(p.backoff(10, 0)).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.backoff(60, 0.5)).isEqualTo(Duration.ofMinutes(45)); // capped at an hour, no overflow
        assertThatThrownBy(() -> p.backoff(1, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.backoff(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeliveryIsTriedForADayAndAnEndpointFailingForADayIsDisabled() {
        int attempts = 0;
        Instant at = t0;
        while (!p.givesUp(t0, at, p.backoff(attempts + 1, 0.5))) {
            attempts++;
            at = at.plus(p.backoff(attempts, 0.5));
        }
        assertThat(attempts).isBetween(25, 40); // about a day of hourly tries after the first doublings
        assertThat(Duration.between(t0, at)).isLessThan(Duration.ofDays(1));
        assertThat(p.disables(null, at)).isFalse();
        assertThat(p.disables(t0, t0.plus(Duration.ofHours(23)))).isFalse();
        assertThat(p.disables(t0, t0.plus(Duration.ofDays(1)))).isTrue();
    }
}
