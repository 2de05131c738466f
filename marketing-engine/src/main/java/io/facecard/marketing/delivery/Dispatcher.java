package io.facecard.marketing.delivery;

import io.facecard.marketing.campaigns.DeliveryWindow;
import io.facecard.marketing.port.Outbox;
import io.facecard.marketing.port.Recipients;
import io.facecard.marketing.port.Sender;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds. Each message is claimed for a lease (a dispatcher that dies lets it
 * come due again), decided by the channel policy, sent on the member's preferred channel (falling
 * back to the next when one is blocked), and its outcome recorded: SENT, retried with backoff on
 * 5xx and 429 (honouring retry_after), FAILED as a dead letter after {@link #MAX_TRIES}, or
 * BLOCKED with the rule that refused it. A crash between the channel's answer and the record
 * sends that message at most once more: Telegram and WeChat's template and customer-service
 * messages take no idempotency key.
 */
@ApplicationScoped
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    static final int MAX_TRIES = 6;
    static final int BATCH = 100;
    static final Duration LEASE = Duration.ofSeconds(30);
    /** Marketing: quiet 22:00-08:00 in the member's zone, at most 3 per 7 days across campaigns. */
    static final DeliveryWindow MARKETING = new DeliveryWindow(LocalTime.of(22, 0), LocalTime.of(8, 0), 3, Duration.ofDays(7));

    @Resource
    ManagedThreadFactory threads;
    @Inject
    Outbox outbox;
    @Inject
    Recipients recipients;
    @Inject
    Sender sender;
    @Inject
    Clock clock;

    private final ChannelPolicy policy = new ChannelPolicy(MARKETING);
    private ScheduledExecutorService ticker;
    private ExecutorService pool;

    public synchronized void start() {
        if (ticker == null) {
            pool = Executors.newFixedThreadPool(4, threads);
            ticker = Executors.newSingleThreadScheduledExecutor(threads);
            ticker.scheduleWithFixedDelay(this::tick, 200, 200, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            pool.shutdownNow();
        }
    }

    /** Batches back to back while the outbox is full, then a pause of the tick. */
    void tick() {
        try {
            List<Outbox.Queued> batch;
            do {
                Instant now = clock.instant();
                batch = outbox.claim(now, BATCH, now.plus(LEASE));
                List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
                for (Outbox.Queued q : batch) {
                    running.add(pool.submit(() -> deliver(q)));
                }
                for (var f : running) {
                    f.get();
                }
            } while (batch.size() == BATCH && !Thread.currentThread().isInterrupted());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "dispatcher: a batch did not complete", e);
        }
    }

    /** One message: decide, send on the first channel that takes it, record. */
    void deliver(Outbox.Queued q) {
        Notice n = q.notice();
        Instant now = clock.instant();
        try {
            Recipients.Recipient r = recipients.of(n.tenant(), n.member());
            Decision d = policy.decide(n.kind(), r, now);
            switch (d.verdict()) {
                case REFUSE -> {
                    outbox.ended(q.id(), "BLOCKED", null, d.rule(), now);
                    return;
                }
                case WAIT -> {
                    outbox.retry(q.id(), d.notBefore(), d.rule());
                    return;
                }
                default -> { }
            }
            for (Recipients.Recipient.Bound b : ChannelPolicy.order(r)) {
                Sender.Result s = sender.send(n.tenant(), b.channel(), b.address(), n.type(), n.fields(), n.kind() == Notice.Kind.MARKETING,
                        r.locale());
                switch (s.outcome()) {
                    case SENT -> {
                        outbox.sent(q.id(), b.channel(), clock.instant());
                        return;
                    }
                    case BLOCKED -> recipients.blocked(n.tenant(), n.member(), b.channel()); // and on to the next channel
                    case REFUSED -> {
                        outbox.ended(q.id(), "FAILED", b.channel(), s.code(), clock.instant());
                        return;
                    }
                    case RETRY -> {
                        retryOrGiveUp(q, Math.max(s.retryAfterSeconds(), backoff(q.attempts())), s.code());
                        return;
                    }
                }
            }
            outbox.ended(q.id(), "BLOCKED", null, ChannelPolicy.NO_CHANNEL, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "message " + q.id() + " will be tried again", e);
            retryOrGiveUp(q, backoff(q.attempts()), "error");
        }
    }

    private void retryOrGiveUp(Outbox.Queued q, long seconds, String reason) {
        if (q.attempts() + 1 >= MAX_TRIES) {
            outbox.ended(q.id(), "FAILED", null, "dead-letter: " + reason, clock.instant());
        } else {
            outbox.retry(q.id(), clock.instant().plusSeconds(seconds), reason);
        }
    }

    /** 1, 2, 4, 8, 16 s. */
    static long backoff(int attempts) {
        return 1L << Math.min(attempts, 10);
    }
}
