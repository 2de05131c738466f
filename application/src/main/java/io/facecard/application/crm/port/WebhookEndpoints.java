package io.facecard.application.crm.port;

import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A tenant's webhook endpoints, their signing secrets sealed at rest. */
public interface WebhookEndpoints {
    enum Status { ACTIVE, DISABLED }

    /** A signing secret; {@code until} is null for the current one, the end of the overlap for the one it replaced. */
    record Secret(String value, Instant until) {}

    record Endpoint(UUID id, String url, Set<CrmEventType> events, boolean personalData, String description, Status status,
            Instant failingSince, Instant disabledAt, String disabledReason, Instant createdAt, Instant updatedAt, List<Secret> secrets) {
        public Endpoint with(Status s, Instant failing, Instant disabled, String reason, Instant at) {
            return new Endpoint(id, url, events, personalData, description, s, failing, disabled, reason, createdAt, at, secrets);
        }
    }

    void create(TenantId tenant, Endpoint e);

    /** Saves everything but the id and creation time. */
    void update(TenantId tenant, Endpoint e);

    List<Endpoint> list(TenantId tenant);

    Optional<Endpoint> find(TenantId tenant, UUID id);

    /** The active endpoints subscribed to {@code type} that existed when it happened (none hears the past). */
    List<UUID> subscribed(TenantId tenant, CrmEventType type, Instant occurredAt);

    boolean delete(TenantId tenant, UUID id);

    /** After a delivery's answer: a success clears the failing mark, a failure sets it unless already set. */
    void answered(TenantId tenant, UUID id, boolean success, Instant at);
}
