package io.facecard.adapters.outbound.axon;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The event store as streaming processors see it: each read of the global stream starts at least
 * {@code pace} after the previous one began, unless the previous one came back full (the reader is
 * catching up, as in a replay: then it reads on at once).
 *
 * <p>Why: Axon's embedded event store wakes its reader after every local commit. Under till load
 * (300+ commits/s) that was a read transaction per commit, delivering one event at a time: one in
 * seven of the statements PostgreSQL ran during checkouts (128 to 110 per checkout). Paced, a read
 * picks up every event committed since the last one, so processors lag by at most the pace and
 * the cost no longer grows with the commit rate. Aggregate loads, appends and snapshots go
 * straight through.
 */
public final class PacedStreamReads extends ForwardingEventStorage {
    /** Waits the given nanoseconds; replaced in tests. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long paceNanos;
    private final int fullRead;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long lastRead;
    private boolean readBefore;
    private AtomicInteger lastReadEvents = new AtomicInteger();

    /** @param fullRead how many events a read delivers at most (see {@link OneBatchStreamReads}) */
    public PacedStreamReads(EventStorageEngine delegate, Duration pace, int fullRead) {
        this(delegate, pace, fullRead, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    PacedStreamReads(EventStorageEngine delegate, Duration pace, int fullRead, LongSupplier nanoTime, Sleeper sleeper) {
        super(delegate);
        this.paceNanos = pace.toNanos();
        this.fullRead = fullRead;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
        AtomicInteger delivered = awaitTurn();
        return super.readEvents(token, mayBlock).peek(e -> delivered.incrementAndGet());
    }

    /** Sleeping holds the lock on purpose: two readers wanting the stream at once queue up, paced. */
    private synchronized AtomicInteger awaitTurn() {
        long now = nanoTime.getAsLong();
        boolean catchingUp = lastReadEvents.get() >= fullRead;
        long wait = readBefore && !catchingUp ? lastRead + paceNanos - now : 0;
        if (wait > 0) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                // Shutting down: read now and let the caller see the interrupt.
                Thread.currentThread().interrupt();
            }
            now = nanoTime.getAsLong();
        }
        lastRead = now;
        readBefore = true;
        lastReadEvents = new AtomicInteger();
        return lastReadEvents;
    }
}
