package io.facecard.adapters.out.loyalty;

import io.facecard.adapters.out.persistence.TenantBinding;
import io.facecard.domain.loyalty.LoyaltyEvents.HoldReleasedEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.LedgerFact;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsAdjustedEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsEarnedEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsExpiredEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsHeldEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsRedeemedEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsRestoredEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsReversedEvent;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import io.facecard.adapters.out.persistence.Sql;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

/**
 * The ledger read model (entries, lots, holds), kept inside the command's transaction. Entries are
 * keyed by the event's identifier and lots change by the event's own amounts; a rebuild
 * ({@link LoyaltyReadModels}) empties the tenant's rows and replays its events into these handlers.
 */
@Dependent
public class LedgerProjection {
    public static final String PROCESSOR = "ledger";

    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    TenantBinding binding;

    @EventHandler
    void on(PointsEarnedEvent e, EventMessage<?> m) {
        entry(e, m, e.availableAt(), e.expiresAt());
        lot(e, e.lotId(), e.points(), e.availableAt(), e.expiresAt());
    }

    @EventHandler
    void on(PointsRestoredEvent e, EventMessage<?> m) {
        entry(e, m, e.at(), e.expiresAt());
        lot(e, e.lotId(), e.points(), e.at(), e.expiresAt());
    }

    @EventHandler
    void on(PointsAdjustedEvent e, EventMessage<?> m) {
        entry(e, m, null, e.expiresAt());
        if (e.points() > 0) {
            lot(e, e.lotId(), e.points(), e.at(), e.expiresAt());
        } else {
            debit(e.fromLots());
        }
    }

    @EventHandler
    void on(PointsRedeemedEvent e, EventMessage<?> m) {
        entry(e, m, null, null);
        debit(e.fromLots());
        em.createNativeQuery("delete from bonus_hold where member_id = ?1 and hold_id = ?2")
                .setParameter(1, e.memberId().value()).setParameter(2, e.holdId()).executeUpdate();
    }

    @EventHandler
    void on(PointsReversedEvent e, EventMessage<?> m) {
        entry(e, m, null, null);
        debit(e.fromLots());
    }

    @EventHandler
    void on(PointsExpiredEvent e, EventMessage<?> m) {
        entry(e, m, null, null);
        debit(Map.of(e.lotId(), e.points()));
    }

    @EventHandler
    void on(PointsHeldEvent e) {
        binding.bind(em, e.tenantId());
        em.createNativeQuery("insert into bonus_hold (member_id, hold_id, tenant_id, points, expires_at) values (?1, ?2, ?3, ?4, ?5) "
                        + "on conflict (member_id, hold_id) do update set points = excluded.points, expires_at = excluded.expires_at")
                .setParameter(1, e.memberId().value()).setParameter(2, e.holdId()).setParameter(3, e.tenantId().value())
                .setParameter(4, e.points()).setParameter(5, java.sql.Timestamp.from(e.expiresAt())).executeUpdate();
    }

    @EventHandler
    void on(HoldReleasedEvent e) {
        binding.bind(em, e.tenantId());
        em.createNativeQuery("delete from bonus_hold where member_id = ?1 and hold_id = ?2")
                .setParameter(1, e.memberId().value()).setParameter(2, e.holdId()).executeUpdate();
    }

    private void entry(LedgerFact e, EventMessage<?> m, Instant availableAt, Instant expiresAt) {
        binding.bind(em, e.tenantId());
        String actor = e instanceof PointsAdjustedEvent a ? a.actor() : null;
        Query q = em.createNativeQuery("insert into ledger_entry (event_id, tenant_id, member_id, kind, points, reference, actor, at, "
                        + "available_at, expires_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict (event_id) do nothing")
                .setParameter(1, m.getIdentifier()).setParameter(2, e.tenantId().value()).setParameter(3, e.memberId().value())
                .setParameter(4, e.kind()).setParameter(5, e.ledgerPoints());
        Sql.text(q, 6, e.reference());
        Sql.text(q, 7, actor);
        Sql.instant(q, 8, e.at());
        Sql.instant(q, 9, availableAt);
        Sql.instant(q, 10, expiresAt).executeUpdate();
    }

    private void lot(LedgerFact e, UUID lot, long points, Instant availableAt, Instant expiresAt) {
        Query q = em.createNativeQuery("insert into bonus_lot (lot_id, tenant_id, member_id, remaining, available_at, expires_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (lot_id) do nothing")
                .setParameter(1, lot).setParameter(2, e.tenantId().value()).setParameter(3, e.memberId().value())
                .setParameter(4, points);
        Sql.instant(q, 5, availableAt);
        Sql.instant(q, 6, expiresAt).executeUpdate();
    }

    private void debit(Map<UUID, Long> fromLots) {
        fromLots.forEach((lot, points) -> em.createNativeQuery("update bonus_lot set remaining = remaining - ?2 where lot_id = ?1")
                .setParameter(1, lot).setParameter(2, points).executeUpdate());
    }
}
