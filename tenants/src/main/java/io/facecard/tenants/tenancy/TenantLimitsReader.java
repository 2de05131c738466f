package io.facecard.tenants.tenancy;

import io.facecard.domain.tenancy.TenantId;
import io.facecard.domain.tenancy.TenantLimits;
import io.facecard.tenants.tenancy.port.TenantDirectory;
import io.facecard.tenants.tenancy.port.TenantView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Reads a tenant's limits in a transaction of its own. Called outside one (the rate check runs in
 * the authentication filter), a read would keep its pooled connection for the rest of the request,
 * and requests that then open their own transaction would hold two: a burst of them emptied the
 * pool of 10 and waited on each other for the pool's 10 s timeout (seen in FairShareIT).
 */
@ApplicationScoped
public class TenantLimitsReader {
    private TenantDirectory directory;

    /** For the container's proxy. */
    protected TenantLimitsReader() {}

    @Inject
    public TenantLimitsReader(TenantDirectory directory) {
        this.directory = directory;
    }

    @Transactional
    public TenantLimits read(TenantId tenant) {
        return directory.find(tenant).map(TenantView::limits).orElse(TenantLimits.DEFAULT);
    }
}
