package io.facecard.adapters.outbound.tenancy;

import io.facecard.application.platform.port.Shares;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.domain.tenancy.TenantLimits;
import io.facecard.tenants.tenancy.TenantShares;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tenants' limits from the tenancy context's cache; the replica-wide import setting from the configuration. */
@ApplicationScoped
public class ConfiguredShares implements Shares {
    @Inject
    TenantShares shares;
    @Inject
    @ConfigProperty(name = "facecard.import.jobs", defaultValue = "1")
    int importJobs;
    @Inject
    @ConfigProperty(name = "facecard.import.busy-share", defaultValue = "0.25")
    double importBusyShare;

    @Override
    public TenantLimits of(TenantId tenant) {
        return shares.of(tenant);
    }

    @Override
    public int importJobs() {
        return importJobs;
    }

    @Override
    public double importBusyShare() {
        return Math.min(1, Math.max(0.01, importBusyShare));
    }
}
