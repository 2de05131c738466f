package io.facecard.marketing.delivery;

import io.facecard.application.platform.BackgroundWork;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.ExpiringPoints;
import io.facecard.marketing.port.MarketingTerms;
import io.facecard.marketing.port.MassJobs;
import io.facecard.marketing.port.Notice;
import io.facecard.marketing.port.NoticeTemplates;
import io.facecard.marketing.port.Outbox;
import io.facecard.marketing.port.Recipients;
import io.facecard.marketing.port.Rendered;
import io.facecard.marketing.port.Sender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds. Each message is claimed for a lease (a dispatcher that dies lets it
 * come due again), decided by the channel policy, sent on the member's preferred channel (falling
 * back to the next when one is blocked), and its outcome recorded: SENT, retried with backoff on
 * 5xx and 429 (honouring retry_after), FAILED as a dead letter after {@link #MAX_TRIES}, or
 * BLOCKED with the rule that refused it. WeChat marketing outside the member's window goes by
 * mass send ({@link MassSends}), which a crash never sends twice (its clientmsgid). A crash
 * between the channel's answer and the record sends any other message at most once more:
 * Telegram and WeChat's template and customer-service messages take no idempotency key.
 */
@ApplicationScoped
public class Dispatcher extends BackgroundWork {
    @Override
    public String workName() {
        return "outbox-dispatch";
    }

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    static final int MAX_TRIES = 6;
    /** Telegram's 429, WeChat's 45009 (daily quota) and 45011 (too frequent). */
    static final Set<String> RATE_LIMITS = Set.of("429", "45009", "45011");
    static final int BATCH = 500;
    /** WeChat's 45015: a customer-service message outside the 48 h (or 1 min after a scan) window the member opened. */
    public static final String OUTSIDE_WINDOW = "outside-window-45015";
    static final Duration LEASE = Duration.ofSeconds(30);

    private Outbox outbox;
    private Recipients recipients;
    private Sender sender;
    private Clock clock;
    private MarketingTerms terms;
    private NoticeTemplates templates;
    private ExpiringPoints expiring;
    private MassJobs massJobs;

    private TenantRules rules;
    private PointsExpiryNotices expiryNotices;
    private MassSends mass;

    /** For the container's proxy. */
    protected Dispatcher() {}

    @Inject
    public Dispatcher(Outbox outbox, Recipients recipients, Sender sender, Clock clock, MarketingTerms terms,
            NoticeTemplates templates, ExpiringPoints expiring, MassJobs massJobs) {
        this.outbox = outbox;
        this.recipients = recipients;
        this.sender = sender;
        this.clock = clock;
        this.terms = terms;
        this.templates = templates;
        this.expiring = expiring;
        this.massJobs = massJobs;
    }

    @Override
    protected int poolThreads() {
        return 8;
    }

    @Override
    protected void schedule(ScheduledExecutorService ticker) {
        rules = new TenantRules(terms, templates);
        expiryNotices = new PointsExpiryNotices(expiring, terms, outbox);
        mass = new MassSends(massJobs, sender, clock);
        ticker.scheduleWithFixedDelay(this::tick, 200, 200, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(this::scanExpiring, 1, 10, TimeUnit.SECONDS);
    }

    /**
     * Batches back to back while the outbox is full, then a pause of the tick. A batch costs a few
     * statements whatever its size: one claim, the recipients per tenant in one read, the outcomes in
     * one write; only the channel calls are one per message, on the pool's threads.
     */
    void tick() {
        try {
            List<Outbox.Queued> batch;
            do {
                Instant now = clock.instant();
                batch = outbox.claim(now, BATCH, now.plus(LEASE));
                List<Outbox.Queued> claimed = batch;
                Map<TenantId, Map<MemberId, Recipients.Recipient>>
                        known = new HashMap<>();
                for (Outbox.Queued q : batch) {
                    known.computeIfAbsent(q.notice().tenant(), t -> recipients.of(t, claimed.stream()
                            .filter(x -> x.notice().tenant().equals(t)).map(x -> x.notice().member()).distinct().toList()));
                }
                List<Future<Outbox.Outcome>> running = new ArrayList<>();
                List<Outbox.Queued> inMassJobs = new ArrayList<>();
                for (Outbox.Queued q : batch) {
                    if (q.massJob() != null) {
                        inMassJobs.add(q); // given to a mass send before a crash or a retry: that same send again
                        continue;
                    }
                    Recipients.Recipient r = known.get(q.notice().tenant()).get(q.notice().member());
                    running.add(pool().submit(() -> deliver(q, r)));
                }
                List<Outbox.Outcome> outcomes = new ArrayList<>();
                for (var f : running) {
                    Outbox.Outcome o = f.get();
                    if (o != null) {
                        outcomes.add(o);
                    }
                }
                outcomes.addAll(mass.flush(inMassJobs));
                if (!outcomes.isEmpty()) {
                    outbox.record(outcomes, clock.instant());
                    done(outcomes.size());
                }
            } while (!batch.isEmpty() && !Thread.currentThread().isInterrupted()); // a tenant's share may fill less than a batch
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "dispatcher: a batch did not complete", e);
        }
    }

    void scanExpiring() {
        try {
            int n = expiryNotices.scan(clock.instant());
            if (n > 0) {
                LOG.fine(n + " points-expiring notices queued");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "points-expiring scan did not complete (the next one looks again)", e);
        }
    }

    /**
     * One message: decide, send on the first channel that takes it; the outcome is recorded with its
     * batch. Null when the message was given to the batch's mass sends.
     */
    Outbox.Outcome deliver(Outbox.Queued q, Recipients.Recipient r) {
        Notice n = q.notice();
        Instant now = clock.instant();
        try {
            if (r == null) {
                return new Outbox.Outcome(q.id(), "BLOCKED", null, ChannelPolicy.NO_CHANNEL, null);
            }
            Decision d = rules.policy(n.tenant()).decide(n.kind(), r, now);
            switch (d.verdict()) {
                case REFUSE -> {
                    return new Outbox.Outcome(q.id(), "BLOCKED", null, d.rule(), null);
                }
                case WAIT -> {
                    return new Outbox.Outcome(q.id(), "QUEUED", null, d.rule(), d.notBefore());
                }
                default -> { }
            }
            for (Recipients.Recipient.Bound b : ChannelPolicy.order(r, n)) {
                boolean marketing = n.kind() == Notice.Kind.MARKETING;
                if (marketing && "WECHAT".equals(b.channel()) && !ChannelPolicy.wechatWindowOpen(b.lastInbound(), now)) {
                    return mass.offer(q, r, b.address());
                }
                Rendered m = NoticeTexts.render(n.type(), b.channel(), n.fields(), r.locale(), rules.template(n.tenant(), n.type(), b.channel()),
                        marketing);
                Sender.Result s = sender.send(n.tenant(), b.channel(), b.address(), m, marketing);
                switch (s.outcome()) {
                    case SENT -> {
                        return new Outbox.Outcome(q.id(), "SENT", b.channel(), null, null);
                    }
                    case BLOCKED -> recipients.blocked(n.tenant(), n.member(), b.channel()); // and on to the next channel
                    case REFUSED -> {
                        if (marketing && "45015".equals(s.code())) {
                            // The window closed after all (or its few messages are spent): a mass send, or blocked by the channel's rule.
                            return mass.offer(q, r, b.address());
                        }
                        return new Outbox.Outcome(q.id(), "FAILED", b.channel(), s.code(), null);
                    }
                    case RETRY -> {
                        return again(q, s, clock.instant());
                    }
                }
            }
            return new Outbox.Outcome(q.id(), "BLOCKED", null, ChannelPolicy.NO_CHANNEL, null);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "message " + q.id() + " will be tried again", e);
            return retryOrGiveUp(q, clock.instant(), backoff(q.attempts()), "error");
        }
    }

    /** The channel said try again: after its rate limit's wait however often (never a dead letter), else with backoff. */
    static Outbox.Outcome again(Outbox.Queued q, Sender.Result s, Instant now) {
        if (RATE_LIMITS.contains(s.code())) {
            return new Outbox.Outcome(q.id(), "QUEUED", null, s.code(), now.plusSeconds(Math.max(1, s.retryAfterSeconds())));
        }
        return retryOrGiveUp(q, now, Math.max(s.retryAfterSeconds(), backoff(q.attempts())), s.code());
    }

    static Outbox.Outcome retryOrGiveUp(Outbox.Queued q, Instant now, long seconds, String reason) {
        if (q.attempts() + 1 >= MAX_TRIES) {
            return new Outbox.Outcome(q.id(), "FAILED", null, "dead-letter: " + reason, null);
        }
        return new Outbox.Outcome(q.id(), "QUEUED", null, reason, now.plusSeconds(seconds));
    }

    /** 1, 2, 4, 8, 16 s. */
    static long backoff(int attempts) {
        return 1L << Math.min(attempts, 10);
    }
}
