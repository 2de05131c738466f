package io.facecard.application.membership.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port out: open step-ups (a CONFIRM's candidates under a token's hash) and wrong-digit counts per member. */
public interface StepUps {
    /** @param probe the till photo's template, kept only for a tenant that refreshes templates (else null) */
    void open(TenantId tenant, String tokenHash, List<MemberId> candidates, double score, Double liveness, Instant expiresAt, float[] probe);

    /** The step-up, locked for this transaction (two tills cannot spend one token twice). */
    Optional<Open> lock(TenantId tenant, String tokenHash);

    /** One more wrong try on the token; answers the tries made so far. */
    int failed(TenantId tenant, String tokenHash);

    /** Spends the token and drops its probe. */
    void used(TenantId tenant, String tokenHash);

    void memberFailed(TenantId tenant, MemberId member, Instant at);

    /** Wrong tries against the member since {@code since}, oldest first. */
    List<Instant> memberFailures(TenantId tenant, MemberId member, Instant since);

    /** Forgets a tenant's step-ups that ended before {@code before} and its failures older than it. */
    void forget(TenantId tenant, Instant before);

    /** @param liveness the probe's liveness score where it was measured: a payment after the digits needs it as much as after a MATCH */
    record Open(List<MemberId> candidates, double score, Double liveness, Instant expiresAt, int failures, boolean used, float[] probe) {}
}
