package io.facecard.application.membership;

import io.facecard.application.membership.port.ImportJobs.Job;
import io.facecard.application.membership.port.ImportJobs;
import io.facecard.application.membership.port.ImportUploads;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.application.security.Role;
import io.facecard.domain.membership.MembershipRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Bulk enrolment: the tenant admin uploads the chain's member records (a CSV, or a zip holding
 * {@code members.csv} and the photos it names); a background job registers them with the same
 * rules as one registration at a time. See {@link ImportRun} for what a row does.
 */
@ApplicationScoped
public class MemberImport {
    public static final Permit PERMIT = new Permit(Set.of(Role.TENANT_ADMIN), Set.of());

    private ImportJobs jobs;
    private ImportUploads uploads;
    private ImportRunner runner;
    private Clock clock;

    /** For the CDI client proxy only. */
    protected MemberImport() {}

    @Inject
    public MemberImport(ImportJobs jobs, ImportUploads uploads, ImportRunner runner, Clock clock) {
        this.jobs = jobs;
        this.uploads = uploads;
        this.runner = runner;
        this.clock = clock;
    }

    /** Keeps the upload, checks its header and counts its rows, and queues the job. */
    public Job start(Caller caller, InputStream body, ImportUploads.Format format, boolean dryRun) {
        TenantId tenant = PERMIT.tenantOf(caller);
        if (jobs.unfinished(tenant) > 0) {
            throw running();
        }
        UUID id = UUID.randomUUID();
        long rows;
        try (ImportUploads.Upload upload = uploads.keep(id, body, format)) {
            rows = ImportColumns.count(upload.members());
        } catch (RuntimeException e) {
            uploads.discard(id);
            throw e;
        }
        Job job = new Job(id, tenant, ImportJobs.Status.QUEUED, dryRun,
                new ImportJobs.Counts((int) rows, 0, 0, 0, 0, 0, 0), caller.actor(), clock.instant(), null, null, null);
        if (!jobs.create(job)) { // a concurrent upload got in between the check above and here
            uploads.discard(id);
            throw running();
        }
        runner.submit(caller, job);
        return job;
    }

    public Job job(Caller caller, UUID id) {
        TenantId tenant = PERMIT.tenantOf(caller);
        return jobs.find(tenant, id).orElseThrow(() -> Refusal.notFound("job " + id));
    }

    /** Stops the job after the rows in hand (what they did stays done); a finished job is answered as it is. */
    public Job cancel(Caller caller, UUID id) {
        Job job = job(caller, id);
        jobs.requestCancel(job.tenant(), id);
        return job(caller, id);
    }

    public List<ImportJobs.RowError> errors(Caller caller, UUID id) {
        TenantId tenant = job(caller, id).tenant();
        return jobs.errors(tenant, id);
    }

    static Refusal running() {
        return new Refusal(MembershipRule.IMPORT_RUNNING, "an import of this tenant is queued or running; wait for it to finish");
    }
}
