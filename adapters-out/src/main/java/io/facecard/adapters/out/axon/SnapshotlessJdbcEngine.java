package io.facecard.adapters.out.axon;

import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * The JDBC event store without the snapshot look-up that Axon makes before every aggregate load:
 * no aggregate is snapshotted (see AxonRuntime), so that query always came back empty — one round
 * trip of every command (about six per checkout) for nothing.
 */
final class SnapshotlessJdbcEngine extends JdbcEventStorageEngine {
    SnapshotlessJdbcEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }
}
