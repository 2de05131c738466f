package io.facecard.domain.checkout;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.facecard.domain.checkout.CheckoutCommands.ApplyOffer;
import io.facecard.domain.checkout.CheckoutCommands.CancelCheckout;
import io.facecard.domain.checkout.CheckoutCommands.ClearRedemption;
import io.facecard.domain.checkout.CheckoutCommands.CompleteCheckout;
import io.facecard.domain.checkout.CheckoutCommands.IdentifyCustomer;
import io.facecard.domain.checkout.CheckoutCommands.OpenCheckout;
import io.facecard.domain.checkout.CheckoutCommands.RedeemPoints;
import io.facecard.domain.checkout.CheckoutCommands.RemoveOffer;
import io.facecard.domain.checkout.CheckoutCommands.SettlePayment;
import io.facecard.domain.checkout.CheckoutCommands.StartPayment;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCancelledEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCompletedEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutOpenedEvent;
import io.facecard.domain.checkout.CheckoutEvents.CustomerIdentifiedEvent;
import io.facecard.domain.checkout.CheckoutEvents.OfferAppliedEvent;
import io.facecard.domain.checkout.CheckoutEvents.OfferRemovedEvent;
import io.facecard.domain.checkout.CheckoutEvents.PaymentSettledEvent;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
     * OPEN (basket only) → IDENTIFIED (a customer is attached) → PAYING (a face-pay payment is in
     * flight or has succeeded: basket, customer and redemption are frozen) → COMPLETED, or
     * CANCELLED (when a payment had succeeded, it is refunded).
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

    /** A cancellation decided: the points to release, the face-pay payments to refund, the offer to give back (null: none). */
    public record Cancelled(Released released, List<Basket.Payment> refund, UUID offer) {
        public Cancelled(Released released, List<Basket.Payment> refund) {
            this(released, refund, null);
        }
    }

    /**
     * A completion decided: the receipt's lines with their points, what was earned (the offer's
     * points included) and redeemed, what was paid; the offer redeemed with it (null: none).
     */
    /** @param offerPoints what the applied offer added to {@code earned} */
    public record Completed(MemberId member, List<Basket.ReceiptLine> lines, Points earned, Points redeemed, Money paid, Money total,
            UUID offer, Money discount, long offerPoints) {
        public Completed(MemberId member, List<Basket.ReceiptLine> lines, Points earned, Points redeemed, Money paid, Money total) {
            this(member, lines, earned, redeemed, paid, total, null, null, 0);
        }
    }

    /** An offer applied: its discount and what is left to pay. */
    public record OfferApplied(UUID offerId, Money discount, Money due) {}

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
    private FaceProof proof;
    private OfferEffect.Offer offer;
    private BigDecimal discount;
    private Status beforePaying;
    private UUID pendingPayment;
    private final Map<UUID, Basket.Payment> started = new LinkedHashMap<>();
    private final Map<UUID, Basket.Payment> paid = new LinkedHashMap<>();

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
        if (offer != null && !cmd.memberId().equals(memberId)) {
            throw new Refusal(CheckoutRule.OFFER_APPLIED, "another member's offer is applied to this checkout; remove it first");
        }
        apply(new CustomerIdentifiedEvent(tenantId, id, cmd.memberId(), cmd.method(), cmd.proof(), cmd.at()));
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
        BigDecimal afterDiscount = total.subtract(discount());
        long limit = p.redeemable(afterDiscount, Long.MAX_VALUE);
        if (cmd.points() > limit) {
            throw new Refusal(CheckoutRule.REDEEM_LIMIT, "at most " + limit + " points may pay for this basket ("
                    + p.maxRedeemShare().stripTrailingZeros().toPlainString() + " of it)");
        }
        BigDecimal value = p.valueOf(cmd.points(), total.scale());
        apply(new RedemptionRecordedEvent(tenantId, id, cmd.points(), value, cmd.at()));
        return new Redeemed(memberId, Points.of(cmd.points()), money(value), money(afterDiscount.subtract(value)));
    }

    /**
     * A personal offer applied: the identified member's, one per checkout, before points are
     * redeemed (the redemption cap is counted on what the discount leaves). The same offer again
     * changes nothing.
     */
    @CommandHandler
    public OfferApplied handle(ApplyOffer cmd) {
        requireChangeable();
        if (memberId == null) {
            throw new Refusal(CheckoutRule.NO_MEMBER, "identify the customer before applying their offer");
        }
        OfferEffect.Offer o = cmd.offer();
        if (offer != null) {
            if (offer.offerId().equals(o.offerId())) {
                return new OfferApplied(o.offerId(), money(discount()), money(due()));
            }
            throw new Refusal(CheckoutRule.OFFER_APPLIED, "offer " + offer.offerId() + " is applied to this checkout; remove it first");
        }
        if (heldPoints > 0) {
            throw new Refusal(CheckoutRule.REDEMPTION_HELD, "points are redeemed on this checkout; apply the offer first, then redeem");
        }
        if (!OfferEffect.applies(o, lines, total)) {
            throw new Refusal(CheckoutRule.OFFER_NOT_APPLICABLE, "'" + o.title() + "' gives nothing on this basket");
        }
        BigDecimal off = OfferEffect.discount(o, lines, total);
        apply(new OfferAppliedEvent(tenantId, id, memberId, o, off, cmd.at()));
        return new OfferApplied(o.offerId(), money(off), money(due()));
    }

    /** @return the offer removed, or null when it was not applied */
    @CommandHandler
    public UUID handle(RemoveOffer cmd) {
        requireChangeable();
        if (offer == null || !offer.offerId().equals(cmd.offerId())) {
            return null;
        }
        if (heldPoints > 0 && discount().signum() > 0) {
            throw new Refusal(CheckoutRule.REDEMPTION_HELD, "points are redeemed on what the offer left to pay; release them first");
        }
        apply(new OfferRemovedEvent(tenantId, id, cmd.offerId(), cmd.at()));
        return cmd.offerId();
    }

    @CommandHandler
    public Released handle(ClearRedemption cmd) {
        requireChangeable();
        return clear(cmd.reason(), cmd.at());
    }

    /**
     * A face-pay payment begins. One is pending at a time; it may pay at most what is left after the
     * points and the payments that already succeeded; a payment by our own face match needs the
     * identification to be strong enough.
     */
    @CommandHandler
    public void handle(StartPayment cmd) {
        requireUnfinished();
        if (started.containsKey(cmd.paymentId())) {
            return; // the same payment asked again: it began already
        }
        if (pendingPayment != null) {
            throw new Refusal(CheckoutRule.PAYMENT_PENDING, "payment " + pendingPayment + " of this checkout is still pending; wait for it");
        }
        if (cmd.needs() != null) {
            if (memberId == null) {
                throw new Refusal(CheckoutRule.NO_MEMBER, "identify the customer by face before paying by face");
            }
            String shortOf = proof == null ? "the customer was not identified by face" : proof.shortOf(cmd.needs());
            if (shortOf != null) {
                throw new Refusal(CheckoutRule.FACE_NOT_ENOUGH, shortOf);
            }
        }
        BigDecimal left = due().subtract(sum(paid.values()));
        if (cmd.amount().signum() <= 0 || cmd.amount().compareTo(left) > 0) {
            throw new Refusal(CheckoutRule.PAYMENT_AMOUNT, "a payment of " + cmd.amount().toPlainString() + " is not possible: "
                    + left.toPlainString() + " is left to pay");
        }
        apply(new PaymentStartedEvent(tenantId, id, cmd.paymentId(), cmd.method(), cmd.amount(), cmd.at()));
    }

    @CommandHandler
    public void handle(SettlePayment cmd) {
        if (!started.containsKey(cmd.paymentId()) || paid.containsKey(cmd.paymentId())
                || (!cmd.paymentId().equals(pendingPayment) && !cmd.succeeded())) {
            return; // settled already
        }
        apply(new PaymentSettledEvent(tenantId, id, cmd.paymentId(), cmd.succeeded(), cmd.at()));
    }

    private static BigDecimal sum(Collection<Basket.Payment> payments) {
        return payments.stream().map(Basket.Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Every face-pay payment that succeeded is on the receipt once, as it was paid; nothing else claims a payment id. */
    private void requireFacePaymentsListed(List<Basket.Payment> payments) {
        if (pendingPayment != null) {
            throw new Refusal(CheckoutRule.PAYMENT_PENDING, "payment " + pendingPayment + " is still pending; complete when it has ended");
        }
        Set<UUID> listed = new HashSet<>();
        for (Basket.Payment p : payments) {
            boolean facePay = Basket.FACE_PAY_METHODS.contains(p.method());
            if (!facePay && p.paymentId() == null) {
                continue;
            }
            Basket.Payment ours = p.paymentId() == null ? null : paid.get(p.paymentId());
            if (!facePay || ours == null || !ours.method().equals(p.method()) || ours.amount().compareTo(p.amount()) != 0
                    || !listed.add(p.paymentId())) {
                throw new Refusal(CheckoutRule.PAYMENT_MISMATCH, p.method() + " " + p.amount().toPlainString()
                        + (p.paymentId() == null ? " names no paymentId" : " does not match a succeeded payment " + p.paymentId())
                        + " of this checkout");
            }
        }
        if (listed.size() != paid.size()) {
            throw new Refusal(CheckoutRule.PAYMENT_MISMATCH, "every succeeded face-pay payment must be listed: " + paid.keySet());
        }
    }

    @CommandHandler
    public Completed handle(CompleteCheckout cmd) {
        requireUnfinished();
        BigDecimal due = due();
        requireFacePaymentsListed(cmd.payments());
        Basket.requireCovers(cmd.payments(), due);
        List<Basket.ReceiptLine> receipt = memberId == null ? List.of()
                : Earning.receiptLines(cmd.program(), Optional.ofNullable(cmd.tier()), lines, total, due, heldPoints);
        long offerPoints = offer == null || memberId == null ? 0 : OfferEffect.extraPoints(offer, receipt);
        long earned = Earning.earned(receipt) + offerPoints;
        long redeemed = memberId == null ? 0 : heldPoints;
        apply(new CheckoutCompletedEvent(tenantId, id, memberId, cmd.receiptNumber(), cmd.payments(), earned, redeemed, cmd.at()));
        return new Completed(memberId, receipt, Points.of(earned), Points.of(redeemed), money(due), money(total),
                offer == null ? null : offer.offerId(), offer == null ? null : money(discount()), offerPoints);
    }

    /** A checkout whose face-pay payments succeeded may still be cancelled: the event names them, and they are refunded. */
    @CommandHandler
    public Cancelled handle(CancelCheckout cmd) {
        requireUnfinished();
        if (pendingPayment != null) {
            throw new Refusal(CheckoutRule.PAYMENT_PENDING, "payment " + pendingPayment + " is still pending; cancel when it has ended");
        }
        // The cancellation itself ends the redemption: no separate clearing event.
        Released released = new Released(memberId, Points.of(heldPoints));
        List<Basket.Payment> refund = new ArrayList<>(paid.values());
        apply(new CheckoutCancelledEvent(tenantId, id, cmd.reason(), refund, cmd.at()));
        return new Cancelled(released, refund, offer == null ? null : offer.offerId());
    }

    private Released clear(String reason, Instant at) {
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

    /** What is left to pay: the basket less the offer's discount, less the points' value. */
    private BigDecimal due() {
        BigDecimal left = total.subtract(discount());
        return heldValue == null ? left : left.subtract(heldValue);
    }

    private BigDecimal discount() {
        return discount == null ? BigDecimal.ZERO : discount;
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
            String state = status.name().toLowerCase(Locale.ROOT);
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
        proof = e.proof();
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
    void on(OfferAppliedEvent e) {
        offer = e.offer();
        discount = e.discount();
    }

    @EventSourcingHandler
    void on(OfferRemovedEvent e) {
        offer = null;
        discount = null;
    }

    @EventSourcingHandler
    void on(PaymentStartedEvent e) {
        if (status != Status.PAYING) {
            beforePaying = status;
        }
        status = Status.PAYING;
        pendingPayment = e.paymentId();
        started.put(e.paymentId(), new Basket.Payment(e.method(), e.amount(), e.paymentId()));
    }

    @EventSourcingHandler
    void on(PaymentSettledEvent e) {
        if (e.paymentId().equals(pendingPayment)) {
            pendingPayment = null;
        }
        if (e.succeeded()) {
            paid.put(e.paymentId(), started.get(e.paymentId()));
        }
        if (pendingPayment == null && paid.isEmpty()) {
            status = beforePaying; // nothing was paid: the sale may change again
        }
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
