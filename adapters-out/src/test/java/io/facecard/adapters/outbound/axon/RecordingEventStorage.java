package io.facecard.adapters.outbound.axon;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/** Counts what reaches the real store. */
final class RecordingEventStorage implements EventStorageEngine {
    int streamReads;
    int aggregateReads;
    int appends;
    /** How many events each read of the global stream delivers. */
    int eventsPerRead;

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        appends++;
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {}

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
        streamReads++;
        return IntStream.range(0, eventsPerRead).mapToObj(i -> new GenericTrackedEventMessage<>(
                new GlobalSequenceTrackingToken(i),
                GenericEventMessage.asEventMessage("event " + i)));
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        aggregateReads++;
        return DomainEventStream.empty();
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        aggregateReads++;
        return DomainEventStream.empty();
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        aggregateReads++;
        return Optional.empty();
    }
}
