package io.facecard.application.loyalty.port;

import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.Optional;

/** The first answers of idempotent calls, kept per tenant, scope and key. */
public interface IdempotencyRecords {
    /** A stored first answer to an idempotent call. */
    record Answer(int status, String body) {}

    record Stored(String fingerprint, Answer answer) {}

    /**
     * Claims the key inside the caller's transaction, waiting for a concurrent holder of the same
     * key to finish: empty when this call is the first, else the fingerprint and answer stored.
     */
    Optional<Stored> claim(TenantId tenant, String scope, String key, String fingerprint, Instant at);

    void answer(TenantId tenant, String scope, String key, Answer answer);
}
