package io.facecard.adapters.outbound.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

class EventHistoryTest {
    /** A store of {@code stored} events whose every read of the global stream ends after {@code batch}. */
    private static final class BatchedStore extends ForwardingEventStorage {
        private final long stored;
        private final int batch;
        int reads;

        BatchedStore(long stored, int batch) {
            super(new RecordingEventStorage());
            this.stored = stored;
            this.batch = batch;
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
            reads++;
            long from = token == null ? 0 : ((GlobalSequenceTrackingToken) token).getGlobalIndex() + 1;
            return LongStream.range(from, Math.min(stored, from + batch)).mapToObj(i -> new GenericTrackedEventMessage<>(
                    new GlobalSequenceTrackingToken(i), GenericEventMessage.asEventMessage("event " + i)));
        }
    }

    @Test
    void readsPastTheFirstBatchToTheLastStoredEventInOrder() {
        BatchedStore store = new BatchedStore(2_500, 1_000);
        List<Object> seen = new ArrayList<>();
        long count = EventHistory.forEach(store, e -> seen.add(e.getPayload()));
        assertThat(count).isEqualTo(2_500);
        assertThat(seen).hasSize(2_500).startsWith("event 0", "event 1").endsWith("event 2499");
        assertThat(store.reads).as("three full or partial batches and one empty read").isEqualTo(4);
    }

    @Test
    void anEmptyStoreIsOneRead() {
        BatchedStore store = new BatchedStore(0, 1_000);
        assertThat(EventHistory.forEach(store, e -> {
            throw new AssertionError("no events");
        })).isZero();
        assertThat(store.reads).isEqualTo(1);
    }
}
