package io.facecard.adapters.outbound.marketing;

import io.facecard.adapters.outbound.axon.Projection;
import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBinding;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.loyalty.port.Programs;
import io.facecard.domain.checkout.Basket;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCancelledEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCompletedEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutOpenedEvent;
import io.facecard.domain.checkout.CheckoutEvents.CustomerIdentifiedEvent;
import io.facecard.domain.checkout.CheckoutEvents.ReceiptIssuedEvent;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Purchases and visits as segments count them: per member, day (in the tenant's zone) and store.
 * Each receipt and each visit is recorded once by its id, and the day aggregates grow only when
 * that record is new, so a replayed or redelivered event changes nothing.
 */
@Dependent
@ProcessingGroup(MarketingAxon.FACTS)
@TenantBound
public class MarketingFactsProjection implements Projection {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    TenantBinding binding;
    @Inject
    Programs programs;

    @EventHandler
    void on(CheckoutOpenedEvent e) {
        Jdbc.update(em, "insert into mkt_open_checkout (checkout_id, tenant_id, store_id, opened_at) values (?, ?, ?, ?) "
                + "on conflict do nothing", e.checkoutId().value(), e.tenantId().value(), e.storeId(), e.at());
    }

    @EventHandler
    void on(CustomerIdentifiedEvent e) {
        if (erased(e.memberId().value())) {
            return;
        }
        if (Jdbc.update(em, "insert into mkt_visit (checkout_id, tenant_id, member_id) values (?, ?, ?) on conflict do nothing",
                e.checkoutId().value(), e.tenantId().value(), e.memberId().value()) == 0) {
            return; // this checkout's visit is counted already (a second identification, a replay)
        }
        Jdbc.update(em, "insert into mkt_visit_day (tenant_id, member_id, day, store_id, events) select ?, ?, ?, store_id, 1 "
                + "from mkt_open_checkout where checkout_id = ? on conflict (tenant_id, day, member_id, store_id) "
                + "do update set events = mkt_visit_day.events + 1", e.tenantId().value(), e.memberId().value(), day(e.tenantId(), e.at()),
                e.checkoutId().value());
    }

    @EventHandler
    void on(ReceiptIssuedEvent e) {
        if (e.memberId() == null) {
            return;
        }
        binding.bind(em, e.tenantId());
        if (erased(e.memberId().value())) {
            return; // followed the erasure on this processor: nothing of the member is kept
        }
        if (Jdbc.update(em, "insert into mkt_purchase (receipt_id, tenant_id, member_id, store_id, at, total) values (?, ?, ?, ?, ?, ?) "
                + "on conflict do nothing", e.receiptId().value(), e.tenantId().value(), e.memberId().value(), e.storeId(), e.occurredAt(),
                e.total()) == 0) {
            return;
        }
        LocalDate day = day(e.tenantId(), e.occurredAt());
        add(e, day, "all", "", e.total());
        Jdbc.update(em, "insert into mkt_member_spend (tenant_id, member_id, spend_12m, purchases_12m, last_day) values (?, ?, ?, 1, ?) "
                + "on conflict (tenant_id, member_id) do update set spend_12m = mkt_member_spend.spend_12m + excluded.spend_12m, "
                + "purchases_12m = mkt_member_spend.purchases_12m + 1, last_day = greatest(mkt_member_spend.last_day, excluded.last_day)",
                e.tenantId().value(), e.memberId().value(), e.total(), day);
        Map<String, BigDecimal> categories = new TreeMap<>();
        Map<String, BigDecimal> skus = new TreeMap<>();
        for (Basket.ReceiptLine l : e.lines()) {
            if (l.category() != null) {
                categories.merge(l.category(), l.amount(), BigDecimal::add);
            }
            skus.merge(l.sku(), l.amount(), BigDecimal::add);
        }
        categories.forEach((c, amount) -> {
            add(e, day, "category", c, amount);
            Jdbc.update(em, "insert into mkt_member_category (tenant_id, category, member_id, last_day) values (?, ?, ?, ?) "
                    + "on conflict (tenant_id, category, member_id) do update set last_day = greatest(mkt_member_category.last_day, "
                    + "excluded.last_day)", e.tenantId().value(), c, e.memberId().value(), day);
        });
        skus.forEach((s, amount) -> add(e, day, "sku", s, amount));
    }

    @EventHandler
    void on(CheckoutCompletedEvent e) {
        forget(e.tenantId(), e.checkoutId().value());
    }

    @EventHandler
    void on(CheckoutCancelledEvent e) {
        forget(e.tenantId(), e.checkoutId().value());
    }

    private void forget(TenantId tenant, UUID checkout) {
        Jdbc.update(em, "delete from mkt_open_checkout where checkout_id = ?", checkout);
    }

    private void add(ReceiptIssuedEvent e, LocalDate day, String dim, String value, BigDecimal spend) {
        Jdbc.update(em, "insert into mkt_purchase_day (tenant_id, member_id, day, store_id, dim, value, events, spend) "
                + "values (?, ?, ?, ?, ?, ?, 1, ?) on conflict (tenant_id, dim, value, day, member_id, store_id) "
                + "do update set events = mkt_purchase_day.events + 1, spend = mkt_purchase_day.spend + excluded.spend",
                e.tenantId().value(), e.memberId().value(), day, e.storeId(), dim, value, spend);
    }

    private boolean erased(UUID member) {
        return !Jdbc.query(em, "select 1 from member_view where id = ? and erased", r -> 1, member).isEmpty();
    }

    private LocalDate day(TenantId tenant, Instant at) {
        return at.atZone(programs.terms(tenant).zone()).toLocalDate();
    }
}
