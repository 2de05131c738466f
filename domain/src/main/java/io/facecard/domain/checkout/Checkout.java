package io.facecard.domain.checkout;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.facecard.domain.checkout.CheckoutCommands.CancelCheckout;
import io.facecard.domain.checkout.CheckoutCommands.ClearRedemption;
import io.facecard.domain.checkout.CheckoutCommands.CompleteCheckout;
import io.facecard.domain.checkout.CheckoutCommands.IdentifyCustomer;
import io.facecard.domain.checkout.CheckoutCommands.OpenCheckout;
import io.facecard.domain.checkout.CheckoutCommands.RecordRedemption;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCancelledEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCompletedEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutOpenedEvent;
import io.facecard.domain.checkout.CheckoutEvents.CustomerIdentifiedEvent;
import io.facecard.domain.checkout.CheckoutEvents.RedemptionClearedEvent;
import io.facecard.domain.checkout.CheckoutEvents.RedemptionRecordedEvent;
import io.facecard.domain.loyalty.LoyaltyRefused;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One sale at a till: basket, then customer, then redemption, then completion or cancellation.
 * The points themselves live in the member's {@code BonusAccount}; the checkout records what the
 * till was promised so completion can capture exactly that.
 */
public class Checkout {
    public enum Status { OPEN, COMPLETED, CANCELLED }

    @AggregateIdentifier
    private CheckoutId id;
    private TenantId tenantId;
    private Status status;
    private MemberId memberId;
    private long heldPoints;

    protected Checkout() {}

    @CommandHandler
    public Checkout(OpenCheckout cmd) {
        if (cmd.lines().isEmpty()) {
            throw new LoyaltyRefused("empty-basket", "a checkout needs at least one line");
        }
        apply(new CheckoutOpenedEvent(cmd.tenantId(), cmd.checkoutId(), cmd.storeId(), cmd.terminalId(), cmd.currency(),
                cmd.lines(), cmd.total(), cmd.at()));
    }

    @CommandHandler
    public void handle(IdentifyCustomer cmd) {
        requireOpen();
        if (heldPoints > 0 && !cmd.memberId().equals(memberId)) {
            throw new LoyaltyRefused("redemption-held", "points of another member are held on this checkout; release them first");
        }
        apply(new CustomerIdentifiedEvent(tenantId, id, cmd.memberId(), cmd.method(), cmd.at()));
    }

    @CommandHandler
    public void handle(RecordRedemption cmd) {
        requireOpen();
        if (memberId == null) {
            throw new LoyaltyRefused("no-member", "identify the customer before redeeming points");
        }
        apply(new RedemptionRecordedEvent(tenantId, id, cmd.points(), cmd.value(), cmd.at()));
    }

    @CommandHandler
    public void handle(ClearRedemption cmd) {
        requireOpen();
        if (heldPoints > 0) {
            apply(new RedemptionClearedEvent(tenantId, id, heldPoints, cmd.reason(), cmd.at()));
        }
    }

    @CommandHandler
    public void handle(CompleteCheckout cmd) {
        requireOpen();
        apply(new CheckoutCompletedEvent(tenantId, id, memberId, cmd.receiptNumber(), cmd.payments(), cmd.pointsEarned(),
                cmd.pointsRedeemed(), cmd.at()));
    }

    @CommandHandler
    public void handle(CancelCheckout cmd) {
        requireOpen();
        apply(new CheckoutCancelledEvent(tenantId, id, cmd.reason(), cmd.at()));
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new LoyaltyRefused("checkout-" + status.name().toLowerCase(java.util.Locale.ROOT),
                    "the checkout is " + status.name().toLowerCase(java.util.Locale.ROOT) + " and cannot change");
        }
    }

    @EventSourcingHandler
    void on(CheckoutOpenedEvent e) {
        id = e.checkoutId();
        tenantId = e.tenantId();
        status = Status.OPEN;
    }

    @EventSourcingHandler
    void on(CustomerIdentifiedEvent e) {
        memberId = e.memberId();
    }

    @EventSourcingHandler
    void on(RedemptionRecordedEvent e) {
        heldPoints = e.points();
    }

    @EventSourcingHandler
    void on(RedemptionClearedEvent e) {
        heldPoints = 0;
    }

    @EventSourcingHandler
    void on(CheckoutCompletedEvent e) {
        status = Status.COMPLETED;
    }

    @EventSourcingHandler
    void on(CheckoutCancelledEvent e) {
        status = Status.CANCELLED;
    }
}
