package io.facecard.domain.checkout;

import io.facecard.domain.Published;
import io.facecard.domain.checkout.Basket.Line;
import io.facecard.domain.checkout.Basket.Payment;
import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

@Published("payment freezes the checkout it charges and settles it when the charge ends")
public final class CheckoutCommands {
    private CheckoutCommands() {}

    public record OpenCheckout(@TargetAggregateIdentifier CheckoutId checkoutId, TenantId tenantId, UUID storeId, UUID terminalId,
            String currency, List<Line> lines, BigDecimal total, Instant at) {}

    /** @param proof how strongly a face identified the member (null when not by face) */
    public record IdentifyCustomer(@TargetAggregateIdentifier CheckoutId checkoutId, MemberId memberId, String method, FaceProof proof,
            Instant at) {
        public IdentifyCustomer(CheckoutId checkoutId, MemberId memberId, String method, Instant at) {
            this(checkoutId, memberId, method, null, at);
        }
    }

    /** The program comes in as a value: the checkout decides the cap and the value from it. */
    public record RedeemPoints(@TargetAggregateIdentifier CheckoutId checkoutId, long points, LoyaltyProgram program, Instant at) {}

    public record ClearRedemption(@TargetAggregateIdentifier CheckoutId checkoutId, String reason, Instant at) {}

    /** The program and the member's tier (null: none) come in as values; the checkout decides the points earned. */
    public record CompleteCheckout(@TargetAggregateIdentifier CheckoutId checkoutId, String receiptNumber, List<Payment> payments,
            LoyaltyProgram program, LoyaltyProgram.Tier tier, Instant at) {}

    /**
     * A face-pay payment of {@code amount} begins: the sale is frozen from now on.
     * @param needs what the identification must show for this method (null: nothing, the provider's device checked the face)
     */
    public record StartPayment(@TargetAggregateIdentifier CheckoutId checkoutId, UUID paymentId, String method, BigDecimal amount,
            FaceProof.Needed needs, Instant at) {}

    /** The payment reached its end at the provider. */
    public record SettlePayment(@TargetAggregateIdentifier CheckoutId checkoutId, UUID paymentId, boolean succeeded, Instant at) {}

    /** A personal offer, held for this checkout by the marketing side, applied to the basket. */
    public record ApplyOffer(@TargetAggregateIdentifier CheckoutId checkoutId, OfferEffect.Offer offer, Instant at) {}

    public record RemoveOffer(@TargetAggregateIdentifier CheckoutId checkoutId, UUID offerId, Instant at) {}

    public record CancelCheckout(@TargetAggregateIdentifier CheckoutId checkoutId, String reason, Instant at) {}

    public record IssueReceipt(@TargetAggregateIdentifier ReceiptId receiptId, TenantId tenantId, String receiptNumber,
            MemberId memberId, CheckoutId checkoutId, UUID storeId, String currency, List<Basket.ReceiptLine> lines,
            BigDecimal total, BigDecimal paid, UUID lotId, long pointsEarned, long pointsRedeemed, Instant occurredAt, Instant at) {}

    public record ReturnLines(@TargetAggregateIdentifier ReceiptId receiptId, UUID returnId, List<Returned> lines, Instant at) {}

    public record Returned(String sku, BigDecimal quantity) {}
}
