package io.facecard.marketing.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.marketing.port.DeliveryWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryWindowTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final DeliveryWindow rules = new DeliveryWindow(LocalTime.of(21, 0), LocalTime.of(9, 0), 2, Duration.ofDays(1));

    @Test
    void aPushDuringTheDayGoesOutAtOnce() {
        Instant noon = Instant.parse("2026-03-02T11:00:00Z");
        assertThat(rules.earliest(noon, BERLIN, List.of())).contains(noon);
    }

    @Test
    void aPushInQuietHoursWaitsForTheMorningInTheMembersZone() {
        Instant lateEvening = Instant.parse("2026-03-02T22:30:00Z"); // 23:30 in Berlin
        assertThat(rules.earliest(lateEvening, BERLIN, List.of())).contains(Instant.parse("2026-03-03T08:00:00Z"));
    }

    @Test
    void theCapDelaysUntilTheOldestDeliveryLeavesTheWindow() {
        Instant now = Instant.parse("2026-03-02T12:00:00Z");
        List<Instant> sent = List.of(now.minus(Duration.ofHours(20)), now.minus(Duration.ofHours(2)));
        assertThat(rules.earliest(now, BERLIN, sent)).contains(now.plus(Duration.ofHours(4)));
    }
}
