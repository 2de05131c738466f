package io.facecard.tenants.tenancy;

import io.facecard.application.support.RecentValues;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.domain.tenancy.TenantLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Each tenant's limits, as this replica last read them: every call checks them, so they are read
 * at most every {@link #TTL} per tenant. A change made here applies at once; one made through
 * another replica within {@link #TTL}.
 */
@ApplicationScoped
public class TenantShares extends RecentValues<TenantId, TenantLimits> {
    static final Duration TTL = Duration.ofSeconds(5);

    private TenantLimitsReader reader;

    /** For the container's proxy. */
    protected TenantShares() {
        super(TTL, System::nanoTime);
    }

    @Inject
    public TenantShares(TenantLimitsReader reader) {
        super(TTL, System::nanoTime);
        this.reader = reader;
    }

    public TenantLimits of(TenantId tenant) {
        return get(tenant, () -> reader.read(tenant));
    }

    public void forget(TenantId tenant) {
        forgetAll();
    }
}
