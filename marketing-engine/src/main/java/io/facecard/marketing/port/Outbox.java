package io.facecard.marketing.port;

import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Port out: the transactional outbox. {@link #queue} joins the caller's transaction; the dispatcher's calls are their own. */
public interface Outbox {
    /** @return false when a notice with this tenant and key is queued already */
    boolean queue(Notice notice, Instant at);

    /**
     * Makes the tenant's messages held by one of these delivery rules until after {@code at} due at {@code at}: the
     * dispatcher then decides each again under the rules as they are then (one still held is held again, to its new time).
     *
     * @return how many were held
     */
    int releaseHeld(TenantId tenant, Set<String> rules, Instant at);

    /** Many at once in the caller's transaction (a campaign's batch); a key queued already is skipped. @return how many were new */
    int queueAll(List<Notice> notices, Instant at);

    /** Takes up to {@code limit} due messages for one lease (other dispatchers skip them), an equal share per tenant with due messages. */
    List<Queued> claim(Instant now, int limit, Instant leaseUntil);

    void sent(UUID id, String channel, Instant at);

    void retry(UUID id, Instant next, String reason);

    /** Ended without sending: FAILED (the channel refused, or the last try failed: a dead letter) or BLOCKED by a policy rule. */
    void ended(UUID id, String status, String channel, String reason, Instant at);

    /** A batch's outcomes in one transaction: SENT, FAILED, BLOCKED (with channel and reason), or QUEUED again at {@code next}. */
    void record(List<Outcome> outcomes, Instant at);

    record Outcome(UUID id, String status, String channel, String reason, Instant next) {}

    /** @param massJob the mass send this message went into, once it was given to one */
    record Queued(UUID id, Notice notice, int attempts, String massJob) {
        public Queued(UUID id, Notice notice, int attempts) {
            this(id, notice, attempts, null);
        }
    }
}
