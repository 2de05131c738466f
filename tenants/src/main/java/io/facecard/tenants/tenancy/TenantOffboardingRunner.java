package io.facecard.tenants.tenancy;

import io.facecard.application.platform.BackgroundWork;
import io.facecard.application.platform.port.CpuPriority;
import io.facecard.domain.tenancy.TenantCommands;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.domain.tenancy.TenantStatus;
import io.facecard.tenants.tenancy.port.ErasedMembers;
import io.facecard.tenants.tenancy.port.TenantDirectory;
import io.facecard.tenants.tenancy.port.TenantErasureHook.Progress;
import io.facecard.tenants.tenancy.port.TenantErasureHook;
import io.facecard.tenants.tenancy.port.TenantView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Carries offboardings through, every few seconds on one thread: every context's {@link TenantErasureHook}
 * in its order (the living members a batch at a time, each in a transaction of its own; then the face
 * partition detached and dropped), then the tenant is OFFBOARDED. The state lives in the data itself (who is
 * still living, whether the partition is still there), so after a crash the next tick goes on
 * where the last one stopped, on any replica; two replicas at once erase the same members twice,
 * which a member erasure allows.
 */
@ApplicationScoped
public class TenantOffboardingRunner extends BackgroundWork {
    @Override
    public String workName() {
        return "tenant-offboarding";
    }

    private static final Logger LOG = Logger.getLogger(TenantOffboardingRunner.class.getName());

    private TenantDirectory directory;
    private Instance<TenantErasureHook> hooks;
    private ErasedMembers erased;
    private CommandGateway commands;
    private Clock clock;
    private CpuPriority priority;

    /** For the container's proxy. */
    protected TenantOffboardingRunner() {}

    @Inject
    public TenantOffboardingRunner(TenantDirectory directory, @Any Instance<TenantErasureHook> hooks, ErasedMembers erased,
            CommandGateway commands, Clock clock, CpuPriority priority) {
        this.directory = directory;
        this.hooks = hooks;
        this.erased = erased;
        this.commands = commands;
        this.clock = clock;
        this.priority = priority;
    }

    @Override
    protected void schedule(ScheduledExecutorService ticker) {
        ticker.execute(priority::lowerCurrentThread); // bulk work: on what the tills leave of the cores
        ticker.scheduleWithFixedDelay(this::tick, 2, 2, TimeUnit.SECONDS);
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
        List<TenantErasureHook> ordered = hooks.stream().sorted(Comparator.comparingInt(TenantErasureHook::order)
                .thenComparing(h -> h.getClass().getName())).toList();
        for (TenantErasureHook hook : ordered) {
            Progress progress;
            while ((progress = hook.eraseSome(tenant)) == Progress.MORE) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            if (progress == Progress.BUSY) {
                return; // the next tick tries again
            }
        }
        long count = erased.count(tenant);
        commands.sendAndWait(new TenantCommands.CompleteOffboarding(tenant, count, "offboarding", clock.instant()));
        done(1);
        LOG.info("tenant " + tenant + " offboarded: " + count + " members erased, every context's data erased");
    }
}
