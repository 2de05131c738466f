package io.facecard.domain.tenancy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantCommands.ChangeTenantSettings;
import io.facecard.domain.tenancy.TenantCommands.CompleteOffboarding;
import io.facecard.domain.tenancy.TenantCommands.OnboardTenant;
import io.facecard.domain.tenancy.TenantCommands.ResumeTenant;
import io.facecard.domain.tenancy.TenantCommands.SetTenantLimits;
import io.facecard.domain.tenancy.TenantCommands.StartOffboarding;
import io.facecard.domain.tenancy.TenantCommands.SuspendTenant;
import io.facecard.domain.tenancy.TenantEvents.TenantLimitsSetEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantOffboardedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantOffboardingStartedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantOnboardedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantResumedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantSettingsChangedEvent;
import io.facecard.domain.tenancy.TenantEvents.TenantSuspendedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A retail chain on the platform. Suspension keeps everything; it only closes the door.
 * Offboarding follows a suspension and is for good: the members' data is erased, and the tenant
 * stays only as a record of who it was and when it left.
 */
public class Tenant {
    @AggregateIdentifier
    private TenantId id;
    private TenantSettings settings;
    private TenantStatus status;
    private TenantLimits limits;

    protected Tenant() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Tenant(OnboardTenant cmd) {
        TenantSettings s = cmd.settings();
        apply(new TenantOnboardedEvent(
                cmd.tenantId(), cmd.slug().value(), s.name(), s.currency(), s.timezone(), cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(ChangeTenantSettings cmd) {
        stillHere();
        TenantSettings next = settings.with(cmd.name(), cmd.currency(), cmd.timezone());
        if (next.equals(settings)) {
            return; // nothing changes, so nothing happened
        }
        apply(new TenantSettingsChangedEvent(id, next.name(), next.currency(), next.timezone(), cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(SetTenantLimits cmd) {
        stillHere();
        if (cmd.limits().equals(limits())) {
            return;
        }
        apply(new TenantLimitsSetEvent(id, cmd.limits(), cmd.actor(), cmd.at()));
    }

    /** Tenants onboarded before limits existed have the defaults. */
    private TenantLimits limits() {
        return limits == null ? TenantLimits.DEFAULT : limits;
    }

    @CommandHandler
    public void handle(SuspendTenant cmd) {
        stillHere();
        if (status == TenantStatus.SUSPENDED) {
            return; // a repeated suspension is a retry, not a new fact
        }
        apply(new TenantSuspendedEvent(id, cmd.reason(), cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(ResumeTenant cmd) {
        stillHere();
        if (status == TenantStatus.ACTIVE) {
            return;
        }
        apply(new TenantResumedEvent(id, cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(StartOffboarding cmd) {
        if (status.leaving()) {
            return; // a retry of the same decision
        }
        if (status != TenantStatus.SUSPENDED) {
            throw new Refusal(TenancyRule.NOT_SUSPENDED, "suspend the tenant first: offboarding erases its members and cannot be undone");
        }
        apply(new TenantOffboardingStartedEvent(id, cmd.reason(), cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(CompleteOffboarding cmd) {
        if (status == TenantStatus.OFFBOARDED) {
            return;
        }
        if (status != TenantStatus.OFFBOARDING) {
            throw new Refusal(TenancyRule.NOT_SUSPENDED, "the tenant is not being offboarded");
        }
        apply(new TenantOffboardedEvent(id, cmd.membersErased(), cmd.actor(), cmd.at()));
    }

    private void stillHere() {
        if (status.leaving()) {
            throw new Refusal(TenancyRule.OFFBOARDED, "the tenant has been offboarded (" + status + "): it cannot change any more");
        }
    }

    @EventSourcingHandler
    void on(TenantOnboardedEvent e) {
        id = e.tenantId();
        settings = new TenantSettings(e.name(), e.currency(), e.timezone());
        status = TenantStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(TenantSettingsChangedEvent e) {
        settings = new TenantSettings(e.name(), e.currency(), e.timezone());
    }

    @EventSourcingHandler
    void on(TenantLimitsSetEvent e) {
        limits = e.limits();
    }

    @EventSourcingHandler
    void on(TenantSuspendedEvent e) {
        status = TenantStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(TenantResumedEvent e) {
        status = TenantStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(TenantOffboardingStartedEvent e) {
        status = TenantStatus.OFFBOARDING;
    }

    @EventSourcingHandler
    void on(TenantOffboardedEvent e) {
        status = TenantStatus.OFFBOARDED;
    }
}
