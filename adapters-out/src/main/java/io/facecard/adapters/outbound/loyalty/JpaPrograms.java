package io.facecard.adapters.outbound.loyalty;

import com.fasterxml.jackson.core.type.TypeReference;
import io.facecard.adapters.outbound.persistence.JsonColumns;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.loyalty.port.Programs;
import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
@TenantBound
public class JpaPrograms implements Programs {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Inject
    RecentLoyaltySettings recent;

    /** A tenant's program and terms, read together: a till's call asks for both, several times. */
    record Settings(Optional<LoyaltyProgram> program, Programs.TenantTerms terms) {}

    @Override
    public Optional<LoyaltyProgram> find(TenantId tenant) {
        return settings(tenant).program();
    }

    @Override
    public Programs.TenantTerms terms(TenantId tenant) {
        return settings(tenant).terms();
    }

    private Settings settings(TenantId tenant) {
        return recent.get(tenant, () -> read(tenant));
    }

    private Settings read(TenantId tenant) {
        List<?> rows = em.createNativeQuery("select t.currency, t.timezone, p.body from tenant_view t "
                        + "left join loyalty_program p on p.tenant_id = t.id where t.id = ?1")
                .setParameter(1, tenant.value()).getResultList();
        // Thrown, not remembered: a tenant is only ever asked for once its onboarding has committed.
        Object[] r = (Object[]) rows.stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("tenant " + tenant + " has no directory entry"));
        return new Settings(Optional.ofNullable((String) r[2]).map(b -> JsonColumns.read(b, new TypeReference<LoyaltyProgram>() {})),
                new Programs.TenantTerms(((String) r[0]).trim(), ZoneId.of((String) r[1])));
    }

    @Override
    public void save(TenantId tenant, LoyaltyProgram program, String actor, Instant at) {
        recent.forgetAll();
        em.createNativeQuery("insert into loyalty_program (tenant_id, body, updated_by, updated_at) values (?1, ?2, ?3, ?4) "
                        + "on conflict (tenant_id) do update set body = excluded.body, updated_by = excluded.updated_by, "
                        + "updated_at = excluded.updated_at")
                .setParameter(1, tenant.value()).setParameter(2, JsonColumns.write(program)).setParameter(3, actor)
                .setParameter(4, Timestamp.from(at)).executeUpdate();
    }
}
