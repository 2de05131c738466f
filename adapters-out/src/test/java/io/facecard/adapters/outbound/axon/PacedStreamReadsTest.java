package io.facecard.adapters.outbound.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

class PacedStreamReadsTest {
    private long now = 1_000_000_000L;
    private final List<Long> slept = new ArrayList<>();
    private final RecordingEventStorage store = new RecordingEventStorage();
    private final PacedStreamReads paced = new PacedStreamReads(store, Duration.ofMillis(50), 3, () -> now, nanos -> {
        slept.add(nanos);
        now += nanos;
    });

    @Test
    void theFirstReadGoesAtOnce() {
        paced.readEvents((TrackingToken) null, true);
        assertThat(slept).isEmpty();
        assertThat(store.streamReads).isEqualTo(1);
    }

    @Test
    void aReadSoonAfterAnotherWaitsForTheRestOfThePace() {
        paced.readEvents((TrackingToken) null, true);
        now += 20_000_000L;
        paced.readEvents((TrackingToken) null, true);
        assertThat(slept).containsExactly(30_000_000L);
        assertThat(store.streamReads).isEqualTo(2);
    }

    @Test
    void aReadAfterThePaceHasPassedDoesNotWait() {
        paced.readEvents((TrackingToken) null, true);
        now += 80_000_000L;
        paced.readEvents((TrackingToken) null, true);
        now += 50_000_000L;
        paced.readEvents((TrackingToken) null, true);
        assertThat(slept).isEmpty();
        assertThat(store.streamReads).isEqualTo(3);
    }

    @Test
    void aFullReadIsFollowedAtOnceAShortOneIsPaced() {
        store.eventsPerRead = 3;
        assertThat(paced.readEvents((TrackingToken) null, false).toList()).hasSize(3);
        now += 10_000_000L;
        store.eventsPerRead = 2;
        assertThat(paced.readEvents((TrackingToken) null, false).toList()).hasSize(2);
        assertThat(slept).as("catching up: no wait").isEmpty();
        now += 10_000_000L;
        paced.readEvents((TrackingToken) null, false).toList();
        assertThat(slept).as("at the head again: paced").containsExactly(40_000_000L);
    }

    @Test
    void aggregateLoadsAndAppendsAreNeverPaced() {
        paced.readEvents((TrackingToken) null, true);
        paced.readEvents("account-1");
        paced.readEvents("account-1", 3);
        paced.readSnapshot("account-1");
        paced.appendEvents(List.of());
        assertThat(slept).isEmpty();
        assertThat(store.aggregateReads).isEqualTo(3);
        assertThat(store.appends).isEqualTo(1);
    }
}
