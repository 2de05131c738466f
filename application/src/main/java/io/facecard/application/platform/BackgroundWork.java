package io.facecard.application.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A background loop on the container's managed threads: one ticker thread and, where a subclass asks
 * for it, a pool for the steps the ticker hands out. Started once in the {@link StartupStep#WORKERS}
 * phase (a second start does nothing), shut down with its bean; a step cut off by the shutdown is
 * taken up again after the restart, which each subclass's claims and leases make safe.
 */
public abstract class BackgroundWork implements StartupStep, Worker {
    @Resource
    ManagedThreadFactory threads;

    private ScheduledExecutorService ticker;
    private ExecutorService pool;
    private final AtomicLong done = new AtomicLong();

    @Override
    public int phase() {
        return WORKERS;
    }

    @Override
    public final synchronized void start() {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(threads);
        if (poolThreads() > 0) {
            pool = Executors.newFixedThreadPool(poolThreads(), threads);
        }
        schedule(ticker);
    }

    /** The name operators see for this loop's counts (not the class's: a container proxy has its own). */
    @Override
    public abstract String workName();

    /**
     * Items this replica finished since it started (a payment step, a message, a delivery, a campaign batch): the
     * replica test sums them over replicas and compares with what the database says was done, so nothing was done twice.
     */
    @Override
    public long itemsDone() {
        return done.get();
    }

    protected void done(long items) {
        done.addAndGet(items);
    }

    /** Threads of the pool {@link #pool()} hands out; 0 (the default) for a loop that does its work on the ticker. */
    protected int poolThreads() {
        return 0;
    }

    protected final ExecutorService pool() {
        return pool;
    }

    /** Schedules the loop's ticks (and any one-off task such as lowering the ticker's priority) on the ticker. */
    protected abstract void schedule(ScheduledExecutorService ticker);

    @PreDestroy
    protected synchronized void shutDown() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
