package io.facecard.adapters.outbound.tenancy;

import io.facecard.domain.tenancy.TenantId;
import io.facecard.domain.tenancy.TenantStatus;
import io.facecard.tenants.tenancy.port.TenantDirectory;
import io.facecard.tenants.tenancy.port.TenantView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaTenantDirectory implements TenantDirectory {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public Optional<TenantView> find(TenantId id) {
        return Optional.ofNullable(em.find(TenantViewRow.class, id.value())).map(TenantViewRow::toView);
    }

    @Override
    public Optional<TenantView> findBySlug(String slug) {
        return em.createQuery("from TenantViewRow t where t.slug = :s", TenantViewRow.class)
                .setParameter("s", slug).getResultStream().findFirst().map(TenantViewRow::toView);
    }

    @Override
    public List<TenantView> list(int offset, int limit) {
        return em.createQuery("from TenantViewRow t order by t.createdAt, t.id", TenantViewRow.class)
                .setFirstResult(offset).setMaxResults(limit)
                .getResultStream().map(TenantViewRow::toView).toList();
    }

    @Override
    public List<TenantView> withStatus(TenantStatus status) {
        return em.createQuery("from TenantViewRow t where t.status = :s order by t.updatedAt, t.id", TenantViewRow.class)
                .setParameter("s", status).setMaxResults(100)
                .getResultStream().map(TenantViewRow::toView).toList();
    }

    @Override
    public List<TenantHistoryEntry> history(TenantId id) {
        return em.createQuery("from TenantHistoryRow h where h.tenantId = :t order by h.sequence", TenantHistoryRow.class)
                .setParameter("t", id.value())
                .getResultStream()
                .map(h -> new TenantHistoryEntry(h.sequence, h.event, h.actor, h.at))
                .toList();
    }
}
