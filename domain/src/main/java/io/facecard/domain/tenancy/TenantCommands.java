package io.facecard.domain.tenancy;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the {@link Tenant} aggregate; time comes in with each command. */
public final class TenantCommands {
    private TenantCommands() {}

    public record OnboardTenant(
            @TargetAggregateIdentifier TenantId tenantId, TenantSlug slug, TenantSettings settings, String actor, Instant at) {}

    public record ChangeTenantSettings(
            @TargetAggregateIdentifier TenantId tenantId, String name, String currency, String timezone, String actor, Instant at) {}

    public record SetTenantLimits(@TargetAggregateIdentifier TenantId tenantId, TenantLimits limits, String actor, Instant at) {}

    public record SuspendTenant(@TargetAggregateIdentifier TenantId tenantId, String reason, String actor, Instant at) {}

    public record ResumeTenant(@TargetAggregateIdentifier TenantId tenantId, String actor, Instant at) {}

    /** The operator's decision: the tenant leaves, its members' data is erased. */
    public record StartOffboarding(@TargetAggregateIdentifier TenantId tenantId, String reason, String actor, Instant at) {}

    /** The erasure is over: every member erased and the face partition dropped. */
    public record CompleteOffboarding(@TargetAggregateIdentifier TenantId tenantId, long membersErased, String actor, Instant at) {}
}
