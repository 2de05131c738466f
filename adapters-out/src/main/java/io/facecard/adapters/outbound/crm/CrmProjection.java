package io.facecard.adapters.outbound.crm;

import io.facecard.adapters.outbound.axon.Projection;
import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBinding;
import io.facecard.application.crm.port.CrmEventType;
import io.facecard.application.crm.port.CrmEvents;
import io.facecard.application.crm.port.CrmEvents.Happening;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCancelledEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCompletedEvent;
import io.facecard.domain.checkout.CheckoutEvents.OfferAppliedEvent;
import io.facecard.domain.checkout.CheckoutEvents.OfferRemovedEvent;
import io.facecard.domain.checkout.CheckoutEvents.ReceiptIssuedEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.LedgerFact;
import io.facecard.domain.membership.MemberEvents.ConsentRecordedEvent;
import io.facecard.domain.membership.MemberEvents.MemberErasedEvent;
import io.facecard.domain.membership.MemberEvents.MemberProfileChangedEvent;
import io.facecard.domain.membership.MemberEvents.MemberRegisteredEvent;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;

/**
 * What the event store says happened, told to the tenant's CRM endpoints. The event's own id is the delivery's source
 * key, so an event handled again after a crash queues nothing twice. Payloads carry ids, amounts and states; personal
 * data is added at sending, only where an endpoint chose it. An offer counts as redeemed when the checkout it was
 * applied to completes (remembered in {@code crm_open_offer} until then).
 */
@Dependent
@ProcessingGroup(CrmAxon.FOLLOWER)
public class CrmProjection implements Projection {
    @Inject
    CrmEvents crm;
    @Inject
    TenantBinding binding;
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @EventHandler
    void on(MemberRegisteredEvent e, @MessageIdentifier String id) {
        crm.happened(e.tenantId(), new Happening(CrmEventType.MEMBER_REGISTERED, e.memberId(), id, e.at(), Map.of()));
    }

    @EventHandler
    void on(MemberProfileChangedEvent e, @MessageIdentifier String id) {
        crm.happened(e.tenantId(), new Happening(CrmEventType.MEMBER_CHANGED, e.memberId(), id, e.at(), Map.of()));
    }

    @EventHandler
    void on(MemberErasedEvent e, @MessageIdentifier String id) {
        crm.happened(e.tenantId(), new Happening(CrmEventType.MEMBER_ERASED, e.memberId(), id, e.at(), Map.of()));
    }

    @EventHandler
    void on(ConsentRecordedEvent e, @MessageIdentifier String id) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("purpose", e.purpose().name());
        data.put("granted", e.granted());
        if (e.policyVersion() != null) {
            data.put("policyVersion", e.policyVersion());
        }
        data.put("source", e.source().name());
        crm.happened(e.tenantId(), new Happening(CrmEventType.CONSENT_CHANGED, e.memberId(), id, e.at(), data));
    }

    @EventHandler
    void on(ReceiptIssuedEvent e, @MessageIdentifier String id) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("receiptNumber", e.receiptNumber());
        data.put("checkoutId", e.checkoutId() == null ? null : e.checkoutId().value().toString());
        data.put("storeId", e.storeId() == null ? null : e.storeId().toString());
        data.put("currency", e.currency());
        data.put("total", e.total());
        data.put("paid", e.paid());
        data.put("pointsEarned", e.pointsEarned());
        data.put("pointsRedeemed", e.pointsRedeemed());
        data.values().removeIf(v -> v == null);
        crm.happened(e.tenantId(), new Happening(CrmEventType.CHECKOUT_COMPLETED, e.memberId(), id, e.occurredAt(), data));
    }

    @EventHandler
    void on(LedgerFact e, @MessageIdentifier String id) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("points", e.ledgerPoints());
        data.put("kind", e.kind());
        // An adjustment's reference is the staff's free text: it may name people, so it stays out.
        if (!"ADJUSTED".equals(e.kind()) && e.reference() != null) {
            data.put("receiptNumber", e.reference());
        }
        crm.happened(e.tenantId(), new Happening(CrmEventType.POINTS_CHANGED, e.memberId(), id, e.at(), data));
    }

    @EventHandler
    void on(OfferAppliedEvent e) {
        binding.bind(em, e.tenantId());
        Jdbc.update(em, "insert into crm_open_offer (tenant_id, checkout_id, offer_id, member_id, discount) values (?, ?, ?, ?, ?) "
                + "on conflict do nothing", e.tenantId().value(), e.checkoutId().value(), e.offer().offerId(),
                e.memberId() == null ? Jdbc.NO_UUID : e.memberId().value(), e.discount() == null ? BigDecimal.ZERO : e.discount());
    }

    @EventHandler
    void on(OfferRemovedEvent e) {
        binding.bind(em, e.tenantId());
        Jdbc.update(em, "delete from crm_open_offer where tenant_id = ? and checkout_id = ? and offer_id = ?", e.tenantId().value(),
                e.checkoutId().value(), e.offerId());
    }

    @EventHandler
    void on(CheckoutCompletedEvent e) {
        TenantId tenant = e.tenantId();
        binding.bind(em, tenant);
        record Redeemed(UUID offer, UUID member, BigDecimal discount) {}
        var redeemed = Jdbc.query(em, "delete from crm_open_offer where tenant_id = ? and checkout_id = ? returning offer_id, member_id, discount",
                r -> new Redeemed(Jdbc.uuid(r, 1), Jdbc.uuid(r, 2), r.getBigDecimal(3)), tenant.value(), e.checkoutId().value());
        for (Redeemed o : redeemed) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("offerId", o.offer().toString());
            data.put("checkoutId", e.checkoutId().value().toString());
            data.put("receiptNumber", e.receiptNumber());
            data.put("discount", o.discount());
            crm.happened(tenant, new Happening(CrmEventType.OFFER_REDEEMED, o.member() != null ? new MemberId(o.member()) : e.memberId(),
                    "offer:" + e.checkoutId().value() + ":" + o.offer(), e.at(), data));
        }
    }

    @EventHandler
    void on(CheckoutCancelledEvent e) {
        binding.bind(em, e.tenantId());
        Jdbc.update(em, "delete from crm_open_offer where tenant_id = ? and checkout_id = ?", e.tenantId().value(), e.checkoutId().value());
    }
}
