package io.facecard.adapters.outbound.tenancy;

import io.facecard.adapters.outbound.persistence.Constraints;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.domain.tenancy.TenancyRule;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.StaffAccount;
import io.facecard.tenants.tenancy.port.StaffAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@TenantBound
public class JpaStaffAccounts implements StaffAccounts {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public void add(StaffAccount account) {
        em.persist(new StaffRow(account));
        Constraints.flushUnique(em, TenancyRule.DUPLICATE_USERNAME, "the username '" + account.username() + "' is taken");
    }

    @Override
    public void update(StaffAccount account) {
        em.find(StaffRow.class, account.id()).copy(account);
        em.flush();
    }

    @Override
    public Optional<StaffAccount> find(TenantId tenant, UUID id) {
        return em.createQuery("from StaffRow s where s.tenantId = :t and s.id = :id", StaffRow.class)
                .setParameter("t", tenant.value()).setParameter("id", id)
                .getResultStream().findFirst().map(StaffRow::toAccount);
    }

    @Override
    public Optional<StaffAccount> findByUsername(TenantId tenant, String username) {
        return em.createQuery("from StaffRow s where s.tenantId = :t and s.username = :u", StaffRow.class)
                .setParameter("t", tenant.value()).setParameter("u", username)
                .getResultStream().findFirst().map(StaffRow::toAccount);
    }

    @Override
    public List<StaffAccount> list(TenantId tenant, int offset, int limit) {
        return em.createQuery("from StaffRow s where s.tenantId = :t order by s.createdAt, s.id", StaffRow.class)
                .setParameter("t", tenant.value()).setFirstResult(offset).setMaxResults(limit)
                .getResultStream().map(StaffRow::toAccount).toList();
    }

    /** Locks the admins it counts, so two concurrent demotions cannot both see "another admin is left". */
    @Override
    public long countActiveAdmins(TenantId tenant) {
        return em.createQuery("from StaffRow s where s.tenantId = :t and s.active = true and s.roles like :r",
                        StaffRow.class)
                .setParameter("t", tenant.value()).setParameter("r", "%TENANT_ADMIN%")
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().size();
    }
}
