package io.facecard.application.crm.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What is to be, or was, delivered to each endpoint: one row per event and endpoint. */
public interface WebhookDeliveries {
    enum Status { PENDING, PAUSED, DELIVERED, FAILED }

    /** A delivery claimed for sending: its endpoint's tenant, the event, and how many attempts came before. */
    record Due(UUID id, TenantId tenant, UUID endpoint, CrmEventType type, MemberId member, Instant occurredAt, Map<String, Object> data,
            int attempts, Instant windowStart) {}

    record Logged(UUID id, CrmEventType type, MemberId member, Instant occurredAt, Status status, int attempts, Instant createdAt,
            Instant nextAt, Instant lastAttemptAt, Integer lastStatus, String lastAnswer, String lastError, Instant deliveredAt) {}

    /** Queues {@code h} for each endpoint; a repeat of its source key for an endpoint adds nothing. Answers the deliveries added. */
    List<UUID> queue(TenantId tenant, List<UUID> endpoints, CrmEvents.Happening h, Instant at);

    /**
     * Takes up to {@code limit} due deliveries, each the oldest unfinished one of its member at its endpoint, and
     * holds them until {@code leaseUntil} (a sender that dies leaves them due again then). Across tenants.
     */
    List<Due> claim(Instant now, int limit, Instant leaseUntil);

    /** An attempt's answer: {@code next} null for an ended delivery (then {@code status} says how). */
    void attempted(UUID id, Status status, Instant next, Integer httpStatus, String answer, String error, Instant at);

    List<Logged> log(TenantId tenant, UUID endpoint, Status status, int limit);

    Optional<Logged> find(TenantId tenant, UUID endpoint, UUID id);

    /** Sends an ended delivery again, with a fresh window, once the ones before it for its member are done. */
    boolean replay(TenantId tenant, UUID endpoint, UUID id, Instant now);

    /** A disabled endpoint's pending deliveries wait; enabling it again sends them (with a fresh window). */
    int pause(TenantId tenant, UUID endpoint);

    int resume(TenantId tenant, UUID endpoint, Instant now);

    /** Counts per status, for the endpoint's summary and the operator's metrics. */
    Map<Status, Long> counts(TenantId tenant, UUID endpoint);
}
