package io.facecard.application.crm;

import io.facecard.application.crm.port.WebhookDeliveries;
import io.facecard.application.crm.port.WebhookDeliveries.Due;
import io.facecard.application.crm.port.WebhookEndpoints;
import io.facecard.application.crm.port.WebhookEndpoints.Endpoint;
import io.facecard.application.crm.port.WebhookEndpoints.Status;
import io.facecard.application.crm.port.WebhookTransport;
import io.facecard.application.crm.port.WebhookTransport.Answer;
import io.facecard.application.crm.port.MemberProfiles;
import io.facecard.application.platform.BackgroundWork;
import io.facecard.domain.crm.DeliveryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due deliveries, {@link #THREADS} at a time. Every {@link #TICK_MS} ms it claims a batch across tenants (each the
 * oldest unfinished delivery of its member at its endpoint, so a member's events arrive in order; a lease makes a
 * delivery whose sender died due again) and posts each one; replicas share the list through the claim. A failure is
 * tried again after {@link DeliveryPolicy}'s backoff until its window ends; an endpoint that only failed for a window is
 * disabled and its deliveries wait for an admin to enable it.
 */
@ApplicationScoped
public class WebhookSender extends BackgroundWork {
    @Override
    public String workName() {
        return "crm-webhooks";
    }

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    static final long TICK_MS = 250;
    static final int THREADS = 4;
    static final int BATCH = 64;
    /** Longer than the transport's timeout, so a slow receiver's delivery is not sent twice at once. */
    static final Duration LEASE = Duration.ofSeconds(60);

    private WebhookDeliveries deliveries;
    private WebhookEndpoints endpoints;
    private WebhookTransport transport;
    private MemberProfiles members;
    private DeliveryPolicy policy;
    private Clock clock;

    /** For the CDI client proxy only. */
    protected WebhookSender() {}

    @Inject
    public WebhookSender(WebhookDeliveries deliveries, WebhookEndpoints endpoints, WebhookTransport transport, MemberProfiles members,
            DeliveryPolicy policy, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.transport = transport;
        this.members = members;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    protected int poolThreads() {
        return THREADS;
    }

    @Override
    protected void schedule(ScheduledExecutorService ticker) {
        ticker.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            // A full batch means more are due: go on at once (a backlog drains at the receivers' pace, not the tick's).
            for (int round = 0; round < 50; round++) {
                Instant now = clock.instant();
                List<Due> due = deliveries.claim(now, BATCH, now.plus(LEASE));
                var futures = due.stream().map(d -> pool().submit(() -> send(d))).toList();
                for (var f : futures) {
                    f.get(); // the next claim waits for this batch: a member's next event only after this one's answer is stored
                }
                if (due.size() < BATCH) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "webhook sender: a batch did not finish; its deliveries are due again when their lease ends", e);
        }
    }

    /** One attempt at one delivery, its answer stored. */
    public void send(Due d) {
        Optional<Endpoint> found = endpoints.find(d.tenant(), d.endpoint());
        if (found.isEmpty()) {
            return; // deleted meanwhile: its deliveries went with it
        }
        Endpoint e = found.get();
        Instant now = clock.instant();
        if (e.status() != Status.ACTIVE) {
            deliveries.attempted(d.id(), WebhookDeliveries.Status.PAUSED, now, null, null, "endpoint disabled", null);
            return;
        }
        List<String> secrets = e.secrets().stream().filter(s -> s.until() == null || s.until().isAfter(now)).map(s -> s.value()).toList();
        Answer a = transport.send(e.url(), new WebhookTransport.Message(d.id(), d.type().wire(), d.occurredAt(), payload(d, e)), secrets, now);
        done(1);
        Instant at = clock.instant();
        endpoints.answered(d.tenant(), e.id(), a.success(), at);
        if (a.success()) {
            deliveries.attempted(d.id(), WebhookDeliveries.Status.DELIVERED, null, a.status(), a.body(), null, at);
            return;
        }
        Duration wait = policy.backoff(d.attempts() + 1, ThreadLocalRandom.current().nextDouble());
        String error = a.error() != null ? a.error() : "answered " + a.status();
        boolean givenUp = policy.givesUp(d.windowStart(), at, wait);
        if (givenUp) {
            deliveries.attempted(d.id(), WebhookDeliveries.Status.FAILED, null, a.status() == 0 ? null : a.status(), a.body(), error, at);
        } else {
            deliveries.attempted(d.id(), WebhookDeliveries.Status.PENDING, at.plus(wait), a.status() == 0 ? null : a.status(), a.body(),
                    error, at);
        }
        Instant failingSince = endpoints.find(d.tenant(), e.id()).map(Endpoint::failingSince).orElse(null);
        // Failing for a whole window, or throughout the window of a delivery just given up: failing since its first
        // attempt (whose answer may take a first backoff's time). Its last attempt comes a backoff before the window's
        // end and may be the endpoint's last for a long time, so waiting for the next failure could wait for ever.
        boolean failedThroughout = givenUp && failingSince != null && !failingSince.isAfter(d.windowStart().plus(policy.first()));
        if (policy.disables(failingSince, at) || failedThroughout) {
            endpoints.update(d.tenant(), e.with(Status.DISABLED, failingSince, at,
                    "every delivery failed since " + failingSince + " (last: " + error + ")", at));
            deliveries.pause(d.tenant(), e.id());
            LOG.warning(() -> "webhook endpoint " + e.id() + " of tenant " + d.tenant() + " disabled: it failed for " + policy.window());
        }
    }

    /** The event's own data, and the member's personal data where the endpoint chose it and the member still has any. */
    private Map<String, Object> payload(Due d, Endpoint e) {
        Map<String, Object> data = new LinkedHashMap<>(d.data());
        if (d.member() != null) {
            data.put("memberId", d.member().value().toString());
        }
        if (e.personalData() && d.type().aboutTheMember() && d.member() != null) {
            members.personalData(d.tenant(), d.member()).ifPresent(p -> data.put("member", p));
        }
        return data;
    }
}
