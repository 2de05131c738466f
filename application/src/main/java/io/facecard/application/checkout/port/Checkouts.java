package io.facecard.application.checkout.port;

import io.facecard.domain.checkout.Basket;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The checkouts read model: what a till is shown of a sale. */
public interface Checkouts {
    /** @param offerDiscount what the applied personal offer takes off the total (0 without one) */
    record CheckoutView(UUID id, UUID storeId, UUID terminalId, String status, String currency, List<Basket.Line> lines,
            BigDecimal total, UUID memberId, long heldPoints, BigDecimal heldValue, String receiptNumber, long pointsEarned,
            long pointsRedeemed, BigDecimal offerDiscount) {
        /** What the customer still pays: nothing once the sale is completed or cancelled. */
        public BigDecimal due() {
            BigDecimal none = BigDecimal.ZERO.setScale(total.scale());
            if (status.equals("COMPLETED") || status.equals("CANCELLED")) {
                return none;
            }
            return total.subtract(heldValue).subtract(offerDiscount).max(none);
        }
    }

    Optional<CheckoutView> find(TenantId tenant, UUID checkoutId);
}
