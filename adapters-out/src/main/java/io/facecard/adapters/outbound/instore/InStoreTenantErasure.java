package io.facecard.adapters.outbound.instore;

import io.facecard.application.instore.InStoreForgetting;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.TenantErasureHook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Offboarding's step for store analytics: its tables, queued images and remembered passers-by of the tenant. */
@ApplicationScoped
public class InStoreTenantErasure implements TenantErasureHook {
    @Inject
    InStoreForgetting forgetting;

    @Override
    public int order() {
        return TENANT_TABLES;
    }

    @Override
    public Progress eraseSome(TenantId tenant) {
        forgetting.eraseTenant(tenant);
        return Progress.DONE;
    }
}
