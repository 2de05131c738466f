package io.facecard.marketing.segments;

import io.facecard.application.platform.BackgroundWork;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.MemberSpend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the 12-month spend behind tier segments rolling: each hour, a tenant's day that has left
 * the window since the last pass is taken out (its members recounted exactly, so a pass run twice,
 * or on two replicas, gives the same result). Receipts add to it as they come.
 */
@ApplicationScoped
public class SpendWindow extends BackgroundWork {
    @Override
    public String workName() {
        return "spend-window";
    }

    private static final Logger LOG = Logger.getLogger(SpendWindow.class.getName());

    private MemberSpend spend;
    private Clock clock;

    private final Map<TenantId, LocalDate> done = new ConcurrentHashMap<>();

    /** For the container's proxy. */
    protected SpendWindow() {}

    @Inject
    public SpendWindow(MemberSpend spend, Clock clock) {
        this.spend = spend;
        this.clock = clock;
    }

    @Override
    protected void schedule(ScheduledExecutorService ticker) {
        ticker.scheduleWithFixedDelay(this::pass, 30, 3600, TimeUnit.SECONDS);
    }

    void pass() {
        try {
            for (MemberSpend.Tenant t : spend.tenants()) {
                LocalDate leaving = LocalDate.now(clock.withZone(t.zone())).minusDays(365);
                // After a restart the last two days are recounted (exact, so harmless); then one day a day.
                for (LocalDate d = done.getOrDefault(t.id(), leaving.minusDays(2)).plusDays(1); !d.isAfter(leaving); d = d.plusDays(1)) {
                    spend.recount(t.id(), d);
                    done.put(t.id(), d);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the 12-month spend pass did not complete (the next one goes on)", e);
        }
    }
}
