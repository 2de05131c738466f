package io.facecard.adapters.outbound.crm;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBinding;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.TenantErasureHook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Offboarding's step for CRM sync: the tenant's endpoints (their deliveries go with them) and open offers. */
@ApplicationScoped
public class CrmTenantErasure implements TenantErasureHook {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    TenantBinding binding;

    @Override
    public int order() {
        return TENANT_TABLES;
    }

    @Override
    @Transactional
    public Progress eraseSome(TenantId tenant) {
        binding.bind(em, tenant);
        Jdbc.update(em, "delete from crm_delivery where tenant_id = ?", tenant.value());
        Jdbc.update(em, "delete from crm_endpoint where tenant_id = ?", tenant.value());
        Jdbc.update(em, "delete from crm_open_offer where tenant_id = ?", tenant.value());
        return Progress.DONE;
    }
}
