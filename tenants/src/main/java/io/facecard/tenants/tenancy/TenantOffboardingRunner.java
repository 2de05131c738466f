package io.facecard.tenants.tenancy;

import io.facecard.application.platform.port.CpuPriority;
import io.facecard.domain.tenancy.TenantCommands;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.domain.tenancy.TenantStatus;
import io.facecard.tenants.tenancy.port.TenantDataErasure;
import io.facecard.tenants.tenancy.port.TenantDirectory;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Carries offboardings through, every few seconds on one thread: the tenant's living members are
 * erased a batch at a time (each member in a transaction of its own), then its face partition is
 * detached and dropped, then the tenant is OFFBOARDED. The state lives in the data itself (who is
 * still living, whether the partition is still there), so after a crash the next tick goes on
 * where the last one stopped, on any replica; two replicas at once erase the same members twice,
 * which a member erasure allows.
 */
@ApplicationScoped
public class TenantOffboardingRunner {
    private static final Logger LOG = Logger.getLogger(TenantOffboardingRunner.class.getName());
    private static final int BATCH = 200;

    @Resource
    ManagedThreadFactory threads;
    @Inject
    TenantDirectory directory;
    @Inject
    TenantDataErasure erasure;
    @Inject
    CommandGateway commands;
    @Inject
    Clock clock;
    @Inject
    CpuPriority priority;

    private ScheduledExecutorService ticker;

    public synchronized void start() {
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(threads);
            ticker.execute(priority::lowerCurrentThread); // bulk work: on what the tills leave of the cores
            ticker.scheduleWithFixedDelay(this::tick, 2, 2, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    void tick() {
        for (TenantView leaving : directory.withStatus(TenantStatus.OFFBOARDING)) {
            try {
                finish(leaving.id());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "offboarding of tenant " + leaving.id() + " will be taken up again", e);
            }
        }
    }

    private void finish(TenantId tenant) {
        while (erasure.eraseMembers(tenant, BATCH) > 0) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
        if (!erasure.dropFaceTemplates(tenant)) {
            return; // busy: the next tick tries again
        }
        long erased = erasure.erasedMembers(tenant);
        commands.sendAndWait(new TenantCommands.CompleteOffboarding(tenant, erased, "offboarding", clock.instant()));
        LOG.info("tenant " + tenant + " offboarded: " + erased + " members erased, face partition dropped");
    }
}
