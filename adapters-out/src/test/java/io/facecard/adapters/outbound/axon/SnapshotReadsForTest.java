package io.facecard.adapters.outbound.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotReadsForTest {
    private final RecordingEventStorage store = new RecordingEventStorage();
    private final SnapshotReadsFor reads = new SnapshotReadsFor(store, List.of("bonus-"));

    @Test
    void anAccountsSnapshotIsLookedFor() {
        reads.readSnapshot("bonus-7f0c2a4e-0000-4000-8000-000000000001");
        assertThat(store.aggregateReads).isEqualTo(1);
    }

    @Test
    void aCheckoutNeverSnapshottedCostsNoQuery() {
        assertThat(reads.readSnapshot("checkout-7f0c2a4e-0000-4000-8000-000000000001")).isEmpty();
        assertThat(store.aggregateReads).isZero();
    }

    @Test
    void eventsOfEveryAggregateStillLoad() {
        reads.readEvents("checkout-7f0c2a4e-0000-4000-8000-000000000001", 0);
        assertThat(store.aggregateReads).isEqualTo(1);
    }
}
