package io.facecard.adapters.outbound.loyalty;

import io.facecard.adapters.outbound.axon.Projection;
import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.domain.loyalty.LoyaltyEvents.HoldReleasedEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.LedgerFact;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsAdjustedEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsEarnedEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsExpiredEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsHeldEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsRedeemedEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsRestoredEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsReversedEvent;
import io.facecard.domain.membership.MemberId;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

/**
 * The ledger read model (entries, lots, holds), kept inside the command's transaction. Entries are
 * keyed by the event's identifier and lots change by the event's own amounts; a rebuild
 * ({@link LoyaltyReadModels}) empties the tenant's rows and replays its events into these handlers.
 */
@Dependent
@ProcessingGroup(LedgerProjection.PROCESSOR)
@TenantBound
public class LedgerProjection implements Projection {
    public static final String PROCESSOR = "ledger";

    @PersistenceContext(unitName = "facecard")
    EntityManager em;

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
        dropHold(e.memberId(), e.holdId());
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
        Jdbc.update(em, "insert into bonus_hold (member_id, hold_id, tenant_id, points, expires_at) values (?, ?, ?, ?, ?) "
                        + "on conflict (member_id, hold_id) do update set points = excluded.points, expires_at = excluded.expires_at",
                e.memberId().value(), e.holdId(), e.tenantId().value(), e.points(), e.expiresAt());
    }

    @EventHandler
    void on(HoldReleasedEvent e) {
        dropHold(e.memberId(), e.holdId());
    }

    private void dropHold(MemberId member, String holdId) {
        Jdbc.update(em, "delete from bonus_hold where member_id = ? and hold_id = ?", member.value(), holdId);
    }

    private void entry(LedgerFact e, EventMessage<?> m, Instant availableAt, Instant expiresAt) {
        String actor = e instanceof PointsAdjustedEvent a ? a.actor() : null;
        Jdbc.update(em, "insert into ledger_entry (event_id, tenant_id, member_id, kind, points, reference, actor, at, "
                        + "available_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing",
                m.getIdentifier(), e.tenantId().value(), e.memberId().value(), e.kind(), e.ledgerPoints(), Jdbc.text(e.reference()),
                Jdbc.text(actor), Jdbc.at(e.at()), Jdbc.at(availableAt), Jdbc.at(expiresAt));
    }

    private void lot(LedgerFact e, UUID lot, long points, Instant availableAt, Instant expiresAt) {
        Jdbc.update(em, "insert into bonus_lot (lot_id, tenant_id, member_id, remaining, available_at, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?) on conflict (lot_id) do nothing",
                lot, e.tenantId().value(), e.memberId().value(), points, Jdbc.at(availableAt), Jdbc.at(expiresAt));
    }

    private void debit(Map<UUID, Long> fromLots) {
        fromLots.forEach((lot, points) -> Jdbc.update(em, "update bonus_lot set remaining = remaining - ? where lot_id = ?", points, lot));
    }
}
