package io.facecard.domain.checkout;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.facecard.domain.checkout.CheckoutCommands.CancelCheckout;
import io.facecard.domain.checkout.CheckoutCommands.ClearRedemption;
import io.facecard.domain.checkout.CheckoutCommands.CompleteCheckout;
import io.facecard.domain.checkout.CheckoutCommands.IdentifyCustomer;
import io.facecard.domain.checkout.CheckoutCommands.OpenCheckout;
import io.facecard.domain.checkout.CheckoutCommands.RedeemPoints;
import io.facecard.domain.checkout.CheckoutCommands.StartPayment;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCancelledEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCompletedEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutOpenedEvent;
import io.facecard.domain.checkout.CheckoutEvents.CustomerIdentifiedEvent;
import io.facecard.domain.checkout.CheckoutEvents.PaymentStartedEvent;
import io.facecard.domain.checkout.CheckoutEvents.RedemptionClearedEvent;
import io.facecard.domain.checkout.CheckoutEvents.RedemptionRecordedEvent;
import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.domain.loyalty.Points;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.money.Money;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One sale at a till. It decides what the till may do at each step: whether it is still open,
 * whether points may be redeemed and how many (the program's cap on the basket), whether the
 * payments cover what is due and how many points the sale earns. The points themselves live in
 * the member's {@code BonusAccount}; the checkout records what the till was promised, and answers
 * with what the account must do (capture, release), so the use case only carries it there.
 */
public class Checkout {
    /**
     * OPEN (basket only) → IDENTIFIED (a customer is attached) → PAYING (a payment is in flight:
     * basket, customer and redemption are frozen) → COMPLETED, or CANCELLED before PAYING.
     */
    public enum Status { OPEN, IDENTIFIED, PAYING, COMPLETED, CANCELLED }

    /** A redemption decided: its value and what is left to pay. */
    public record Redeemed(MemberId member, Points points, Money value, Money due) {}

    /** Points a hold reserved that the account must now release (none when nothing was held). */
    public record Released(MemberId member, Points points) {
        public boolean any() {
            return member != null && !points.isNone();
        }
    }

    /** A completion decided: the receipt's lines with their points, what was earned and redeemed, what was paid. */
    public record Completed(MemberId member, List<Basket.ReceiptLine> lines, Points earned, Points redeemed, Money paid, Money total) {}

    @AggregateIdentifier
    private CheckoutId id;
    private TenantId tenantId;
    private Status status;
    private String currency;
    private List<Basket.Line> lines;
    private BigDecimal total;
    private MemberId memberId;
    private long heldPoints;
    private BigDecimal heldValue;

    protected Checkout() {}

    @CommandHandler
    public Checkout(OpenCheckout cmd) {
        if (cmd.lines().isEmpty()) {
            throw new Refusal(CheckoutRule.EMPTY_BASKET, "a checkout needs at least one line");
        }
        apply(new CheckoutOpenedEvent(cmd.tenantId(), cmd.checkoutId(), cmd.storeId(), cmd.terminalId(), cmd.currency(),
                cmd.lines(), cmd.total(), cmd.at()));
    }

    @CommandHandler
    public void handle(IdentifyCustomer cmd) {
        requireChangeable();
        if (heldPoints > 0 && !cmd.memberId().equals(memberId)) {
            throw new Refusal(CheckoutRule.REDEMPTION_HELD, "points of another member are held on this checkout; release them first");
        }
        apply(new CustomerIdentifiedEvent(tenantId, id, cmd.memberId(), cmd.method(), cmd.at()));
    }

    /** A second redemption replaces the first (the account replaces the hold of the same id). */
    @CommandHandler
    public Redeemed handle(RedeemPoints cmd) {
        requireChangeable();
        if (memberId == null) {
            throw new Refusal(CheckoutRule.NO_MEMBER, "identify the customer before redeeming points");
        }
        if (cmd.points() <= 0) {
            throw Refusal.invalid("'points' must be a whole number above 0");
        }
        LoyaltyProgram p = cmd.program();
        long limit = p.redeemable(total, Long.MAX_VALUE);
        if (cmd.points() > limit) {
            throw new Refusal(CheckoutRule.REDEEM_LIMIT, "at most " + limit + " points may pay for this basket ("
                    + p.maxRedeemShare().stripTrailingZeros().toPlainString() + " of it)");
        }
        BigDecimal value = p.valueOf(cmd.points(), total.scale());
        apply(new RedemptionRecordedEvent(tenantId, id, cmd.points(), value, cmd.at()));
        return new Redeemed(memberId, Points.of(cmd.points()), money(value), money(total.subtract(value)));
    }

    @CommandHandler
    public Released handle(ClearRedemption cmd) {
        requireChangeable();
        return clear(cmd.reason(), cmd.at());
    }

    /** The payment issue's step: from here the sale is frozen until the payment completes it. */
    @CommandHandler
    public void handle(StartPayment cmd) {
        requireChangeable();
        apply(new PaymentStartedEvent(tenantId, id, cmd.method(), money(due()).amount(), cmd.at()));
    }

    @CommandHandler
    public Completed handle(CompleteCheckout cmd) {
        requireUnfinished();
        BigDecimal due = due();
        Basket.requireCovers(cmd.payments(), due);
        List<Basket.ReceiptLine> receipt = memberId == null ? List.of()
                : Earning.receiptLines(cmd.program(), Optional.ofNullable(cmd.tier()), lines, total, due, heldPoints);
        long earned = Earning.earned(receipt);
        long redeemed = memberId == null ? 0 : heldPoints;
        apply(new CheckoutCompletedEvent(tenantId, id, memberId, cmd.receiptNumber(), cmd.payments(), earned, redeemed, cmd.at()));
        return new Completed(memberId, receipt, Points.of(earned), Points.of(redeemed), money(due), money(total));
    }

    @CommandHandler
    public Released handle(CancelCheckout cmd) {
        requireChangeable();
        // The cancellation itself ends the redemption: no separate clearing event.
        Released released = new Released(memberId, Points.of(heldPoints));
        apply(new CheckoutCancelledEvent(tenantId, id, cmd.reason(), cmd.at()));
        return released;
    }

    private Released clear(String reason, java.time.Instant at) {
        if (heldPoints == 0) {
            return new Released(memberId, Points.NONE);
        }
        long points = heldPoints;
        apply(new RedemptionClearedEvent(tenantId, id, points, reason, at));
        return new Released(memberId, Points.of(points));
    }

    /** Where the sale stands; the API shows OPEN for every state before COMPLETED or CANCELLED. */
    Status status() {
        return status;
    }

    private BigDecimal due() {
        return heldValue == null ? total : total.subtract(heldValue);
    }

    private Money money(BigDecimal amount) {
        return new Money(amount, currency);
    }

    /** Basket, customer and redemption may change until a payment starts. */
    private void requireChangeable() {
        requireUnfinished();
        if (status == Status.PAYING) {
            throw new Refusal(CheckoutRule.CHECKOUT_PAYING, "a payment is in progress on this checkout; it cannot change now");
        }
    }

    private void requireUnfinished() {
        if (status == Status.COMPLETED || status == Status.CANCELLED) {
            String state = status.name().toLowerCase(java.util.Locale.ROOT);
            throw new Refusal(status == Status.COMPLETED ? CheckoutRule.CHECKOUT_COMPLETED : CheckoutRule.CHECKOUT_CANCELLED,
                    "the checkout is " + state + " and cannot change");
        }
    }

    @EventSourcingHandler
    void on(CheckoutOpenedEvent e) {
        id = e.checkoutId();
        tenantId = e.tenantId();
        currency = e.currency();
        lines = e.lines();
        total = e.total();
        status = Status.OPEN;
    }

    @EventSourcingHandler
    void on(CustomerIdentifiedEvent e) {
        memberId = e.memberId();
        status = Status.IDENTIFIED;
    }

    @EventSourcingHandler
    void on(RedemptionRecordedEvent e) {
        heldPoints = e.points();
        heldValue = e.value();
    }

    @EventSourcingHandler
    void on(RedemptionClearedEvent e) {
        heldPoints = 0;
        heldValue = null;
    }

    @EventSourcingHandler
    void on(PaymentStartedEvent e) {
        status = Status.PAYING;
    }

    @EventSourcingHandler
    void on(CheckoutCompletedEvent e) {
        status = Status.COMPLETED;
    }

    @EventSourcingHandler
    void on(CheckoutCancelledEvent e) {
        status = Status.CANCELLED;
        heldPoints = 0;
    }
}
