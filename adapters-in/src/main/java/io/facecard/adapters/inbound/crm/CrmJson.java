package io.facecard.adapters.inbound.crm;

import io.facecard.application.crm.WebhookAdmin;
import io.facecard.application.crm.port.WebhookDeliveries;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** CRM sync's request and response bodies. */
public final class CrmJson {
    private CrmJson() {}

    public record NewEndpoint(String url, List<String> events, Boolean personalData, String description) {}

    /** Fields left out stay as they are; {@code enabled} switches a disabled endpoint back on (its waiting deliveries go out). */
    public record EndpointChange(String url, List<String> events, Boolean personalData, String description, Boolean enabled) {}

    public record Rotation(Integer overlapHours) {}

    public record EndpointBody(UUID id, String url, List<String> events, boolean personalData, String description, String status,
            Instant failingSince, Instant disabledAt, String disabledReason, List<String> secretFingerprints, Instant previousSecretUntil,
            Map<String, Long> deliveries, Instant createdAt, Instant updatedAt) {
        static EndpointBody of(WebhookAdmin.View v) {
            Map<String, Long> counts = new java.util.LinkedHashMap<>();
            v.deliveries().forEach((k, n) -> counts.put(k.name(), n));
            return new EndpointBody(v.id(), v.url(), v.events(), v.personalData(), v.description(), v.status().name(), v.failingSince(),
                    v.disabledAt(), v.disabledReason(), v.secretFingerprints(), v.previousSecretUntil(), counts, v.createdAt(), v.updatedAt());
        }
    }

    public record Endpoints(List<EndpointBody> items) {}

    /** The endpoint and its new signing secret: the one answer that shows it. */
    public record WithSecret(EndpointBody endpoint, String secret) {
        static WithSecret of(WebhookAdmin.WithSecret w) {
            return new WithSecret(EndpointBody.of(w.endpoint()), w.secret());
        }
    }

    public record Queued(UUID deliveryId) {}

    public record DeliveryBody(UUID id, String type, UUID memberId, Instant occurredAt, String status, int attempts, Instant createdAt,
            Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus, String lastAnswer, String lastError, Instant deliveredAt) {
        static DeliveryBody of(WebhookDeliveries.Logged l) {
            boolean waiting = l.status() == WebhookDeliveries.Status.PENDING;
            return new DeliveryBody(l.id(), l.type().wire(), l.member() == null ? null : l.member().value(), l.occurredAt(), l.status().name(),
                    l.attempts(), l.createdAt(), waiting ? l.nextAt() : null, l.lastAttemptAt(), l.lastStatus(), l.lastAnswer(), l.lastError(),
                    l.deliveredAt());
        }
    }

    public record Deliveries(List<DeliveryBody> items) {}
}
