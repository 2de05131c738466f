package io.facecard.application.support;

import jakarta.annotation.Resource;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Values read from the database in the last {@code ttl}, by key: what a till's every call needs
 * (its key's terminal, its tenant's loyalty settings) and what changes a few times a year.
 *
 * <p>On this replica a change takes effect at once: the changing code forgets every entry, right
 * away and again when its transaction ends, and a lookup that began before that is not remembered
 * (the generation moved on). Another replica keeps answering from its entries for at most
 * {@code ttl}. A lookup that throws remembers nothing.
 */
public class RecentValues<K, V> {
    private record Entry<V>(V value, long expiresAt) {}

    @Resource
    protected TransactionSynchronizationRegistry transactions;
    private final Duration ttl;
    private final LongSupplier nanoTime;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    protected RecentValues(Duration ttl, LongSupplier nanoTime) {
        this.ttl = ttl;
        this.nanoTime = nanoTime;
    }

    /** The value for a key: remembered, or looked up and then remembered. */
    public V get(K key, Supplier<V> lookup) {
        long now = nanoTime.getAsLong();
        Entry<V> e = entries.get(key);
        if (e != null && now - e.expiresAt < 0) {
            return e.value;
        }
        long before = generation.get();
        V value = lookup.get();
        if (generation.get() == before) {
            entries.put(key, new Entry<>(value, now + ttl.toNanos()));
            // A change may have landed between the check and the put: then the put is undone.
            if (generation.get() != before) {
                entries.remove(key);
            }
        }
        return value;
    }

    /** After a change: nothing remembered is trusted any more, now and when the change commits. */
    public void forgetAll() {
        forgetNow();
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    forgetNow();
                }
            });
        }
    }

    private void forgetNow() {
        generation.incrementAndGet();
        entries.clear();
    }

    public Optional<V> remembered(K key) {
        return Optional.ofNullable(entries.get(key)).map(Entry::value);
    }
}
