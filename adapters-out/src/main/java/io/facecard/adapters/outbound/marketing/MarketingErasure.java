package io.facecard.adapters.outbound.marketing;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.membership.port.ErasureHook;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * What marketing holds of an erased member goes with them: their place in every audience, their
 * purchases and visits as segments count them, and the bodies of their queued and sent messages
 * (a queued one is not sent any more).
 */
@ApplicationScoped
@Transactional
@TenantBound
public class MarketingErasure implements ErasureHook {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public void erase(TenantId tenant, MemberId member) {
        Object t = tenant.value();
        Object m = member.value();
        Jdbc.update(em, "update outbox_message set fields = '{}', status = case when status = 'QUEUED' then 'BLOCKED' else status end, "
                + "reason = case when status = 'QUEUED' then 'erased' else reason end where tenant_id = ? and member_id = ?", t, m);
        for (String table : new String[] {"campaign_recipient", "mkt_purchase", "mkt_purchase_day", "mkt_visit_day", "mkt_visit",
                "mkt_redemption_day", "member_offer", "offer_redemption", "mkt_member_spend", "mkt_member_category"}) {
            Jdbc.update(em, "delete from " + table + " where tenant_id = ? and member_id = ?", t, m);
        }
    }
}
