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
    record Processor(String name, boolean streaming, int segments, int batchSize, boolean startAtHead) {
        public static Processor subscribing(String name) {
            return new Processor(name, false, 1, 1, false);
        }

        public static Processor streaming(String name, int segments) {
            return new Processor(name, true, segments, 1, false);
        }

        /** Events handled {@code batchSize} to a transaction: for handlers that write a lot and are idempotent. */
        public static Processor streaming(String name, int segments, int batchSize) {
            return new Processor(name, true, segments, batchSize, false);
        }

        /**
         * A processor that, the first time it runs, starts at the event store's head instead of replaying history: for
         * handlers that tell the outside world what happens from now on (a projection rebuilds from the start; a
         * webhook feed must not announce years of old events when it is deployed).
         */
        public Processor fromNow() {
            return new Processor(name, streaming, segments, batchSize, true);
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
