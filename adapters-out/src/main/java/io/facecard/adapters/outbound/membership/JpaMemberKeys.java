package io.facecard.adapters.outbound.membership;

import io.facecard.adapters.outbound.persistence.TenantBinding;
import io.facecard.application.membership.Sealing;
import io.facecard.application.membership.port.MemberKeys;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaMemberKeys implements MemberKeys {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    TenantBinding binding;

    @Override
    public byte[] create(TenantId tenant, MemberId member) {
        binding.bind(em, tenant);
        byte[] key = Sealing.newKey();
        em.persist(new MemberKeyRow(member.value(), tenant.value(), key));
        return key;
    }

    @Override
    public Optional<byte[]> find(TenantId tenant, MemberId member) {
        binding.bind(em, tenant);
        MemberKeyRow row = em.find(MemberKeyRow.class, member.value());
        return row == null || !row.tenantId.equals(tenant.value()) ? Optional.empty() : Optional.of(row.key);
    }

    @Override
    public void destroy(TenantId tenant, MemberId member) {
        binding.bind(em, tenant);
        em.createQuery("delete from MemberKeyRow k where k.memberId = :m and k.tenantId = :t")
                .setParameter("m", member.value()).setParameter("t", tenant.value()).executeUpdate();
    }
}
