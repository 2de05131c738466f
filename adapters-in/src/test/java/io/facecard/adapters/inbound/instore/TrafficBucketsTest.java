package io.facecard.adapters.inbound.instore;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.application.instore.port.Footfall;
import io.facecard.domain.instore.AgeBand;
import io.facecard.domain.instore.MoodShift;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrafficBucketsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Footfall.Hour hour(String at, long people) {
        return new Footfall.Hour(Instant.parse(at), people, 0, 0, 0, 0, new long[AgeBand.values().length], 0, 0, MoodShift.NONE);
    }

    private static TrafficJson.Report report(TrafficJson.Granularity by, Footfall.Hour... hours) {
        return TrafficJson.Report.of(UUID.randomUUID(), Instant.parse("2026-03-20T00:00:00Z"), Instant.parse("2026-04-10T00:00:00Z"), by,
                BERLIN, List.of(hours), List.of());
    }

    @Test
    void aStoresDayBeginsAtItsOwnMidnight() {
        // 23:30 UTC on the 7th is half past midnight on the 8th in Berlin: the evening belongs to the next day there.
        var r = report(TrafficJson.Granularity.DAY, hour("2026-12-07T22:00:00Z", 3), hour("2026-12-07T23:00:00Z", 5));
        assertThat(r.buckets()).extracting(TrafficJson.Bucket::start)
                .containsExactly(Instant.parse("2026-12-06T23:00:00Z"), Instant.parse("2026-12-07T23:00:00Z"));
        assertThat(r.buckets()).extracting(TrafficJson.Bucket::footfall).containsExactly(3L, 5L);
        assertThat(r.zone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void theDayClocksGoForwardHas23HoursAndWeeksStartOnALocalMonday() {
        var days = report(TrafficJson.Granularity.DAY, hour("2026-03-28T23:00:00Z", 1), hour("2026-03-29T21:00:00Z", 1),
                hour("2026-03-29T22:00:00Z", 1));
        assertThat(days.buckets()).extracting(TrafficJson.Bucket::start)
                .containsExactly(Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-29T22:00:00Z"));
        var weeks = report(TrafficJson.Granularity.WEEK, hour("2026-03-29T21:00:00Z", 2), hour("2026-03-29T22:00:00Z", 4));
        assertThat(weeks.buckets()).extracting(TrafficJson.Bucket::start)
                .containsExactly(Instant.parse("2026-03-22T23:00:00Z"), Instant.parse("2026-03-29T22:00:00Z"));
    }
}
