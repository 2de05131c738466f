package io.facecard.application.payment;

import io.facecard.application.payment.port.Payments;
import io.facecard.application.platform.BackgroundWork;
import io.facecard.domain.payment.PaymentId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows every payment and refund that is not over: queries while buyers pay, reverses what never
 * resolved, sends refunds, and takes over steps whose worker died (a crash). It reads the due list
 * every {@link #TICK_MS} ms; steps run on a few threads, so one slow provider delays only its own
 * payments. Replicas may share the list: a step's claim lets one of them run it.
 */
@ApplicationScoped
public class PaymentWorker extends BackgroundWork {
    @Override
    public String workName() {
        return "payment-steps";
    }

    private static final Logger LOG = Logger.getLogger(PaymentWorker.class.getName());
    static final long TICK_MS = 500;
    static final int THREADS = 4;

    private Payments payments;
    private PaymentSteps steps;
    private Clock clock;

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** For the container's proxy. */
    protected PaymentWorker() {}

    @Inject
    public PaymentWorker(Payments payments, PaymentSteps steps, Clock clock) {
        this.payments = payments;
        this.steps = steps;
        this.clock = clock;
    }

    @Override
    protected int poolThreads() {
        return THREADS;
    }

    @Override
    protected void schedule(ScheduledExecutorService ticker) {
        // A step cut off by a stop is taken over when its lease ends.
        ticker.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            List<Payments.Due> due = payments.due(clock.instant(), 100);
            for (Payments.Due d : due) {
                String key = d.payment() + "/" + d.refundId();
                if (running.add(key)) {
                    pool().submit(() -> run(d, key));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "payment worker: the due list could not be read", e);
        }
    }

    private void run(Payments.Due d, String key) {
        try {
            PaymentId id = new PaymentId(d.payment());
            if (d.refundId() == null) {
                steps.step(d.tenant(), id, null);
            } else {
                steps.refund(d.tenant(), id, d.refundId());
            }
            done(1);
        } catch (RuntimeException e) {
            // Lost a race for the claim, or the database blinked: the item is still due and comes round again.
            LOG.log(Level.FINE, "payment step " + key + " did not run", e);
        } finally {
            running.remove(key);
        }
    }
}
