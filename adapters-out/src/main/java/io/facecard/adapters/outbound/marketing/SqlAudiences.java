package io.facecard.adapters.outbound.marketing;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.loyalty.port.Programs;
import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.Audiences;
import io.facecard.marketing.port.Condition;
import io.facecard.marketing.segments.SegmentRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Segments evaluated in PostgreSQL: the compiled predicate over the tenant's living members, counted with a sample in one query. */
@ApplicationScoped
@Transactional
@TenantBound
public class SqlAudiences implements Audiences {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    Programs programs;

    @Override
    public Preview preview(TenantId tenant, Condition condition, Function<String, Condition> segments, Instant now, int sample) {
        evaluating(em, 30);
        SegmentSql sql = new SegmentSql(tenant.value(), now, programs.terms(tenant).zone(), segments,
                programs.find(tenant).map(LoyaltyProgram::tiers).orElse(List.of()));
        String hits = sql.select(condition);
        List<Object> params = new ArrayList<>();
        params.add(tenant.value());
        params.addAll(sql.params);
        // Counted without keeping the matches (the count can run in parallel); the sample is the first few found, so it stops early.
        long count = within(30, () -> Jdbc.query(em, "select count(*) from (" + hits + ") h", r -> r.getLong(1), params.toArray())).get(0);
        params.add(sample);
        List<MemberId> ids = count == 0 ? List.of() : within(30, () -> Jdbc.query(em, hits + " limit ?", r -> new MemberId(Jdbc.uuid(r, 1)),
                params.toArray()));
        return new Preview(count, ids);
    }

    /**
     * This transaction's settings for evaluating a tree, in one round trip:
     * <ul>
     * <li>memory for its hashes: an event leaf under or/not is a subplan over up to every member of
     *     the tenant, which PostgreSQL hashes only if it fits in work_mem (else it rescans it per member);
     * <li>a plan for this tree's own values: after five runs the driver prepares the statement and
     *     PostgreSQL would switch to one generic plan, blind to how selective each bound value is (the
     *     nested RFM tree went from 160 ms to 970 ms that way); planning a segment costs a millisecond or two;
     * <li>a time limit: a tree the read models cannot answer in time is refused, instead of running on in
     *     the database after the marketer's browser gave up (one such ran 30 minutes here).
     * </ul>
     */
    static void evaluating(EntityManager em, int seconds) {
        Jdbc.query(em, "select set_config('work_mem', '128MB', true), set_config('plan_cache_mode', 'force_custom_plan', true), "
                + "set_config('statement_timeout', '" + seconds + "s', true)", r -> 1);
    }

    static <T> T within(int seconds, Supplier<T> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException q && "57014".equals(q.getSQLState())) {
                    throw new Refusal(SegmentRule.SEGMENT_TOO_COSTLY,
                            "this tree took more than " + seconds + " s to evaluate; narrow its windows or conditions");
                }
            }
            throw e;
        }
    }
}
