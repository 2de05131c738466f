package io.facecard.application.problem;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** What the idempotency of a till's calls refuses. */
public final class IdempotencyRule {
    public static final Rule KEY_REQUIRED = new Rule("idempotency-key-required", Category.INVALID);
    public static final Rule KEY_REUSED = new Rule("idempotency-key-reused", Category.UNPROCESSABLE);

    private IdempotencyRule() {}
}
