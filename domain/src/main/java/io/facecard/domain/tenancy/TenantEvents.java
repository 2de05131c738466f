package io.facecard.domain.tenancy;

import java.time.Instant;

/** Events of the {@link Tenant} aggregate. They describe the chain, never a person or a secret. */
public final class TenantEvents {
    private TenantEvents() {}

    public record TenantOnboardedEvent(
            TenantId tenantId, String slug, String name, String currency, String timezone, String actor, Instant at) {}

    public record TenantSettingsChangedEvent(
            TenantId tenantId, String name, String currency, String timezone, String actor, Instant at) {}

    public record TenantLimitsSetEvent(TenantId tenantId, TenantLimits limits, String actor, Instant at) {}

    public record TenantSuspendedEvent(TenantId tenantId, String reason, String actor, Instant at) {}

    public record TenantResumedEvent(TenantId tenantId, String actor, Instant at) {}

    public record TenantOffboardingStartedEvent(TenantId tenantId, String reason, String actor, Instant at) {}

    public record TenantOffboardedEvent(TenantId tenantId, long membersErased, String actor, Instant at) {}
}
