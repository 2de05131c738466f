package io.facecard.tenants.tenancy;

import static io.facecard.application.problem.Validation.valid;

import io.facecard.application.security.Caller;
import io.facecard.application.security.Role;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenancyRule;
import io.facecard.domain.tenancy.TenantCommands;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.domain.tenancy.TenantLimits;
import io.facecard.domain.tenancy.TenantSettings;
import io.facecard.domain.tenancy.TenantSlug;
import io.facecard.tenants.tenancy.port.StaffAccount;
import io.facecard.tenants.tenancy.port.StaffAccounts;
import io.facecard.tenants.tenancy.port.TenantDirectory;
import io.facecard.tenants.tenancy.port.TenantSlugs;
import io.facecard.tenants.tenancy.port.TenantView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** The platform operator's use cases: onboard a chain, change its settings, suspend and resume it, offboard it. */
@ApplicationScoped
@Transactional
public class TenantOnboarding {
    public record Onboarding(String name, String slug, String currency, String timezone, String adminUsername, String adminPassword) {}

    /** Null fields keep their values; {@code limits} null keeps all limits. */
    public record SettingsChange(String name, String currency, String timezone, LimitsChange limits) {}

    public record LimitsChange(Integer requestsPerSecond, Integer burst, Integer faceConcurrency, Integer importWorkers) {}

    private CommandGateway commands;
    private TenantSlugs slugs;
    private TenantDirectory directory;
    private StaffAccounts staff;
    private PasswordHashing passwords;
    private Clock clock;
    private RecentTerminals recent;
    private TenantShares shares;

    /** For the CDI client proxy only. */
    protected TenantOnboarding() {}

    @Inject
    public TenantOnboarding(CommandGateway commands, TenantSlugs slugs, TenantDirectory directory,
            StaffAccounts staff, PasswordHashing passwords, Clock clock, RecentTerminals recent, TenantShares shares) {
        this.commands = commands;
        this.slugs = slugs;
        this.directory = directory;
        this.staff = staff;
        this.passwords = passwords;
        this.clock = clock;
        this.recent = recent;
        this.shares = shares;
    }

    public TenantView onboard(Caller caller, Onboarding request) {
        Access.operator(caller);
        TenantSlug slug = valid(() -> new TenantSlug(request.slug()));
        TenantSettings settings = valid(() -> new TenantSettings(request.name(), request.currency(), request.timezone()));
        String adminName = StaffRules.username(request.adminUsername());
        String adminHash = passwords.hash(StaffRules.password(request.adminPassword(), "admin.password"));
        TenantId id = new TenantId(UUID.randomUUID());
        if (!slugs.claim(slug, id)) {
            throw new Refusal(TenancyRule.DUPLICATE_SLUG, "a tenant with slug '" + slug + "' exists already");
        }
        Instant now = clock.instant();
        commands.sendAndWait(new TenantCommands.OnboardTenant(id, slug, settings, caller.actor(), now));
        staff.add(new StaffAccount(UUID.randomUUID(), id, adminName, "Administrator", adminHash,
                Set.of(Role.TENANT_ADMIN), Set.of(), true, now, now));
        return get(caller, id);
    }

    public TenantView changeSettings(Caller caller, TenantId id, SettingsChange change) {
        TenantView current = get(caller, id);
        valid(() -> new TenantSettings(current.name(), current.currency(), current.timezone())
                .with(change.name(), change.currency(), change.timezone()));
        LimitsChange l = change.limits();
        TenantLimits limits = l == null ? null : valid(() -> current.limits()
                .with(l.requestsPerSecond(), l.burst(), l.faceConcurrency(), l.importWorkers()));
        Instant now = clock.instant();
        commands.sendAndWait(new TenantCommands.ChangeTenantSettings(
                id, change.name(), change.currency(), change.timezone(), caller.actor(), now));
        if (limits != null) {
            commands.sendAndWait(new TenantCommands.SetTenantLimits(id, limits, caller.actor(), now));
            shares.forget(id);
        }
        return get(caller, id);
    }

    public TenantView suspend(Caller caller, TenantId id, String reason) {
        get(caller, id);
        commands.sendAndWait(new TenantCommands.SuspendTenant(id, reason, caller.actor(), clock.instant()));
        recent.forgetAll();
        return get(caller, id);
    }

    public TenantView resume(Caller caller, TenantId id) {
        get(caller, id);
        commands.sendAndWait(new TenantCommands.ResumeTenant(id, caller.actor(), clock.instant()));
        return get(caller, id);
    }

    /**
     * Starts the offboarding of a suspended tenant (the runner then erases its members and drops its
     * face partition). {@code confirmSlug} must repeat the tenant's slug: the step cannot be undone.
     */
    public TenantView offboard(Caller caller, TenantId id, String confirmSlug, String reason) {
        TenantView current = get(caller, id);
        if (!current.slug().equals(confirmSlug)) {
            throw Refusal.invalid("'confirmSlug' must repeat the slug of the tenant to offboard");
        }
        commands.sendAndWait(new TenantCommands.StartOffboarding(id, reason, caller.actor(), clock.instant()));
        recent.forgetAll();
        return get(caller, id);
    }

    /** The operator's read, and the check of every operator action on a tenant. */
    public TenantView get(Caller caller, TenantId id) {
        Access.operator(caller);
        return directory.find(id).orElseThrow(() -> Refusal.notFound("tenant " + id));
    }

    /** The operator reads any tenant; staff read their own (its zone and currency, for the console's dates and money). */
    public TenantView read(Caller caller, TenantId id) {
        if (caller instanceof Caller.Staff s && s.tenantId().equals(id)) {
            return directory.find(id).orElseThrow(() -> Refusal.notFound("tenant " + id));
        }
        return get(caller, id);
    }

    public List<TenantView> list(Caller caller, Paging paging) {
        Access.operator(caller);
        return directory.list(paging.offset(), paging.limit());
    }

    public List<TenantDirectory.TenantHistoryEntry> history(Caller caller, TenantId id) {
        get(caller, id);
        return directory.history(id);
    }
}
