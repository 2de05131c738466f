package io.facecard.adapters.outbound.membership;

import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.membership.port.MemberDirectory;
import io.facecard.application.membership.port.MemberView;
import io.facecard.domain.membership.ConsentPurpose;
import io.facecard.domain.membership.ConsentSource;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@TenantBound
public class JpaMemberDirectory implements MemberDirectory {
    private static final Map<String, String> FIELDS = Map.of("phone", "phone", "email", "email", "cardNumber", "cardNumber");

    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public Optional<MemberView> find(TenantId tenant, MemberId id) {
        return em.createQuery("from MemberViewRow m where m.tenantId = :t and m.id = :id", MemberViewRow.class)
                .setParameter("t", tenant.value()).setParameter("id", id.value())
                .getResultStream().findFirst().map(MemberViewRow::toView);
    }

    @Override
    public boolean hasStore(TenantId tenant, UUID store) {
        return !em.createNativeQuery("select 1 from store where tenant_id = ?1 and id = ?2").setParameter(1, tenant.value())
                .setParameter(2, store).getResultList().isEmpty();
    }

    @Override
    public Optional<MemberView> findBy(TenantId tenant, String field, String value) {
        String column = FIELDS.get(field);
        if (column == null) {
            throw new IllegalArgumentException("not an identifier: " + field);
        }
        return em.createQuery("from MemberViewRow m where m.tenantId = :t and m." + column + " = :v", MemberViewRow.class)
                .setParameter("t", tenant.value()).setParameter("v", value)
                .getResultStream().findFirst().map(MemberViewRow::toView);
    }

    @Override
    public List<MemberView> search(TenantId tenant, String text, int offset, int limit) {
        String where = text == null ? "" : " and (lower(m.name) like :q or m.phone like :q or m.email like :q or m.cardNumber like :q)";
        var query = em.createQuery("from MemberViewRow m where m.tenantId = :t and m.erased = false" + where
                        + " order by m.createdAt, m.id", MemberViewRow.class)
                .setParameter("t", tenant.value());
        if (text != null) {
            query.setParameter("q", "%" + text.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultStream().map(MemberViewRow::toView).toList();
    }

    @Override
    public List<ConsentEntry> consents(TenantId tenant, MemberId id) {
        return em.createQuery("from ConsentRow c where c.tenantId = :t and c.memberId = :m order by c.sequence", ConsentRow.class)
                .setParameter("t", tenant.value()).setParameter("m", id.value())
                .getResultStream()
                .map(c -> new ConsentEntry(ConsentPurpose.valueOf(c.purpose), c.granted, c.policyVersion,
                        ConsentSource.valueOf(c.source), c.actor, c.at))
                .toList();
    }
}
