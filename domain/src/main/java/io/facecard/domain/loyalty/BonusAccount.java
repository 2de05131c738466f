package io.facecard.domain.loyalty;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.facecard.domain.Published;
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
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
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
@Published("the outcome of settling a sale, which checkout records on its receipt")
public class BonusAccount {
    public static final String HOLD_EXPIRY = "hold-expiry";
    public static final String LOT_EXPIRY = "lot-expiry";

    /**
     * Deadline payloads: a deadline for a replaced hold or an already emptied lot does nothing. A
     * hold's deadline is named after the hold ({@link #key}), so the account cancels it by the hold
     * alone and no schedule id has to travel in an event (its handler matches by payload, so the
     * unnamed {@link #HOLD_EXPIRY} deadlines of holds placed before are still handled).
     */
    public record HoldExpiry(String holdId, Instant expiresAt) implements NamedDeadline {
        @Override
        public String key() {
            return PREFIX + HOLD_EXPIRY + ":" + holdId + "@" + expiresAt.toEpochMilli();
        }
    }

    public record LotExpiry(UUID lotId) {}

    private record Hold(long points, Instant expiresAt) {
        HoldExpiry expiry(String holdId) {
            return new HoldExpiry(holdId, expiresAt);
        }
    }

    /** What a completed sale did to the account: the points its hold gave up, and what is left to redeem. */
    public record Settled(Points redeemed, Points available) {}

    /** A plain string: deadlines store the identifier and must read it back as the same value. */
    @AggregateIdentifier
    private String id;
    private TenantId tenantId;
    private MemberId memberId;
    private Lots lots = Lots.NONE;
    private final Map<String, Hold> holds = new LinkedHashMap<>();

    protected BonusAccount() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EarnPoints cmd, DeadlineManager deadlines) {
        open(cmd.accountId(), cmd.tenantId(), cmd.memberId());
        expireDue(cmd.at());
        if (cmd.points() < 0) {
            throw new Refusal(LoyaltyRule.INVALID_POINTS, "earned points cannot be negative");
        }
        if (cmd.points() > 0) {
            apply(new PointsEarnedEvent(tenantId, memberId, cmd.lotId(), cmd.points(), cmd.availableAt(), cmd.expiresAt(),
                    cmd.receiptNumber(), cmd.at()));
            scheduleExpiry(deadlines, cmd.lotId(), cmd.expiresAt());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Points handle(PlaceHold cmd, DeadlineManager deadlines) {
        open(cmd.accountId(), cmd.tenantId(), cmd.memberId());
        expireDue(cmd.at());
        if (cmd.points() <= 0) {
            throw new Refusal(LoyaltyRule.INVALID_POINTS, "a hold needs a positive number of points");
        }
        Hold previous = holds.get(cmd.holdId());
        long free = available(cmd.at()) + (previous == null ? 0 : previous.points());
        if (cmd.points() > free) {
            throw new Refusal(LoyaltyRule.INSUFFICIENT_POINTS, "only " + free + " points are available to redeem");
        }
        if (previous != null) {
            apply(new HoldReleasedEvent(tenantId, memberId, cmd.holdId(), previous.points(), "REPLACED", cmd.at()));
            cancelExpiry(deadlines, cmd.holdId(), previous);
        }
        HoldExpiry expiry = new HoldExpiry(cmd.holdId(), cmd.expiresAt());
        deadlines.schedule(cmd.expiresAt(), expiry.key(), expiry);
        apply(new PointsHeldEvent(tenantId, memberId, cmd.holdId(), cmd.points(), cmd.expiresAt(), cmd.at()));
        return Points.of(available(cmd.at()));
    }

    @CommandHandler
    public void handle(ReleaseHold cmd, DeadlineManager deadlines) {
        Hold hold = holds.get(cmd.holdId());
        if (hold != null) {
            apply(new HoldReleasedEvent(tenantId, memberId, cmd.holdId(), hold.points(), cmd.reason(), cmd.at()));
            cancelExpiry(deadlines, cmd.holdId(), hold);
            expireDue(cmd.at());
        }
    }

    /** @return the points redeemed */
    @CommandHandler
    public Points handle(CaptureHold cmd, DeadlineManager deadlines) {
        long redeemed = capture(cmd.holdId(), cmd.receiptNumber(), cmd.at(), deadlines);
        expireDue(cmd.at());
        return Points.of(redeemed);
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
        return new Settled(Points.of(redeemed), Points.of(available(cmd.at())));
    }

    /** Expire only after the hold is taken: points a hold reserved were promised to this checkout. */
    private long capture(String holdId, String receiptNumber, Instant at, DeadlineManager deadlines) {
        Hold hold = holds.get(holdId);
        if (hold == null) {
            throw new Refusal(LoyaltyRule.HOLD_EXPIRED, "the points are no longer held (the hold expired or was released); redeem again");
        }
        Map<UUID, Long> from = take(hold.points(), at, true);
        apply(new PointsRedeemedEvent(tenantId, memberId, holdId, hold.points(), from, receiptNumber, at));
        cancelExpiry(deadlines, holdId, hold);
        return hold.points();
    }

    /**
     * A hold that ends before its time takes its deadline with it: otherwise every redeemed checkout
     * loads its account once more, a quarter of an hour later, to do nothing.
     */
    private static void cancelExpiry(DeadlineManager deadlines, String holdId, Hold hold) {
        deadlines.cancelAll(hold.expiry(holdId).key());
    }

    /** @return the points actually taken back (a return cannot push the balance below zero) */
    @CommandHandler
    public Points handle(ReverseEarning cmd) {
        expireDue(cmd.at());
        Lots.Taking back = lots.takeBack(Math.max(0, cmd.points()), cmd.lotId(), held());
        if (cmd.points() > 0) {
            apply(new PointsReversedEvent(tenantId, memberId, back.taken(), back.fromLots(), back.missing(), cmd.receiptNumber(),
                    cmd.at()));
        }
        return Points.of(back.taken());
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
            throw new Refusal(LoyaltyRule.INVALID_POINTS, "an adjustment needs a non-zero number of points");
        }
        if (cmd.points() > 0) {
            apply(new PointsAdjustedEvent(tenantId, memberId, cmd.entryId(), cmd.points(), Map.of(), cmd.expiresAt(),
                    cmd.reason(), cmd.actor(), cmd.at()));
            scheduleExpiry(deadlines, cmd.entryId(), cmd.expiresAt());
            return;
        }
        long free = available(cmd.at());
        if (-cmd.points() > free) {
            throw new Refusal(LoyaltyRule.INSUFFICIENT_POINTS, "only " + free + " points are available to debit");
        }
        apply(new PointsAdjustedEvent(tenantId, memberId, null, cmd.points(), take(-cmd.points(), cmd.at(), false),
                null, cmd.reason(), cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(ExpirePoints cmd) {
        expireDue(cmd.at());
    }

    @DeadlineHandler
    void on(HoldExpiry due) {
        Hold hold = holds.get(due.holdId());
        if (hold != null && hold.expiresAt().equals(due.expiresAt())) {
            apply(new HoldReleasedEvent(tenantId, memberId, due.holdId(), hold.points(), "EXPIRED", due.expiresAt()));
            expireDue(due.expiresAt());
        }
    }

    @DeadlineHandler(deadlineName = LOT_EXPIRY)
    void on(LotExpiry due) {
        lots.expiryOf(due.lotId()).ifPresent(this::expireDue);
    }

    // --- decisions --------------------------------------------------------------------------

    private void open(BonusAccountId account, TenantId tenant, MemberId member) {
        if (id == null) {
            // An account is created by its first credit or hold; its tenant and member never change after.
            id = account.toString();
            tenantId = tenant;
            memberId = member;
        } else if (!tenantId.equals(tenant)) {
            throw new Refusal(LoyaltyRule.WRONG_TENANT, "the account belongs to another tenant");
        }
    }

    /**
     * Expires what is due, except points an open hold still needs: those stay on their lot until
     * the hold is captured or released (then the next decision expires them).
     */
    private void expireDue(Instant at) {
        for (Lots.Expiring e : lots.expiringAt(at, held())) {
            apply(new PointsExpiredEvent(tenantId, memberId, e.lotId(), e.points(), e.at()));
        }
    }

    private void scheduleExpiry(DeadlineManager deadlines, UUID lot, Instant expiresAt) {
        if (expiresAt != null) {
            deadlines.schedule(expiresAt, LOT_EXPIRY, new LotExpiry(lot));
        }
    }

    /** Points that may be redeemed now: usable lots less what holds reserve. */
    long available(Instant at) {
        return lots.usable(at) - held();
    }

    private long held() {
        return holds.values().stream().mapToLong(Hold::points).sum();
    }

    private Map<UUID, Long> take(long points, Instant at, boolean heldAlready) {
        Lots.Taking t = lots.take(points, at, heldAlready);
        if (t.missing() > 0) {
            throw new Refusal(LoyaltyRule.INSUFFICIENT_POINTS, "the account lacks " + t.missing() + " points");
        }
        return t.fromLots();
    }

    // --- state ------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(PointsEarnedEvent e) {
        init(e.tenantId(), e.memberId());
        lots = lots.plus(e.lotId(), e.points(), e.availableAt(), e.expiresAt());
    }

    @EventSourcingHandler
    void on(PointsHeldEvent e) {
        init(e.tenantId(), e.memberId());
        holds.put(e.holdId(), new Hold(e.points(), e.expiresAt()));
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
        lots = lots.plus(e.lotId(), e.points(), e.at(), e.expiresAt());
    }

    @EventSourcingHandler
    void on(PointsAdjustedEvent e) {
        init(e.tenantId(), e.memberId());
        if (e.points() > 0) {
            lots = lots.plus(e.lotId(), e.points(), e.at(), e.expiresAt());
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
        lots = lots.less(fromLots);
    }
}
