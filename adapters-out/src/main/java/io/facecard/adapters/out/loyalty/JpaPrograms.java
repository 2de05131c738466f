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

    /** A tenant's program and terms, read together once per transaction: a till's call asks for both, several times. */
    private record Settings(Optional<LoyaltyProgram> program, LoyaltyPorts.TenantTerms terms) {}

    @Override
    public Optional<LoyaltyProgram> find(TenantId tenant) {
        return settings(tenant).program();
    }

    @Override
    public LoyaltyPorts.TenantTerms terms(TenantId tenant) {
        LoyaltyPorts.TenantTerms terms = settings(tenant).terms();
        if (terms == null) {
            throw new IllegalStateException("tenant " + tenant + " has no directory entry");
        }
        return terms;
    }

    private Settings settings(TenantId tenant) {
        String key = key(tenant);
        Object cached = transactions.getResource(key);
        if (cached != null) {
            return (Settings) cached;
        }
        binding.bind(em, tenant);
        List<?> rows = em.createNativeQuery("select t.currency, t.timezone, p.body from tenant_view t "
                        + "left join loyalty_program p on p.tenant_id = t.id where t.id = ?1")
                .setParameter(1, tenant.value()).getResultList();
        Settings settings = rows.stream().findFirst().map(r -> (Object[]) r)
                .map(r -> new Settings(Optional.ofNullable((String) r[2])
                        .map(b -> JsonColumns.read(b, new TypeReference<LoyaltyProgram>() {})),
                        new LoyaltyPorts.TenantTerms(((String) r[0]).trim(), ZoneId.of((String) r[1]))))
                .orElse(new Settings(Optional.empty(), null));
        transactions.putResource(key, settings);
        return settings;
    }

    private static String key(TenantId tenant) {
        return "loyalty-settings:" + tenant;
    }

    @Override
    public void save(TenantId tenant, LoyaltyProgram program, String actor, Instant at) {
        binding.bind(em, tenant);
        if (transactions.getResource(key(tenant)) instanceof Settings cached) {
            transactions.putResource(key(tenant), new Settings(Optional.of(program), cached.terms()));
        }
        em.createNativeQuery("insert into loyalty_program (tenant_id, body, updated_by, updated_at) values (?1, ?2, ?3, ?4) "
                        + "on conflict (tenant_id) do update set body = excluded.body, updated_by = excluded.updated_by, "
                        + "updated_at = excluded.updated_at")
                .setParameter(1, tenant.value()).setParameter(2, JsonColumns.write(program)).setParameter(3, actor)
                .setParameter(4, Timestamp.from(at)).executeUpdate();
    }
}
