package io.facecard.domain.checkout;

import io.facecard.domain.checkout.Basket.Line;
import io.facecard.domain.checkout.Basket.Payment;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class CheckoutCommands {
    private CheckoutCommands() {}

    public record OpenCheckout(@TargetAggregateIdentifier CheckoutId checkoutId, TenantId tenantId, UUID storeId, UUID terminalId,
            String currency, List<Line> lines, BigDecimal total, Instant at) {}

    public record IdentifyCustomer(@TargetAggregateIdentifier CheckoutId checkoutId, MemberId memberId, String method, Instant at) {}

    public record RecordRedemption(@TargetAggregateIdentifier CheckoutId checkoutId, long points, BigDecimal value, Instant at) {}

    public record ClearRedemption(@TargetAggregateIdentifier CheckoutId checkoutId, String reason, Instant at) {}

    public record CompleteCheckout(@TargetAggregateIdentifier CheckoutId checkoutId, String receiptNumber, List<Payment> payments,
            long pointsEarned, long pointsRedeemed, Instant at) {}

    public record CancelCheckout(@TargetAggregateIdentifier CheckoutId checkoutId, String reason, Instant at) {}

    public record IssueReceipt(@TargetAggregateIdentifier ReceiptId receiptId, TenantId tenantId, String receiptNumber,
            MemberId memberId, CheckoutId checkoutId, UUID storeId, String currency, List<Basket.ReceiptLine> lines,
            BigDecimal total, BigDecimal paid, UUID lotId, long pointsEarned, long pointsRedeemed, Instant occurredAt, Instant at) {}

    public record ReturnLines(@TargetAggregateIdentifier ReceiptId receiptId, UUID returnId, List<Returned> lines, Instant at) {}

    public record Returned(String sku, BigDecimal quantity) {}
}
