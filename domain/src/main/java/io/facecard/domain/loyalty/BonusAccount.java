package io.facecard.domain.loyalty;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.facecard.domain.loyalty.LoyaltyCommands.AdjustPoints;
import io.facecard.domain.loyalty.LoyaltyCommands.CaptureHold;
import io.facecard.domain.loyalty.LoyaltyCommands.EarnPoints;
import io.facecard.domain.loyalty.LoyaltyCommands.ExpirePoints;
import io.facecard.domain.loyalty.LoyaltyCommands.PlaceHold;
import io.facecard.domain.loyalty.LoyaltyCommands.ReleaseHold;
import io.facecard.domain.loyalty.LoyaltyCommands.RestorePoints;
import io.facecard.domain.loyalty.LoyaltyCommands.ReverseEarning;
import io.facecard.domain.loyalty.LoyaltyEvents.HoldReleasedEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsAdjustedEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsEarnedEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsExpiredEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsHeldEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsRedeemedEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsRestoredEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsReversedEvent;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A member's points: lots (one per credit, each pending until its date and expiring on its own),
 * and holds that reserve available points for a checkout. The balance can never go below zero:
 * every debit is decided here against the lots, and the event store's sequence number serialises
 * two tills that act on the same account at once.
 */
public class BonusAccount {
    public static final String HOLD_EXPIRY = "hold-expiry";
    public static final String LOT_EXPIRY = "lot-expiry";

    /** Deadline payloads: a deadline for a replaced hold or an already emptied lot does nothing. */
    public record HoldExpiry(String holdId, Instant expiresAt) {}

    public record LotExpiry(UUID lotId) {}

    private static final class Lot {
        // Not final, and a no-argument constructor: snapshots write and read the aggregate's fields.
        UUID id;
        Instant availableAt;
        Instant expiresAt;
        long remaining;

        private Lot() {}

        Lot(UUID id, long points, Instant availableAt, Instant expiresAt) {
            this.id = id;
            this.remaining = points;
            this.availableAt = availableAt;
            this.expiresAt = expiresAt;
        }

        boolean expiredAt(Instant t) {
            return expiresAt != null && !expiresAt.isAfter(t);
        }

        boolean availableAt(Instant t) {
            return !availableAt.isAfter(t) && !expiredAt(t);
        }

        // Value equality, so sourcing the same events twice gives equal states (Axon's fixture checks this).
        @Override
        public boolean equals(Object o) {
            return o instanceof Lot l && id.equals(l.id) && remaining == l.remaining && availableAt.equals(l.availableAt)
                    && java.util.Objects.equals(expiresAt, l.expiresAt);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }

    private record Hold(long points, Instant expiresAt, String expiryDeadline) {}

    /** What a completed sale did to the account: the points its hold gave up, and what is left to redeem. */
    public record Settled(long redeemed, long available) {}

    /** A plain string: deadlines store the identifier and must read it back as the same value. */
    @AggregateIdentifier
    private String id;
    private TenantId tenantId;
    private MemberId memberId;
    private final List<Lot> lots = new ArrayList<>();
    private final Map<String, Hold> holds = new LinkedHashMap<>();

    protected BonusAccount() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EarnPoints cmd, DeadlineManager deadlines) {
        open(cmd.accountId(), cmd.tenantId(), cmd.memberId());
        expireDue(cmd.at());
        if (cmd.points() < 0) {
            throw new LoyaltyRefused("invalid-points", "earned points cannot be negative");
        }
        if (cmd.points() > 0) {
            apply(new PointsEarnedEvent(tenantId, memberId, cmd.lotId(), cmd.points(), cmd.availableAt(), cmd.expiresAt(),
                    cmd.receiptNumber(), cmd.at()));
            scheduleExpiry(deadlines, cmd.lotId(), cmd.expiresAt());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(PlaceHold cmd, DeadlineManager deadlines) {
        open(cmd.accountId(), cmd.tenantId(), cmd.memberId());
        expireDue(cmd.at());
        if (cmd.points() <= 0) {
            throw new LoyaltyRefused("invalid-points", "a hold needs a positive number of points");
        }
        Hold previous = holds.get(cmd.holdId());
        long free = available(cmd.at()) + (previous == null ? 0 : previous.points());
        if (cmd.points() > free) {
            throw new LoyaltyRefused("insufficient-points", "only " + free + " points are available to redeem");
        }
        if (previous != null) {
            apply(new HoldReleasedEvent(tenantId, memberId, cmd.holdId(), previous.points(), "REPLACED", cmd.at()));
            cancelExpiry(deadlines, previous);
        }
        String deadline = deadlines.schedule(cmd.expiresAt(), HOLD_EXPIRY, new HoldExpiry(cmd.holdId(), cmd.expiresAt()));
        apply(new PointsHeldEvent(tenantId, memberId, cmd.holdId(), cmd.points(), cmd.expiresAt(), cmd.at(), deadline));
        return available(cmd.at());
    }

    @CommandHandler
    public void handle(ReleaseHold cmd, DeadlineManager deadlines) {
        Hold hold = holds.get(cmd.holdId());
        if (hold != null) {
            apply(new HoldReleasedEvent(tenantId, memberId, cmd.holdId(), hold.points(), cmd.reason(), cmd.at()));
            cancelExpiry(deadlines, hold);
            expireDue(cmd.at());
        }
    }

    /** @return the points redeemed */
    @CommandHandler
    public long handle(CaptureHold cmd, DeadlineManager deadlines) {
        long redeemed = capture(cmd.holdId(), cmd.receiptNumber(), cmd.at(), deadlines);
        expireDue(cmd.at());
        return redeemed;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Settled handle(LoyaltyCommands.SettleSale cmd, DeadlineManager deadlines) {
        open(cmd.accountId(), cmd.tenantId(), cmd.memberId());
        long redeemed = cmd.holdId() == null ? 0 : capture(cmd.holdId(), cmd.receiptNumber(), cmd.at(), deadlines);
        expireDue(cmd.at());
        if (cmd.pointsEarned() > 0) {
            apply(new PointsEarnedEvent(tenantId, memberId, cmd.lotId(), cmd.pointsEarned(), cmd.availableAt(), cmd.expiresAt(),
                    cmd.receiptNumber(), cmd.at()));
            scheduleExpiry(deadlines, cmd.lotId(), cmd.expiresAt());
        }
        return new Settled(redeemed, available(cmd.at()));
    }

    /** Expire only after the hold is taken: points a hold reserved were promised to this checkout. */
    private long capture(String holdId, String receiptNumber, Instant at, DeadlineManager deadlines) {
        Hold hold = holds.get(holdId);
        if (hold == null) {
            throw new LoyaltyRefused("hold-expired", "the points are no longer held (the hold expired or was released); redeem again");
        }
        Map<UUID, Long> from = take(hold.points(), at, true);
        apply(new PointsRedeemedEvent(tenantId, memberId, holdId, hold.points(), from, receiptNumber, at));
        cancelExpiry(deadlines, hold);
        return hold.points();
    }

    /**
     * A hold that ends before its time takes its deadline with it: otherwise every redeemed checkout
     * loads its account once more, a quarter of an hour later, to do nothing.
     */
    private static void cancelExpiry(DeadlineManager deadlines, Hold hold) {
        if (hold.expiryDeadline() != null) {
            deadlines.cancelSchedule(HOLD_EXPIRY, hold.expiryDeadline());
        }
    }

    /** @return the points actually taken back (a return cannot push the balance below zero) */
    @CommandHandler
    public long handle(ReverseEarning cmd) {
        expireDue(cmd.at());
        long room = lots.stream().mapToLong(l -> l.remaining).sum() - held();
        long points = Math.max(0, Math.min(cmd.points(), room));
        Map<UUID, Long> from = new LinkedHashMap<>();
        long left = points;
        for (Lot lot : ordered(cmd.lotId())) {
            long t = Math.min(left, lot.remaining);
            if (t > 0) {
                from.put(lot.id, t);
                left -= t;
            }
        }
        if (cmd.points() > 0) {
            apply(new PointsReversedEvent(tenantId, memberId, points, from, cmd.points() - points, cmd.receiptNumber(), cmd.at()));
        }
        return points;
    }

    @CommandHandler
    public void handle(RestorePoints cmd, DeadlineManager deadlines) {
        expireDue(cmd.at());
        if (cmd.points() > 0) {
            apply(new PointsRestoredEvent(tenantId, memberId, cmd.lotId(), cmd.points(), cmd.expiresAt(), cmd.receiptNumber(), cmd.at()));
            scheduleExpiry(deadlines, cmd.lotId(), cmd.expiresAt());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AdjustPoints cmd, DeadlineManager deadlines) {
        open(cmd.accountId(), cmd.tenantId(), cmd.memberId());
        expireDue(cmd.at());
        if (cmd.points() == 0) {
            throw new LoyaltyRefused("invalid-points", "an adjustment needs a non-zero number of points");
        }
        if (cmd.points() > 0) {
            apply(new PointsAdjustedEvent(tenantId, memberId, cmd.entryId(), cmd.points(), Map.of(), cmd.expiresAt(),
                    cmd.reason(), cmd.actor(), cmd.at()));
            scheduleExpiry(deadlines, cmd.entryId(), cmd.expiresAt());
            return;
        }
        long free = available(cmd.at());
        if (-cmd.points() > free) {
            throw new LoyaltyRefused("insufficient-points", "only " + free + " points are available to debit");
        }
        apply(new PointsAdjustedEvent(tenantId, memberId, null, cmd.points(), take(-cmd.points(), cmd.at(), false),
                null, cmd.reason(), cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(ExpirePoints cmd) {
        expireDue(cmd.at());
    }

    @DeadlineHandler(deadlineName = HOLD_EXPIRY)
    void on(HoldExpiry due) {
        Hold hold = holds.get(due.holdId());
        if (hold != null && hold.expiresAt().equals(due.expiresAt())) {
            apply(new HoldReleasedEvent(tenantId, memberId, due.holdId(), hold.points(), "EXPIRED", due.expiresAt()));
            expireDue(due.expiresAt());
        }
    }

    @DeadlineHandler(deadlineName = LOT_EXPIRY)
    void on(LotExpiry due) {
        lots.stream().filter(l -> l.id.equals(due.lotId()) && l.expiresAt != null).findFirst()
                .ifPresent(l -> expireDue(l.expiresAt));
    }

    // --- decisions --------------------------------------------------------------------------

    private void open(BonusAccountId account, TenantId tenant, MemberId member) {
        if (id == null) {
            // An account is created by its first credit or hold; its tenant and member never change after.
            id = account.toString();
            tenantId = tenant;
            memberId = member;
        } else if (!tenantId.equals(tenant)) {
            throw new LoyaltyRefused("wrong-tenant", "the account belongs to another tenant");
        }
    }

    /**
     * Expires what is due, except points an open hold still needs: those stay on their lot until
     * the hold is captured or released (then the next decision expires them).
     */
    private void expireDue(Instant at) {
        for (Lot lot : List.copyOf(lots)) {
            if (lot.remaining > 0 && lot.expiredAt(at)) {
                long cover = lots.stream().filter(l -> l != lot && l.availableAt(at)).mapToLong(l -> l.remaining).sum();
                long expiring = lot.remaining - Math.max(0, Math.min(lot.remaining, held() - cover));
                if (expiring > 0) {
                    apply(new PointsExpiredEvent(tenantId, memberId, lot.id, expiring, lot.expiresAt));
                }
            }
        }
    }

    private void scheduleExpiry(DeadlineManager deadlines, UUID lot, Instant expiresAt) {
        if (expiresAt != null) {
            deadlines.schedule(expiresAt, LOT_EXPIRY, new LotExpiry(lot));
        }
    }

    /** Points that may be redeemed now: available lots less what holds reserve. */
    long available(Instant at) {
        return lots.stream().filter(l -> l.availableAt(at)).mapToLong(l -> l.remaining).sum() - held();
    }

    private long held() {
        return holds.values().stream().mapToLong(Hold::points).sum();
    }

    /** First in, first out over available lots (a capture may use points its hold reserved on lots now expired). */
    private Map<UUID, Long> take(long points, Instant at, boolean heldAlready) {
        Map<UUID, Long> from = new LinkedHashMap<>();
        long left = points;
        for (Lot lot : lots) {
            boolean usable = heldAlready ? !lot.availableAt.isAfter(at) : lot.availableAt(at);
            long t = usable ? Math.min(left, lot.remaining) : 0;
            if (t > 0) {
                from.put(lot.id, t);
                left -= t;
            }
        }
        if (left > 0) {
            throw new LoyaltyRefused("insufficient-points", "the account lacks " + left + " points");
        }
        return from;
    }

    private List<Lot> ordered(UUID first) {
        List<Lot> order = new ArrayList<>();
        lots.stream().filter(l -> l.id.equals(first)).forEach(order::add);
        lots.stream().filter(l -> !l.id.equals(first)).forEach(order::add);
        return order;
    }

    // --- state ------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(PointsEarnedEvent e) {
        init(e.tenantId(), e.memberId());
        lots.add(new Lot(e.lotId(), e.points(), e.availableAt(), e.expiresAt()));
    }

    @EventSourcingHandler
    void on(PointsHeldEvent e) {
        init(e.tenantId(), e.memberId());
        holds.put(e.holdId(), new Hold(e.points(), e.expiresAt(), e.expiryDeadline()));
    }

    @EventSourcingHandler
    void on(HoldReleasedEvent e) {
        holds.remove(e.holdId());
    }

    @EventSourcingHandler
    void on(PointsRedeemedEvent e) {
        holds.remove(e.holdId());
        debit(e.fromLots());
    }

    @EventSourcingHandler
    void on(PointsReversedEvent e) {
        debit(e.fromLots());
    }

    @EventSourcingHandler
    void on(PointsRestoredEvent e) {
        lots.add(new Lot(e.lotId(), e.points(), e.at(), e.expiresAt()));
    }

    @EventSourcingHandler
    void on(PointsAdjustedEvent e) {
        init(e.tenantId(), e.memberId());
        if (e.points() > 0) {
            lots.add(new Lot(e.lotId(), e.points(), e.at(), e.expiresAt()));
        } else {
            debit(e.fromLots());
        }
    }

    @EventSourcingHandler
    void on(PointsExpiredEvent e) {
        debit(Map.of(e.lotId(), e.points()));
    }

    private void init(TenantId tenant, MemberId member) {
        if (id == null) {
            id = BonusAccountId.of(member).toString();
            tenantId = tenant;
            memberId = member;
        }
    }

    private void debit(Map<UUID, Long> fromLots) {
        for (Lot lot : lots) {
            Long t = fromLots.get(lot.id);
            if (t != null) {
                lot.remaining -= t;
            }
        }
        lots.removeIf(l -> l.remaining <= 0);
    }
}
