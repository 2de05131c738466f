package io.facecard.adapters.outbound.axon;

import java.util.List;

/**
 * What one bounded context brings to Axon: its aggregates, the event processors it owns and its
 * sagas. Each context has one {@code @ApplicationScoped} bean implementing this next to its
 * adapters; {@link AxonRuntime} finds them all through CDI, so a new context adds classes and
 * edits no shared file. Event handlers find their processor by Axon's {@code @ProcessingGroup}
 * (see {@link Projection}), so a context may also feed another context's processor.
 */
public interface AxonContext {
    /**
     * An event-sourced aggregate. A snapshotted one is snapshotted every {@code snapshotEvery} events
     * and its identifiers start with {@code idPrefix} (only those are looked up in the snapshot table).
     */
    record Aggregate(Class<?> type, int snapshotEvery, String idPrefix) {
        public static Aggregate of(Class<?> type) {
            return new Aggregate(type, 0, null);
        }

        public static Aggregate snapshotted(Class<?> type, int every, String idPrefix) {
            return new Aggregate(type, every, idPrefix);
        }
    }

    /**
     * A processor: subscribing ones run in the command's transaction (a failure fails the command),
     * streaming ones follow the event store on their own threads with tokens in the token store.
     */
    record Processor(String name, boolean streaming, int segments, int batchSize) {
        public static Processor subscribing(String name) {
            return new Processor(name, false, 1, 1);
        }

        public static Processor streaming(String name, int segments) {
            return new Processor(name, true, segments, 1);
        }

        /** Events handled {@code batchSize} to a transaction: for handlers that write a lot and are idempotent. */
        public static Processor streaming(String name, int segments, int batchSize) {
            return new Processor(name, true, segments, batchSize);
        }
    }

    /** A saga type, processed by its own streaming processor named after it. */
    record Saga(Class<?> type, String processor, int segments) {}

    default List<Aggregate> aggregates() {
        return List.of();
    }

    default List<Processor> processors() {
        return List.of();
    }

    default List<Saga> sagas() {
        return List.of();
    }
}
