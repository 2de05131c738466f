package io.facecard.adapters.outbound.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;

/**
 * Axon deadlines (hold and lot expiry) stored in PostgreSQL through db-scheduler: they survive a
 * restart, and with several replicas exactly one picks each due deadline. Scheduling joins the
 * command's JTA transaction (db-scheduler does not commit a connection it did not open in
 * autocommit), so a rolled-back command leaves no deadline behind.
 */
final class PersistentDeadlines {
    private final DataSource dataSource;
    private final ThreadFactory threads;
    private Scheduler scheduler;
    private DbSchedulerDeadlineManager manager;
    private DeadlineManager cancellingInPlace;

    PersistentDeadlines(DataSource dataSource, ThreadFactory threads) {
        this.dataSource = dataSource;
        this.threads = threads;
    }

    synchronized DeadlineManager manager(Configuration c, TransactionManager tx, Serializer serializer) {
        if (manager == null) {
            var task = DbSchedulerDeadlineManager.binaryTask(() -> manager);
            scheduler = Scheduler.create(dataSource, task)
                    .executorService(Executors.newFixedThreadPool(2, threads))
                    .dueExecutor(Executors.newSingleThreadExecutor(threads))
                    .housekeeperExecutor(Executors.newSingleThreadScheduledExecutor(threads))
                    .pollingInterval(Duration.ofSeconds(1))
                    .commitWhenAutocommitDisabled(false)
                    .build();
            manager = DbSchedulerDeadlineManager.builder()
                    .scheduler(scheduler)
                    .scopeAwareProvider(new ConfigurationScopeAwareProvider(c))
                    .serializer(serializer)
                    .transactionManager(tx)
                    // Started and stopped here: Axon creates this component lazily, after its own start phase.
                    .startScheduler(false)
                    .stopScheduler(false)
                    .build();
            cancellingInPlace = new InPlaceCancellation(manager, dataSource, task.getName());
        }
        return cancellingInPlace;
    }

    /** Starts polling for due deadlines; Axon's configuration must exist (the task resolves scopes through it). */
    synchronized void start(Configuration c) {
        c.deadlineManager();
        scheduler.start();
    }

    synchronized void stop() {
        if (manager != null) {
            manager.shutdown();
            scheduler.stop();
            manager = null;
        }
    }
}
