package io.facecard.application.membership;

import io.facecard.application.membership.port.ImportJobs.Job;
import io.facecard.application.membership.port.ImportJobs;
import io.facecard.application.membership.port.ImportUploads;
import io.facecard.application.platform.TerminalActivity;
import io.facecard.application.platform.port.CpuPriority;
import io.facecard.application.platform.port.Shares;
import io.facecard.application.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs import jobs in the background: at most {@link Shares#importJobs()} at once on the whole
 * replica (default one, so an import takes one core's worth of work at most and the tills keep
 * theirs), each with its tenant's {@code importWorkers} rows at a time. Jobs wait in turn. Every
 * import thread runs at the lowest CPU priority ({@link CpuPriority}), so it works on what the
 * tills leave of the cores.
 */
@ApplicationScoped
public class ImportRunner {
    private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());

    @Resource
    ManagedThreadFactory threads;
    private ImportJobs jobs;
    private ImportUploads uploads;
    private ImportSteps steps;
    private Shares shares;
    private TerminalActivity activity;
    private Clock clock;
    private CpuPriority priority;

    private ExecutorService pool;

    /** For the container's proxy. */
    protected ImportRunner() {}

    @Inject
    public ImportRunner(ImportJobs jobs, ImportUploads uploads, ImportSteps steps, Shares shares, TerminalActivity activity,
            Clock clock, CpuPriority priority) {
        this.jobs = jobs;
        this.uploads = uploads;
        this.steps = steps;
        this.shares = shares;
        this.activity = activity;
        this.clock = clock;
        this.priority = priority;
    }

    @PostConstruct
    void open() {
        pool = Executors.newFixedThreadPool(Math.max(1, shares.importJobs()), lowered(threads));
    }

    /** Threads of {@code factory} that lower their own priority before their first task. */
    private ThreadFactory lowered(ThreadFactory factory) {
        return task -> factory.newThread(() -> {
            priority.lowerCurrentThread();
            task.run();
        });
    }

    @PreDestroy
    void close() {
        pool.shutdownNow(); // running jobs stay RUNNING in the table: the next start marks them INTERRUPTED
    }

    void submit(Caller caller, Job job) {
        pool.submit(() -> run(caller, job));
    }

    private void run(Caller caller, Job queued) {
        Job job = queued;
        try {
            int workers = shares.of(job.tenant()).importWorkers();
            job = new ImportRun(job, caller, steps, jobs, uploads, clock, workers, shares.importBusyShare(), activity::busy, lowered(threads))
                    .run();
            LOG.info("import " + job.id() + " ended " + job.status() + " " + job.counts());
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "import " + job.id() + " failed", e); // the run recorded FAILED with its counts
        } finally {
            uploads.discard(job.id());
        }
    }
}
