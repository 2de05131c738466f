package io.facecard.adapters.outbound.tenancy;

import io.facecard.domain.tenancy.TenantId;
import io.facecard.domain.tenancy.TenantSlug;
import io.facecard.tenants.tenancy.port.TenantSlugs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

@ApplicationScoped
public class JpaTenantSlugs implements TenantSlugs {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    /** ON CONFLICT keeps the transaction usable: a duplicate is an answer, not an error. */
    @Override
    public boolean claim(TenantSlug slug, TenantId tenant) {
        int inserted = em.createNativeQuery(
                        "insert into tenant_slug (slug, tenant_id) values (?1, ?2) on conflict (slug) do nothing")
                .setParameter(1, slug.value()).setParameter(2, tenant.value())
                .executeUpdate();
        return inserted == 1;
    }
}
