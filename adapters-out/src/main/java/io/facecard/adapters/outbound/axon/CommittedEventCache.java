package io.facecard.adapters.outbound.axon;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Keeps the committed events of recently used aggregates, already deserialised, so that loading
 * one again reads from the database only the events stored after them (usually none).
 *
 * <p>Why: a checkout loads its Checkout three times and the member's account twice. Reading their
 * events back and deserialising them again was about 7 % of the server's CPU under till load, and
 * each event is a random heap page of the largest table for PostgreSQL.
 *
 * <p>Why it cannot serve stale or uncommitted state:
 * <ul>
 * <li>Only committed events enter: what a transaction read or appended is put in after the
 * transaction commits, never before, so a rollback leaves the cache as it was.</li>
 * <li>A load always reads the database for events after the cached ones, so events appended by
 * another replica or thread are never missed; a stale entry costs a longer read, not a wrong state.</li>
 * <li>Events are immutable facts and the aggregates copy what they keep from them, so loads on
 * different threads may share the same event objects. Snapshots are never cached: a snapshot's
 * payload becomes the aggregate itself.</li>
 * </ul>
 */
final class CommittedEventCache extends ForwardingEventStorage {
    /** About 20 kB per cached account; the oldest used entries go first. */
    static final int MAX_AGGREGATES = 4096;
    /** A longer history is left to snapshots (or read every time). */
    static final int MAX_EVENTS = 256;

    /** The transaction a read or an append runs in. */
    interface TransactionScope {
        /**
         * The object kept for the current transaction: made by {@code create} on first use and
         * handed to {@code afterCommit} once the transaction has committed. Null outside a transaction.
         */
        <T> T current(Supplier<T> create, Consumer<T> afterCommit);
    }

    /** A run of one aggregate's events with consecutive sequence numbers, starting at {@code first}. */
    record Run(long first, List<DomainEventMessage<?>> events) {
        long next() {
            return first + events.size();
        }
    }

    /** The events a transaction has seen or written, per aggregate and sequence number. */
    private static final class Seen {
        final Map<String, TreeMap<Long, DomainEventMessage<?>>> byAggregate = new HashMap<>();

        synchronized void add(DomainEventMessage<?> event) {
            byAggregate.computeIfAbsent(event.getAggregateIdentifier(), k -> new TreeMap<>()).put(event.getSequenceNumber(), event);
        }
    }

    private final TransactionScope transactions;
    private final Map<String, Run> runs = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Run> eldest) {
            return size() > MAX_AGGREGATES;
        }
    };

    CommittedEventCache(EventStorageEngine delegate, TransactionScope transactions) {
        super(delegate);
        this.transactions = transactions;
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return readEvents(aggregateIdentifier, 0);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        Seen seen = transactions.current(Seen::new, this::remember);
        if (seen == null) {
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
        Run run = cached(aggregateIdentifier, firstSequenceNumber);
        DomainEventStream stored;
        if (run == null) {
            stored = super.readEvents(aggregateIdentifier, firstSequenceNumber);
        } else {
            List<DomainEventMessage<?>> known = run.events().subList((int) (firstSequenceNumber - run.first()), run.events().size());
            stored = DomainEventStream.concat(DomainEventStream.of(known), super.readEvents(aggregateIdentifier, run.next()));
        }
        return new SeenStream(stored, seen::add);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        super.appendEvents(events);
        Seen seen = transactions.current(Seen::new, this::remember);
        if (seen != null) {
            for (EventMessage<?> e : events) {
                if (e instanceof DomainEventMessage<?> d) {
                    seen.add(d);
                }
            }
        }
    }

    private synchronized Run cached(String aggregate, long first) {
        Run run = runs.get(aggregate);
        if (run != null && run.first() <= first && first <= run.next()) {
            return run;
        }
        return null;
    }

    /** After a commit: every aggregate the transaction saw as one unbroken run of events. */
    private void remember(Seen seen) {
        for (var e : seen.byAggregate.entrySet()) {
            TreeMap<Long, DomainEventMessage<?>> events = e.getValue();
            long first = events.firstKey();
            boolean unbroken = events.lastKey() - first + 1 == events.size();
            if (unbroken) {
                offer(e.getKey(), new Run(first, List.copyOf(events.values())));
            }
        }
    }

    /**
     * Keeps the run unless the cache already knows of later events of the aggregate; a run that
     * continues the known one is joined to it.
     */
    private synchronized void offer(String aggregate, Run run) {
        Run known = runs.get(aggregate);
        if (known != null && known.first() < run.first() && run.first() <= known.next() && run.next() > known.next()) {
            List<DomainEventMessage<?>> joined = new ArrayList<>(known.events().subList(0, (int) (run.first() - known.first())));
            joined.addAll(run.events());
            run = new Run(known.first(), List.copyOf(joined));
        }
        if (run.events().size() > MAX_EVENTS) {
            return;
        }
        if (known == null || run.next() > known.next() || (run.next() == known.next() && run.first() < known.first())) {
            runs.put(aggregate, run);
        }
    }

    /** The JTA transaction of the calling thread, through the container's synchronization registry. */
    static TransactionScope jta(TransactionSynchronizationRegistry registry) {
        Object key = new Object();
        return new TransactionScope() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T current(Supplier<T> create, Consumer<T> afterCommit) {
                if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
                    return null;
                }
                T kept = (T) registry.getResource(key);
                if (kept == null) {
                    T fresh = create.get();
                    registry.putResource(key, fresh);
                    registry.registerInterposedSynchronization(new Synchronization() {
                        @Override
                        public void beforeCompletion() {}

                        @Override
                        public void afterCompletion(int status) {
                            if (status == Status.STATUS_COMMITTED) {
                                afterCommit.accept(fresh);
                            }
                        }
                    });
                    kept = fresh;
                }
                return kept;
            }
        };
    }

    /** Hands every event read on to {@code seen}. */
    private static final class SeenStream implements DomainEventStream {
        private final DomainEventStream delegate;
        private final Consumer<DomainEventMessage<?>> seen;

        SeenStream(DomainEventStream delegate, Consumer<DomainEventMessage<?>> seen) {
            this.delegate = delegate;
            this.seen = seen;
        }

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }

        @Override
        public DomainEventMessage<?> next() {
            DomainEventMessage<?> e = delegate.next();
            seen.accept(e);
            return e;
        }

        @Override
        public DomainEventMessage<?> peek() {
            return delegate.peek();
        }

        @Override
        public Long getLastSequenceNumber() {
            return delegate.getLastSequenceNumber();
        }
    }
}
