package io.facecard.tenants.tenancy.port;

import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port out: counters of failed logins, per account and per source address, shared by every
 * replica (they live in the database), so a lock holds wherever the next attempt lands.
 */
public interface FailedLogins {
    /** A counter as stored; {@code lockedUntil} is null while the counter is below its threshold. */
    record Counter(String key, TenantId tenant, String username, int failures, Instant lastFailure, Instant lockedUntil) {}

    Optional<Counter> find(String key);

    /**
     * Counts one more failure atomically (concurrent attempts each count) and returns the counter
     * after it; a counter whose last failure is older than {@code forgetBefore} starts again at one.
     */
    Counter recordFailure(String key, TenantId tenant, String username, Instant now, Instant forgetBefore);

    void lockUntil(String key, Instant until);

    void clear(String key);

    /** The tenant's accounts locked at {@code now}, for its admin. */
    List<Counter> locked(TenantId tenant, Instant now);
}
