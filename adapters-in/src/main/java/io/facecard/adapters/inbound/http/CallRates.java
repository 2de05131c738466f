package io.facecard.adapters.inbound.http;

import io.facecard.application.security.Caller;
import io.facecard.domain.refusal.CommonRule;
import io.facecard.domain.refusal.Throttled;
import io.facecard.domain.tenancy.TenantLimits;
import io.facecard.tenants.tenancy.TenantShares;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per credential, sized by its tenant's limits: a flooding till or script is told
 * 429 with the wait, cheaply, before it reaches a database or the face pipeline. Buckets live in
 * this replica's memory, so with N replicas behind a balancer a credential gets up to N times its
 * rate; a shared bucket in PostgreSQL would cost a row lock per call on the hottest path. Only
 * authenticated callers get a bucket, so made-up credentials cannot grow the map.
 */
@ApplicationScoped
public class CallRates {
    private record Limited(Bucket bucket, TenantLimits limits) {}

    /** The platform operator has no tenant share; its scripts (onboarding, settings) get ten times a tenant's default. */
    static final TenantLimits OPERATOR = new TenantLimits(500, 1_000, TenantLimits.DEFAULT.faceConcurrency(),
            TenantLimits.DEFAULT.importWorkers());

    @Inject
    TenantShares shares;

    private final Map<String, Limited> buckets = new ConcurrentHashMap<>();

    public void admit(Caller caller) {
        TenantLimits limits = caller.tenant().map(shares::of).orElse(OPERATOR);
        Limited l = buckets.compute(caller.actor(), (k, old) -> old != null && old.limits().equals(limits) ? old
                : new Limited(bucket(limits), limits));
        ConsumptionProbe probe = l.bucket().tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new Throttled(CommonRule.RATE_LIMITED, Duration.ofNanos(probe.getNanosToWaitForRefill()),
                    "this credential may make " + limits.requestsPerSecond() + " calls per second (bursts of "
                            + limits.burst() + "); wait before calling again");
        }
    }

    private static Bucket bucket(TenantLimits limits) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(limits.burst())
                .refillGreedy(limits.requestsPerSecond(), Duration.ofSeconds(1)).build()).build();
    }
}
