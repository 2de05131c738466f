package io.facecard.adapters.outbound.tenancy;

import io.facecard.adapters.outbound.persistence.Constraints;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.domain.tenancy.TenancyRule;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.Store;
import io.facecard.tenants.tenancy.port.Stores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@TenantBound
public class JpaStores implements Stores {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public void add(Store store) {
        em.persist(new StoreRow(store));
        Constraints.flushUnique(em, TenancyRule.DUPLICATE_STORE_CODE, "a store with code '" + store.code() + "' exists already");
    }

    @Override
    public void update(Store store) {
        StoreRow row = em.find(StoreRow.class, store.id());
        row.copy(store);
        Constraints.flushUnique(em, TenancyRule.DUPLICATE_STORE_CODE, "a store with code '" + store.code() + "' exists already");
    }

    @Override
    public Optional<Store> find(TenantId tenant, UUID id) {
        return em.createQuery("from StoreRow s where s.id = :id and s.tenantId = :t", StoreRow.class)
                .setParameter("id", id).setParameter("t", tenant.value())
                .getResultStream().findFirst().map(StoreRow::toStore);
    }

    @Override
    public List<Store> list(TenantId tenant, int offset, int limit) {
        return em.createQuery("from StoreRow s where s.tenantId = :t order by s.createdAt, s.id", StoreRow.class)
                .setParameter("t", tenant.value())
                .setFirstResult(offset).setMaxResults(limit)
                .getResultStream().map(StoreRow::toStore).toList();
    }
}
