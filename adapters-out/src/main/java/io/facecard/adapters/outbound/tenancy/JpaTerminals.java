package io.facecard.adapters.outbound.tenancy;

import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.Terminal;
import io.facecard.tenants.tenancy.port.Terminals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@TenantBound
public class JpaTerminals implements Terminals {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public void add(Terminal t) {
        em.persist(new TerminalRow(t));
        em.persist(new TerminalKeyRow(t.keyHash(), t.id(), t.tenantId().value(), t.storeId(), t.kind()));
    }

    @Override
    public List<Terminal> list(TenantId tenant, UUID storeId) {
        return em.createQuery("from TerminalRow t where t.tenantId = :t and t.storeId = :s order by t.createdAt, t.id",
                        TerminalRow.class)
                .setParameter("t", tenant.value()).setParameter("s", storeId)
                .getResultStream().map(TerminalRow::toTerminal).toList();
    }

    @Override
    public Optional<Terminal> find(TenantId tenant, UUID storeId, UUID terminalId) {
        return em.createQuery("from TerminalRow t where t.tenantId = :t and t.storeId = :s and t.id = :id",
                        TerminalRow.class)
                .setParameter("t", tenant.value()).setParameter("s", storeId).setParameter("id", terminalId)
                .getResultStream().findFirst().map(TerminalRow::toTerminal);
    }

    @Override
    public void revoke(TenantId tenant, UUID terminalId, Instant at) {
        em.createQuery("update TerminalRow t set t.revokedAt = :at where t.tenantId = :t and t.id = :id")
                .setParameter("at", at).setParameter("t", tenant.value()).setParameter("id", terminalId)
                .executeUpdate();
        em.createQuery("update TerminalKeyRow k set k.revokedAt = :at where k.tenantId = :t and k.terminalId = :id")
                .setParameter("at", at).setParameter("t", tenant.value()).setParameter("id", terminalId)
                .executeUpdate();
    }

    @Override
    public Optional<Terminal> findActiveByKeyHash(String keyHash) {
        TerminalKeyRow k = em.find(TerminalKeyRow.class, keyHash);
        if (k == null || k.revokedAt != null) {
            return Optional.empty();
        }
        return Optional.of(new Terminal(k.terminalId, new TenantId(k.tenantId), k.storeId, k.kind, null,
                k.keyHash, null, null, null));
    }
}
