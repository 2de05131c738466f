package io.facecard.tenants.tenancy;

import io.facecard.application.security.Caller;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
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
 * Terminal keys confirmed in the last {@link #TTL}, by key hash. A till calls four times per checkout;
 * looking its key and tenant up each time cost a transaction of its own, a tenth of the server's
 * CPU under till load.
 *
 * <p>On this replica a revocation or a suspension takes effect at once: both forget every entry,
 * right away and again when their transaction ends, and a lookup that began before that is not
 * remembered (the generation moved on). Another replica keeps answering from its entries for at
 * most {@link #TTL}. Only keys found valid are remembered, so a caller with made-up keys adds nothing.
 */
@ApplicationScoped
public class RecentTerminals {
    static final Duration TTL = Duration.ofSeconds(3);

    private record Entry(Caller.Terminal terminal, long expiresAt) {}

    @Resource
    TransactionSynchronizationRegistry transactions;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final LongSupplier nanoTime;

    public RecentTerminals() {
        this(System::nanoTime);
    }

    RecentTerminals(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The terminal a key hash stands for: remembered, or looked up and then remembered. */
    public Caller.Terminal get(String keyHash, Supplier<Caller.Terminal> lookup) {
        long now = nanoTime.getAsLong();
        Entry e = entries.get(keyHash);
        if (e != null && now - e.expiresAt < 0) {
            return e.terminal;
        }
        long before = generation.get();
        Caller.Terminal t = lookup.get();
        if (generation.get() == before) {
            entries.put(keyHash, new Entry(t, now + TTL.toNanos()));
            // A revocation may have landed between the check and the put: then the put is undone.
            if (generation.get() != before) {
                entries.remove(keyHash);
            }
        }
        return t;
    }

    /** After a key is revoked or a tenant suspended: nothing remembered is trusted any more. */
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

    Optional<Caller.Terminal> remembered(String keyHash) {
        return Optional.ofNullable(entries.get(keyHash)).map(Entry::terminal);
    }
}
