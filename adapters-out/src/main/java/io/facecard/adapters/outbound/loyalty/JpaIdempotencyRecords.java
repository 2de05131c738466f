package io.facecard.adapters.outbound.loyalty;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBinding;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.loyalty.port.IdempotencyRecords.Answer;
import io.facecard.application.loyalty.port.IdempotencyRecords;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The insert takes the key's row lock: a concurrent request with the same key waits on it until
 * the first commits (then sees its answer) or rolls back (then runs itself).
 */
@ApplicationScoped
@TenantBound
public class JpaIdempotencyRecords implements IdempotencyRecords {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    TenantBinding binding;

    /** Keys are kept at least this long (the contract promises 24 hours). */
    static final Duration RETENTION = Duration.ofHours(48);
    /**
     * One new key in {@code PURGE_EVERY}, at random, removes up to {@code PURGE_BATCH} expired keys of
     * its tenant: far more than the keys added meanwhile, so the table stays bounded with no job, and
     * the other calls skip a statement (it was one in 27 of a checkout's statements).
     */
    static final int PURGE_EVERY = 16;
    static final int PURGE_BATCH = 128;

    @Override
    public Optional<Stored> claim(TenantId tenant, String scope, String key, String fingerprint, Instant at) {
        // The claim is the first statement of a till's call: it binds the tenant itself (one round trip
        // less per call); the row-level security check runs after the binding.
        int inserted = Jdbc.update(em, "insert into idempotency_record (tenant_id, scope, idem_key, fingerprint, created_at) "
                + "select ?, ?, ?, ?, ? from " + TenantBinding.SET_IN_FROM + " on conflict do nothing",
                tenant.value(), scope, key, fingerprint, at, tenant.toString());
        binding.boundBy(tenant);
        // Oldest first: the order makes (tenant_id, created_at) the only sensible index, so a probe that
        // finds nothing expired stops at once. Without it PostgreSQL once chose the primary key and
        // read all of a tenant's keys on every call (seconds per call at 50,000 keys).
        if (ThreadLocalRandom.current().nextInt(PURGE_EVERY) == 0) {
            Jdbc.update(em, "delete from idempotency_record where ctid in (select ctid from idempotency_record "
                    + "where tenant_id = ? and created_at < ? order by created_at limit " + PURGE_BATCH + " for update skip locked)",
                    tenant.value(), at.minus(RETENTION));
        }
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(Jdbc.query(em, "select fingerprint, status, body from idempotency_record "
                        + "where tenant_id = ? and scope = ? and idem_key = ?",
                r -> new Stored(r.getString(1), new Answer(r.getInt(2), r.getString(3))), tenant.value(), scope, key).get(0));
    }

    @Override
    public void answer(TenantId tenant, String scope, String key, Answer answer) {
        Jdbc.update(em, "update idempotency_record set status = ?, body = ? where tenant_id = ? and scope = ? and idem_key = ?",
                answer.status(), Jdbc.text(answer.body()), tenant.value(), scope, key);
    }
}
