package io.facecard.adapters.outbound.membership;

import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.membership.port.MemberView;
import io.facecard.application.membership.Members;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Role;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.ErasedMembers;
import io.facecard.tenants.tenancy.port.TenantErasureHook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A leaving tenant's members go through the same erasure as one member at a time (key destroyed,
 * faces and claims removed, every context's erasure hook run, Stripe customers deleted), each in
 * a transaction of its own, so a crash interrupts at most the member in hand, and a member is
 * erased the same way whether the member or the whole chain leaves.
 */
@ApplicationScoped
@TenantBound
public class LeavingTenantErasure implements TenantErasureHook, ErasedMembers {
    /** The audit trail's staff id for erasures the offboarding made. */
    static final UUID OFFBOARDING = UUID.nameUUIDFromBytes("facecard:offboarding".getBytes(StandardCharsets.UTF_8));

    @Inject
    Members members;
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    private static final int BATCH = 200;

    @Override
    public int order() {
        return MEMBERS;
    }

    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Progress eraseSome(TenantId tenant) {
        Caller caller = new Caller.Staff(tenant, OFFBOARDING, "offboarding", Set.of(Role.TENANT_ADMIN));
        List<MemberView> living = members.search(caller, Map.of(), null, 0, BATCH);
        living.forEach(m -> members.erase(caller, m.id()));
        return living.isEmpty() ? Progress.DONE : Progress.MORE;
    }

    @Override
    @Transactional
    public long count(TenantId tenant) {
        return ((Number) em.createNativeQuery("select count(*) from member_view where tenant_id = ?1 and erased")
                .setParameter(1, tenant.value()).getSingleResult()).longValue();
    }
}
