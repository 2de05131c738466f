package io.facecard.adapters.out.loyalty;

import com.fasterxml.jackson.core.type.TypeReference;
import io.facecard.adapters.out.persistence.TenantBinding;
import io.facecard.application.loyalty.LoyaltyPorts;
import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.domain.tenancy.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaPrograms implements LoyaltyPorts.Programs {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    TenantBinding binding;
    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Read once per transaction: a till's call asks for the program several times. */
    @Override
    @SuppressWarnings("unchecked")
    public Optional<LoyaltyProgram> find(TenantId tenant) {
        String key = "loyalty-program:" + tenant;
        Object cached = transactions.getResource(key);
        if (cached != null) {
            return (Optional<LoyaltyProgram>) cached;
        }
        binding.bind(em, tenant);
        List<?> rows = em.createNativeQuery("select body from loyalty_program where tenant_id = ?1")
                .setParameter(1, tenant.value()).getResultList();
        Optional<LoyaltyProgram> program = rows.stream().findFirst()
                .map(b -> JsonColumns.read((String) b, new TypeReference<LoyaltyProgram>() {}));
        transactions.putResource(key, program);
        return program;
    }

    @Override
    public void save(TenantId tenant, LoyaltyProgram program, String actor, Instant at) {
        binding.bind(em, tenant);
        transactions.putResource("loyalty-program:" + tenant, Optional.of(program));
        em.createNativeQuery("insert into loyalty_program (tenant_id, body, updated_by, updated_at) values (?1, ?2, ?3, ?4) "
                        + "on conflict (tenant_id) do update set body = excluded.body, updated_by = excluded.updated_by, "
                        + "updated_at = excluded.updated_at")
                .setParameter(1, tenant.value()).setParameter(2, JsonColumns.write(program)).setParameter(3, actor)
                .setParameter(4, Timestamp.from(at)).executeUpdate();
    }

    @Override
    public LoyaltyPorts.TenantTerms terms(TenantId tenant) {
        Object[] r = (Object[]) em.createNativeQuery("select currency, timezone from tenant_view where id = ?1")
                .setParameter(1, tenant.value()).getSingleResult();
        return new LoyaltyPorts.TenantTerms(((String) r[0]).trim(), ZoneId.of((String) r[1]));
    }
}
