package io.facecard.application.membership.port;

import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port out: member import jobs, their progress and their rejected rows. Each call runs in a short transaction of its own. */
public interface ImportJobs {
    enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED, INTERRUPTED, CANCELLED }

    /**
     * @param created members registered
     * @param skipped rows whose member existed already (by externalId, else card number) and had nothing left to do
     * @param enrolled faces enrolled
     * @param partial rows whose member was registered but whose photo was not used
     */
    record Counts(int total, int processed, int created, int skipped, int enrolled, int partial, int rejected) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);
    }

    record Job(UUID id, TenantId tenant, Status status, boolean dryRun, Counts counts, String startedBy,
            Instant createdAt, Instant startedAt, Instant finishedAt, String failure) {}

    /** {@code outcome} is REJECTED (nothing was changed for the row) or PARTIAL (the member exists, the photo was not used). */
    record RowError(long row, String externalId, String cardNumber, String outcome, String reason, String detail) {}

    /** Stores a new job; false (and nothing stored) when the tenant has an unfinished one already. */
    boolean create(Job job);

    /** Records the job's progress; answers whether the tenant admin asked for it to stop. */
    boolean update(Job job);

    /** Asks an unfinished job to stop after the rows in hand; false when it is finished already. */
    boolean requestCancel(TenantId tenant, UUID id);

    Optional<Job> find(TenantId tenant, UUID id);

    /** Jobs of the tenant that are queued or running. */
    int unfinished(TenantId tenant);

    void addErrors(TenantId tenant, UUID job, List<RowError> errors);

    List<RowError> errors(TenantId tenant, UUID job);

    /** At start-up: jobs a stopped or killed server left queued or running are marked INTERRUPTED. */
    int interruptUnfinished(Instant at);
}
