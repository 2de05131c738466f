package io.facecard.application.crm;

import io.facecard.application.crm.port.CrmEventType;
import io.facecard.application.crm.port.CrmEvents;
import io.facecard.application.crm.port.WebhookDeliveries;
import io.facecard.application.crm.port.WebhookDeliveries.Logged;
import io.facecard.application.crm.port.WebhookEndpoints;
import io.facecard.application.crm.port.WebhookEndpoints.Endpoint;
import io.facecard.application.crm.port.WebhookEndpoints.Secret;
import io.facecard.application.crm.port.WebhookEndpoints.Status;
import io.facecard.application.crm.port.WebhookTransport;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.application.security.Role;
import io.facecard.application.support.Secrets;
import io.facecard.domain.crm.CrmRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant admin's webhook endpoints: registered with the events they want and whether payloads may carry personal
 * data, the signing secret shown once (at registration and at each rotation, the old one still signing for the
 * overlap), the delivery log with the receiver's last answers, replay of an ended delivery, and a test ping.
 */
@ApplicationScoped
@Transactional
public class WebhookAdmin {
    static final Permit ADMIN = new Permit(Set.of(Role.TENANT_ADMIN), Set.of());
    static final int MAX_ENDPOINTS = 10;
    static final Duration LONGEST_OVERLAP = Duration.ofDays(7);

    /** An endpoint as its admin sees it: the secrets only by fingerprint, and its deliveries counted by status. */
    public record View(UUID id, String url, List<String> events, boolean personalData, String description, Status status,
            Instant failingSince, Instant disabledAt, String disabledReason, List<String> secretFingerprints,
            Instant previousSecretUntil, Map<WebhookDeliveries.Status, Long> deliveries, Instant createdAt, Instant updatedAt) {}

    /** A view with the new secret, the one time it is shown. */
    public record WithSecret(View endpoint, String secret) {}

    public record Registration(String url, Set<CrmEventType> events, boolean personalData, String description) {}

    /** Fields left null stay as they are. */
    public record Change(String url, Set<CrmEventType> events, Boolean personalData, String description, Boolean enabled) {}

    private WebhookEndpoints endpoints;
    private WebhookDeliveries deliveries;
    private CrmEvents feed;
    private WebhookTransport transport;
    private Clock clock;

    /** For the CDI client proxy only. */
    protected WebhookAdmin() {}

    @Inject
    public WebhookAdmin(WebhookEndpoints endpoints, WebhookDeliveries deliveries, CrmEvents feed, WebhookTransport transport, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.feed = feed;
        this.transport = transport;
        this.clock = clock;
    }

    public WithSecret register(Caller caller, Registration r) {
        TenantId tenant = ADMIN.tenantOf(caller);
        if (endpoints.list(tenant).size() >= MAX_ENDPOINTS) {
            throw new Refusal(CrmRule.TOO_MANY_ENDPOINTS, "a tenant has at most " + MAX_ENDPOINTS + " webhook endpoints");
        }
        Instant now = clock.instant();
        String secret = WebhookSignature.newSecret();
        Endpoint e = new Endpoint(UUID.randomUUID(), EndpointUrls.check(r.url(), transport.sandbox()), events(r.events()), r.personalData(),
                r.description(), Status.ACTIVE, null, null, null, now, now, List.of(new Secret(secret, null)));
        endpoints.create(tenant, e);
        return new WithSecret(view(tenant, e), secret);
    }

    public List<View> list(Caller caller) {
        TenantId tenant = ADMIN.tenantOf(caller);
        return endpoints.list(tenant).stream().map(e -> view(tenant, e)).toList();
    }

    public View get(Caller caller, UUID id) {
        TenantId tenant = ADMIN.tenantOf(caller);
        return view(tenant, endpoint(tenant, id));
    }

    public View change(Caller caller, UUID id, Change c) {
        TenantId tenant = ADMIN.tenantOf(caller);
        Endpoint e = endpoint(tenant, id);
        Instant now = clock.instant();
        Status status = e.status();
        Instant failing = e.failingSince();
        Instant disabledAt = e.disabledAt();
        String reason = e.disabledReason();
        if (Boolean.TRUE.equals(c.enabled()) && status == Status.DISABLED) {
            status = Status.ACTIVE;
            failing = null;
            disabledAt = null;
            reason = null;
            deliveries.resume(tenant, id, now);
        } else if (Boolean.FALSE.equals(c.enabled()) && status == Status.ACTIVE) {
            status = Status.DISABLED;
            disabledAt = now;
            reason = "disabled by " + caller.actor();
            deliveries.pause(tenant, id);
        }
        Endpoint changed = new Endpoint(id, c.url() == null ? e.url() : EndpointUrls.check(c.url(), transport.sandbox()),
                c.events() == null ? e.events() : events(c.events()), c.personalData() == null ? e.personalData() : c.personalData(),
                c.description() == null ? e.description() : c.description(), status, failing, disabledAt, reason, e.createdAt(), now,
                e.secrets());
        endpoints.update(tenant, changed);
        return view(tenant, changed);
    }

    /** A new secret; the current one keeps signing beside it for {@code overlap} (0: it stops at once). */
    public WithSecret rotate(Caller caller, UUID id, Duration overlap) {
        TenantId tenant = ADMIN.tenantOf(caller);
        if (overlap.isNegative() || overlap.compareTo(LONGEST_OVERLAP) > 0) {
            throw Refusal.invalid("'overlapHours' must be between 0 and " + LONGEST_OVERLAP.toHours());
        }
        Endpoint e = endpoint(tenant, id);
        Instant now = clock.instant();
        String secret = WebhookSignature.newSecret();
        List<Secret> secrets = overlap.isZero() ? List.of(new Secret(secret, null))
                : List.of(new Secret(secret, null), new Secret(current(e).value(), now.plus(overlap)));
        Endpoint rotated = new Endpoint(id, e.url(), e.events(), e.personalData(), e.description(), e.status(), e.failingSince(),
                e.disabledAt(), e.disabledReason(), e.createdAt(), now, secrets);
        endpoints.update(tenant, rotated);
        return new WithSecret(view(tenant, rotated), secret);
    }

    public void delete(Caller caller, UUID id) {
        TenantId tenant = ADMIN.tenantOf(caller);
        if (!endpoints.delete(tenant, id)) {
            throw Refusal.notFound("webhook endpoint " + id);
        }
    }

    public List<Logged> deliveries(Caller caller, UUID id, WebhookDeliveries.Status status, int limit) {
        TenantId tenant = ADMIN.tenantOf(caller);
        endpoint(tenant, id);
        return deliveries.log(tenant, id, status, limit);
    }

    public Logged delivery(Caller caller, UUID id, UUID delivery) {
        TenantId tenant = ADMIN.tenantOf(caller);
        return deliveries.find(tenant, id, delivery).orElseThrow(() -> Refusal.notFound("delivery " + delivery));
    }

    /** Sends an ended delivery again under its own id (a receiver that has it already can drop it). */
    public Logged replay(Caller caller, UUID id, UUID delivery) {
        TenantId tenant = ADMIN.tenantOf(caller);
        Logged d = deliveries.find(tenant, id, delivery).orElseThrow(() -> Refusal.notFound("delivery " + delivery));
        if (!deliveries.replay(tenant, id, delivery, clock.instant())) {
            throw new Refusal(CrmRule.NOT_REPLAYABLE, "delivery " + delivery + " is " + d.status() + "; only DELIVERED or FAILED ones are sent again");
        }
        return deliveries.find(tenant, id, delivery).orElseThrow();
    }

    /** Queues a {@code webhook.ping} to this endpoint alone: the way to try a receiver and its signature check. */
    public UUID ping(Caller caller, UUID id) {
        TenantId tenant = ADMIN.tenantOf(caller);
        Endpoint e = endpoint(tenant, id);
        if (e.status() != Status.ACTIVE) {
            throw new Refusal(CrmRule.NOT_REPLAYABLE, "the endpoint is disabled; enable it first");
        }
        String key = "ping:" + Secrets.randomId();
        return deliveries.queue(tenant, List.of(id), new CrmEvents.Happening(CrmEventType.PING, null, key, clock.instant(),
                Map.of("endpointId", id.toString())), clock.instant()).get(0);
    }

    private Endpoint endpoint(TenantId tenant, UUID id) {
        return endpoints.find(tenant, id).orElseThrow(() -> Refusal.notFound("webhook endpoint " + id));
    }

    private static Set<CrmEventType> events(Set<CrmEventType> wanted) {
        if (wanted.isEmpty() || wanted.contains(CrmEventType.PING)) {
            throw Refusal.invalid("'events' must name at least one event type");
        }
        return EnumSet.copyOf(wanted);
    }

    static Secret current(Endpoint e) {
        return e.secrets().stream().filter(s -> s.until() == null).findFirst().orElseThrow();
    }

    private View view(TenantId tenant, Endpoint e) {
        Instant now = clock.instant();
        List<Secret> live = e.secrets().stream().filter(s -> s.until() == null || s.until().isAfter(now)).toList();
        Instant previousUntil = live.stream().map(Secret::until).filter(u -> u != null).findFirst().orElse(null);
        return new View(e.id(), e.url(), e.events().stream().map(CrmEventType::wire).sorted().toList(), e.personalData(), e.description(),
                e.status(), e.failingSince(), e.disabledAt(), e.disabledReason(), live.stream().map(s -> Secrets.fingerprint(s.value())).toList(),
                previousUntil, deliveries.counts(tenant, e.id()), e.createdAt(), e.updatedAt());
    }
}
