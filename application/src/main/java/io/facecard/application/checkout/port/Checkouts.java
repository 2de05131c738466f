package io.facecard.application.checkout.port;

import io.facecard.domain.checkout.Basket;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The checkouts read model: what a till is shown of a sale. */
public interface Checkouts {
    record CheckoutView(UUID id, UUID storeId, UUID terminalId, String status, String currency, List<Basket.Line> lines,
            BigDecimal total, UUID memberId, long heldPoints, BigDecimal heldValue, String receiptNumber, long pointsEarned,
            long pointsRedeemed) {}

    Optional<CheckoutView> find(TenantId tenant, UUID checkoutId);
}
