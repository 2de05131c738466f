package io.facecard.adapters.outbound.membership;

import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.membership.Sealing;
import io.facecard.application.membership.port.MemberKeys;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
@TenantBound
public class JpaMemberKeys implements MemberKeys {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public byte[] create(TenantId tenant, MemberId member) {
        byte[] key = Sealing.newKey();
        em.persist(new MemberKeyRow(member.value(), tenant.value(), key));
        return key;
    }

    @Override
    public Optional<byte[]> find(TenantId tenant, MemberId member) {
        MemberKeyRow row = em.find(MemberKeyRow.class, member.value());
        return row == null || !row.tenantId.equals(tenant.value()) ? Optional.empty() : Optional.of(row.key);
    }

    @Override
    public void destroy(TenantId tenant, MemberId member) {
        em.createQuery("delete from MemberKeyRow k where k.memberId = :m and k.tenantId = :t")
                .setParameter("m", member.value()).setParameter("t", tenant.value()).executeUpdate();
    }
}
