package io.facecard.adapters.outbound.marketing;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.MemberSpend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** {@code mkt_member_spend} recounted from {@code mkt_purchase_day} for the members a day leaving the window touches. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
@TenantBound
public class JdbcMemberSpend implements MemberSpend {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public List<Tenant> tenants() {
        return Jdbc.query(em, "select id, timezone from tenant_view where status = 'ACTIVE'", r -> new Tenant(new TenantId(Jdbc.uuid(r, 1)),
                ZoneId.of(r.getString(2))));
    }

    @Override
    public int recount(TenantId tenant, LocalDate leaving) {
        return Jdbc.update(em, "update mkt_member_spend s set (spend_12m, purchases_12m) = (select coalesce(sum(x.spend), 0), "
                + "coalesce(sum(x.events), 0) from mkt_purchase_day x where x.tenant_id = s.tenant_id and x.member_id = s.member_id "
                + "and x.dim = 'all' and x.day > ?) "
                + "where s.tenant_id = ? and s.member_id in (select member_id from mkt_purchase_day where tenant_id = ? and dim = 'all' "
                + "and value = '' and day = ?)", leaving, tenant.value(), tenant.value(), leaving);
    }
}
