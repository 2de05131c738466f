package io.facecard.adapters.outbound.axon;

import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Every event stored so far, in global order: read after read from the storage engine until a read
 * comes back empty.
 *
 * <p>Why not the event store's {@code openStream}: its consumer stops reporting events as soon as
 * one read of the storage engine ends while it is behind the store's cache of recent events, and a
 * read ends after one batch ({@link OneBatchStreamReads}). A rebuild that trusted it saw only the
 * first thousand events of the platform.
 */
public final class EventHistory {
    private EventHistory() {}

    /** @return how many events were passed to {@code each} */
    public static long forEach(EventStorageEngine storage, Consumer<TrackedEventMessage<?>> each) {
        TrackingToken token = null;
        long total = 0;
        while (true) {
            long read = 0;
            try (Stream<? extends TrackedEventMessage<?>> batch = storage.readEvents(token, false)) {
                for (Iterator<? extends TrackedEventMessage<?>> it = batch.iterator(); it.hasNext(); ) {
                    TrackedEventMessage<?> event = it.next();
                    each.accept(event);
                    token = event.trackingToken();
                    read++;
                }
            }
            if (read == 0) {
                return total;
            }
            total += read;
        }
    }
}
