package io.facecard.adapters.outbound.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.junit.jupiter.api.Test;

class CommittedEventCacheTest {
    /** The database: one list of events per aggregate; counts the rows each read returns. */
    private static final class Store extends ForwardingEventStorage {
        final List<DomainEventMessage<?>> events = new ArrayList<>();
        int rowsRead;

        Store() {
            super(new RecordingEventStorage());
        }

        @Override
        public DomainEventStream readEvents(String aggregate, long first) {
            List<DomainEventMessage<?>> found = events.stream()
                    .filter(e -> e.getAggregateIdentifier().equals(aggregate) && e.getSequenceNumber() >= first).toList();
            rowsRead += found.size();
            return DomainEventStream.of(found);
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> appended) {
            appended.forEach(e -> events.add((DomainEventMessage<?>) e));
        }
    }

    /** Transactions by name: the test picks which one the next call runs in, and ends them. */
    private static final class Transactions implements CommittedEventCache.TransactionScope {
        private final Map<String, Object> kept = new HashMap<>();
        private final Map<String, Runnable> onCommit = new HashMap<>();
        String current = "t1";
        boolean active = true;

        @Override
        @SuppressWarnings("unchecked")
        public <T> T current(Supplier<T> create, Consumer<T> afterCommit) {
            if (!active) {
                return null;
            }
            return (T) kept.computeIfAbsent(current, name -> {
                T fresh = create.get();
                onCommit.put(name, () -> afterCommit.accept(fresh));
                return fresh;
            });
        }

        void commit() {
            kept.remove(current);
            Runnable r = onCommit.remove(current);
            if (r != null) {
                r.run();
            }
        }

        void rollback() {
            kept.remove(current);
            onCommit.remove(current);
        }
    }

    private final Store db = new Store();
    private final Transactions tx = new Transactions();
    private final CommittedEventCache cache = new CommittedEventCache(db, tx);

    private static DomainEventMessage<?> event(String aggregate, long seq) {
        return new GenericDomainEventMessage<>("Account", aggregate, seq, "event " + seq);
    }

    private List<Object> load(String aggregate, long first) {
        List<Object> payloads = new ArrayList<>();
        cache.readEvents(aggregate, first).forEachRemaining(e -> payloads.add(e.getPayload()));
        return payloads;
    }

    @Test
    void aSecondLoadAfterACommitReadsOnlyWhatCameLater() {
        db.appendEvents(List.of(event("a", 0), event("a", 1)));
        assertThat(load("a", 0)).containsExactly("event 0", "event 1");
        tx.commit();
        db.rowsRead = 0;

        assertThat(load("a", 0)).containsExactly("event 0", "event 1");
        assertThat(db.rowsRead).as("only the tail is read, and it is empty").isZero();
        tx.commit();

        db.appendEvents(List.of(event("a", 2)));
        assertThat(load("a", 0)).as("another replica's event is found").containsExactly("event 0", "event 1", "event 2");
        assertThat(db.rowsRead).isEqualTo(1);
    }

    @Test
    void eventsAppendedInATransactionAreCachedOnlyWhenItCommits() {
        db.appendEvents(List.of(event("a", 0)));
        load("a", 0);
        cache.appendEvents(List.of(event("a", 1)));
        tx.rollback();
        db.events.removeIf(e -> e.getSequenceNumber() == 1);

        assertThat(load("a", 0)).as("the rolled-back event never reaches a later load").containsExactly("event 0");
        tx.commit();

        cache.appendEvents(List.of(event("a", 1)));
        tx.commit();
        db.rowsRead = 0;
        assertThat(load("a", 0)).containsExactly("event 0", "event 1");
        assertThat(db.rowsRead).isZero();
    }

    @Test
    void aLoadFromASnapshotUsesThePartOfTheRunAfterIt() {
        db.appendEvents(List.of(event("a", 0), event("a", 1), event("a", 2)));
        load("a", 0);
        tx.commit();
        db.rowsRead = 0;
        assertThat(load("a", 2)).containsExactly("event 2");
        assertThat(db.rowsRead).isZero();
    }

    @Test
    void aLoadFromBeforeTheCachedRunReadsTheDatabase() {
        db.appendEvents(List.of(event("a", 0), event("a", 1), event("a", 2)));
        load("a", 2);
        tx.commit();
        db.rowsRead = 0;
        assertThat(load("a", 0)).containsExactly("event 0", "event 1", "event 2");
        assertThat(db.rowsRead).isEqualTo(3);
    }

    @Test
    void aTransactionThatCommitsLateWithOlderEventsDoesNotReplaceNewerOnes() {
        db.appendEvents(List.of(event("a", 0)));
        tx.current = "slow";
        load("a", 0);
        tx.current = "fast";
        load("a", 0);
        cache.appendEvents(List.of(event("a", 1)));
        tx.commit();
        tx.current = "slow";
        tx.commit();

        tx.current = "next";
        db.rowsRead = 0;
        assertThat(load("a", 0)).containsExactly("event 0", "event 1");
        assertThat(db.rowsRead).as("the fast transaction's run was kept").isZero();
    }

    @Test
    void aRunLongerThanTheLimitIsNotKept() {
        for (int i = 0; i <= CommittedEventCache.MAX_EVENTS; i++) {
            db.appendEvents(List.of(event("a", i)));
        }
        load("a", 0);
        tx.commit();
        db.rowsRead = 0;
        load("a", 0);
        assertThat(db.rowsRead).isEqualTo(CommittedEventCache.MAX_EVENTS + 1);
    }

    @Test
    void outsideATransactionNothingIsCachedOrServed() {
        db.appendEvents(List.of(event("a", 0)));
        tx.active = false;
        load("a", 0);
        tx.active = true;
        tx.commit();
        db.rowsRead = 0;
        load("a", 0);
        assertThat(db.rowsRead).isEqualTo(1);
    }
}
