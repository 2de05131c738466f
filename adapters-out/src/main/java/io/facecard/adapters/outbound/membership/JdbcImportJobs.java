package io.facecard.adapters.outbound.membership;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBinding;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.membership.port.ImportJobs;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Each call is a short transaction of its own (a job's progress must not wait for its rows'). */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
@TenantBound
public class JdbcImportJobs implements ImportJobs {
    private static final String COLUMNS = "id, tenant_id, status, dry_run, total_rows, processed, created, skipped, enrolled, "
            + "partial, rejected, started_by, created_at, started_at, finished_at, failure";

    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    TenantBinding binding;

    @Override
    public boolean create(Job job) {
        binding.bind(em, job.tenant());
        Counts c = job.counts();
        int inserted = Jdbc.update(em, "insert into import_job (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict do nothing",
                job.id(), Jdbc.uuid(job.tenant().value()), job.status().name(), job.dryRun(), c.total(), c.processed(), c.created(),
                c.skipped(), c.enrolled(), c.partial(), c.rejected(), job.startedBy(), job.createdAt(), Jdbc.at(job.startedAt()),
                Jdbc.at(job.finishedAt()), Jdbc.text(job.failure()));
        return inserted == 1; // the partial unique index lets one unfinished job per tenant in
    }

    @Override
    public boolean update(Job job) {
        binding.bind(em, job.tenant());
        Counts c = job.counts();
        List<Boolean> cancel = Jdbc.query(em, "update import_job set status = ?, total_rows = ?, processed = ?, created = ?, skipped = ?, "
                        + "enrolled = ?, partial = ?, rejected = ?, started_at = ?, finished_at = ?, failure = ? where id = ? and tenant_id = ? "
                        + "returning cancel_requested", r -> r.getBoolean(1),
                job.status().name(), c.total(), c.processed(), c.created(), c.skipped(), c.enrolled(), c.partial(), c.rejected(),
                Jdbc.at(job.startedAt()), Jdbc.at(job.finishedAt()), Jdbc.text(job.failure()), job.id(), Jdbc.uuid(job.tenant().value()));
        return !cancel.isEmpty() && cancel.get(0);
    }

    @Override
    public boolean requestCancel(TenantId tenant, UUID id) {
        return Jdbc.update(em, "update import_job set cancel_requested = true where id = ? and tenant_id = ? "
                + "and status in ('QUEUED', 'RUNNING')", id, Jdbc.uuid(tenant.value())) == 1;
    }

    @Override
    public Optional<Job> find(TenantId tenant, UUID id) {
        return Jdbc.query(em, "select " + COLUMNS + " from import_job where id = ? and tenant_id = ?", JdbcImportJobs::job, id,
                Jdbc.uuid(tenant.value())).stream().findFirst();
    }

    @Override
    public int unfinished(TenantId tenant) {
        return Jdbc.query(em, "select count(*) from import_job where tenant_id = ? and status in ('QUEUED', 'RUNNING')",
                r -> r.getInt(1), Jdbc.uuid(tenant.value())).get(0);
    }

    @Override
    public void addErrors(TenantId tenant, UUID job, List<RowError> errors) {
        for (RowError e : errors) {
            Jdbc.update(em, "insert into import_job_error (job_id, tenant_id, row_number, external_id, card_number, outcome, reason, detail) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                    job, Jdbc.uuid(tenant.value()), e.row(), Jdbc.text(e.externalId()), Jdbc.text(e.cardNumber()), e.outcome(),
                    e.reason(), e.detail());
        }
    }

    @Override
    public List<RowError> errors(TenantId tenant, UUID job) {
        return Jdbc.query(em, "select row_number, external_id, card_number, outcome, reason, detail from import_job_error "
                        + "where job_id = ? and tenant_id = ? order by row_number",
                r -> new RowError(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6)),
                job, Jdbc.uuid(tenant.value()));
    }

    @Override
    public int interruptUnfinished(Instant at) {
        int n = 0;
        for (UUID t : Jdbc.query(em, "select id from tenant_view", r -> Jdbc.uuid(r, 1))) {
            binding.bind(em, new TenantId(t));
            n += Jdbc.update(em, "update import_job set status = 'INTERRUPTED', finished_at = ?, "
                    + "failure = 'the server stopped during the job; upload the same files again to finish it' "
                    + "where tenant_id = ? and status in ('QUEUED', 'RUNNING')", at, Jdbc.uuid(t));
        }
        return n;
    }

    private static Job job(ResultSet r) throws SQLException {
        return new Job(Jdbc.uuid(r, 1), new TenantId(Jdbc.uuid(r, 2)), Status.valueOf(r.getString(3)), r.getBoolean(4),
                new Counts(r.getInt(5), r.getInt(6), r.getInt(7), r.getInt(8), r.getInt(9), r.getInt(10), r.getInt(11)),
                r.getString(12), Jdbc.instant(r, 13), Jdbc.instant(r, 14), Jdbc.instant(r, 15), r.getString(16));
    }
}
