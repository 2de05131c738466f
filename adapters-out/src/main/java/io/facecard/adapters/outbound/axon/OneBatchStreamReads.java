package io.facecard.adapters.outbound.axon;

import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * The JDBC event store, except that a read of the global stream returns one batch of at most
 * {@link #STREAM_BATCH} events instead of reading on until a batch comes back empty.
 *
 * <p>Why: under till load a new event commits every millisecond or so, so Axon's read-until-empty
 * never ended: the embedded store's reader fetched about a hundred times a second, a dozen events a
 * time, each fetch a statement PostgreSQL had to plan afresh (its gap list makes the text unique).
 * Ending each read after one batch lets {@link PacedStreamReads} space the reads out. Axon's JDBC
 * engine never blocks (it ignores {@code mayBlock} and ends its stream on an empty batch), and the
 * embedded store's reader opens the next stream when one ends, so a shorter stream changes nothing
 * else.
 */
final class OneBatchStreamReads extends JdbcEventStorageEngine {
    /** Large enough that one read per pace keeps up with far more events than tills produce. */
    static final int STREAM_BATCH = 1000;

    OneBatchStreamReads(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken token, boolean mayBlock) {
        return fetchTrackedEvents(token, STREAM_BATCH).stream();
    }
}
