package io.facecard.application.loyalty;

import io.facecard.application.loyalty.port.IdempotencyRecords.Answer;
import io.facecard.application.loyalty.port.IdempotencyRecords;
import io.facecard.application.problem.IdempotencyRule;
import io.facecard.application.security.Caller;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Exactly-once for mutating till calls: the key is claimed, the call runs and its answer is stored
 * in one database transaction, so a crash either leaves nothing (the retry runs it) or everything
 * (the retry gets the first answer). A refused call stores nothing: it changed nothing either.
 */
@ApplicationScoped
@Transactional
public class Idempotency {
    public record Outcome(Answer answer, boolean replayed) {}

    @Resource
    TransactionSynchronizationRegistry transactions;
    private IdempotencyRecords records;
    private Clock clock;

    protected Idempotency() {}

    @Inject
    public Idempotency(IdempotencyRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    public Outcome once(Caller caller, String key, String fingerprint, Supplier<Answer> call) {
        TenantId tenant = caller.tenant().orElseThrow(() -> Refusal.forbidden("idempotent calls belong to a tenant's credential"));
        if (key == null || key.isBlank()) {
            throw new Refusal(IdempotencyRule.KEY_REQUIRED, "this call needs an 'Idempotency-Key' header");
        }
        if (key.length() > 255 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw Refusal.invalid("'Idempotency-Key' must be 1-255 visible ASCII characters");
        }
        var stored = records.claim(tenant, caller.actor(), key, fingerprint, clock.instant());
        if (stored.isPresent()) {
            if (!stored.get().fingerprint().equals(fingerprint)) {
                throw new Refusal(IdempotencyRule.KEY_REUSED,
                        "this Idempotency-Key was used with a different request");
            }
            return new Outcome(stored.get().answer(), true);
        }
        Answer answer = call.get();
        records.answer(tenant, caller.actor(), key, answer);
        if (transactions != null && transactions.getRollbackOnly()) {
            // Something inside marked the transaction for rollback without throwing: the container would
            // roll back silently and the caller would get a success that never happened.
            throw new IllegalStateException("the transaction was marked for rollback; nothing was stored");
        }
        return new Outcome(answer, false);
    }
}
