package io.facecard.application.crm;

import io.facecard.application.crm.port.CrmEvents;
import io.facecard.application.crm.port.WebhookDeliveries;
import io.facecard.application.crm.port.WebhookEndpoints;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Turns what happened into one delivery per active endpoint subscribed to it, in the reporter's transaction. */
@ApplicationScoped
@Transactional
public class CrmFeed implements CrmEvents {
    private WebhookEndpoints endpoints;
    private WebhookDeliveries deliveries;
    private Clock clock;

    /** For the CDI client proxy only. */
    protected CrmFeed() {}

    @Inject
    public CrmFeed(WebhookEndpoints endpoints, WebhookDeliveries deliveries, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public void happened(TenantId tenant, Happening h) {
        List<UUID> to = endpoints.subscribed(tenant, h.type(), h.occurredAt());
        if (!to.isEmpty()) {
            deliveries.queue(tenant, to, h, clock.instant());
        }
    }
}
