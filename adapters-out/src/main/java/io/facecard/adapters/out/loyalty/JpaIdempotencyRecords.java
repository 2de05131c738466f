package io.facecard.adapters.out.loyalty;

import io.facecard.adapters.out.persistence.Sql;
import io.facecard.adapters.out.persistence.TenantBinding;
import io.facecard.application.loyalty.LoyaltyPorts;
import io.facecard.application.loyalty.LoyaltyPorts.Answer;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The insert takes the key's row lock: a concurrent request with the same key waits on it until
 * the first commits (then sees its answer) or rolls back (then runs itself).
 */
@ApplicationScoped
public class JpaIdempotencyRecords implements LoyaltyPorts.IdempotencyRecords {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    TenantBinding binding;

    /** Keys are kept at least this long (the contract promises 24 hours). */
    static final java.time.Duration RETENTION = java.time.Duration.ofHours(48);
    /**
     * One new key in {@code PURGE_EVERY}, at random, removes up to {@code PURGE_BATCH} expired keys of
     * its tenant: far more than the keys added meanwhile, so the table stays bounded with no job, and
     * the other calls skip a statement (it was one in 27 of a checkout's statements).
     */
    static final int PURGE_EVERY = 16;
    static final int PURGE_BATCH = 128;

    @Override
    public Optional<Stored> claim(TenantId tenant, String scope, String key, String fingerprint, Instant at) {
        binding.bind(em, tenant);
        // Oldest first: the order makes (tenant_id, created_at) the only sensible index, so a probe that
        // finds nothing expired stops at once. Without it PostgreSQL once chose the primary key and
        // read all of a tenant's keys on every call (seconds per call at 50,000 keys).
        if (ThreadLocalRandom.current().nextInt(PURGE_EVERY) == 0) {
            Sql.instant(em.createNativeQuery("delete from idempotency_record where ctid in (select ctid from idempotency_record "
                            + "where tenant_id = ?1 and created_at < ?2 order by created_at limit " + PURGE_BATCH + " for update skip locked)")
                    .setParameter(1, tenant.value()), 2, at.minus(RETENTION)).executeUpdate();
        }
        int inserted = em.createNativeQuery("insert into idempotency_record (tenant_id, scope, idem_key, fingerprint, created_at) "
                        + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, tenant.value()).setParameter(2, scope).setParameter(3, key).setParameter(4, fingerprint)
                .setParameter(5, Timestamp.from(at)).executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select fingerprint, status, body from idempotency_record "
                        + "where tenant_id = ?1 and scope = ?2 and idem_key = ?3")
                .setParameter(1, tenant.value()).setParameter(2, scope).setParameter(3, key).getResultList();
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new Stored((String) r[0], new Answer(((Number) r[1]).intValue(), (String) r[2])));
    }

    @Override
    public void answer(TenantId tenant, String scope, String key, Answer answer) {
        binding.bind(em, tenant);
        em.createNativeQuery("update idempotency_record set status = ?4, body = ?5 where tenant_id = ?1 and scope = ?2 and idem_key = ?3")
                .setParameter(1, tenant.value()).setParameter(2, scope).setParameter(3, key)
                .setParameter(4, answer.status()).setParameter(5, answer.body()).executeUpdate();
    }
}
