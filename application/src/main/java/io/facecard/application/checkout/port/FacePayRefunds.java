package io.facecard.application.checkout.port;

import io.facecard.domain.checkout.Basket;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Port out: money paid by face goes back through the provider that took it. The checkout decides
 * what is owed back (a cancelled sale all of it, a return its share); the payment context asks its
 * provider, once per reason, after the transaction commits.
 */
public interface FacePayRefunds {
    /** A cancelled sale: each face-pay payment in full. */
    void cancelled(TenantId tenant, List<Basket.Payment> paid);

    /**
     * A return of {@code refund} out of {@code paid} money: each face-pay payment of the checkout gives back its share.
     *
     * @return the refunds asked, one per face-pay payment
     */
    List<Refund> returned(TenantId tenant, UUID checkout, UUID returnId, BigDecimal refund, BigDecimal paid);

    record Refund(UUID paymentId, String method, BigDecimal amount, String status) {}
}
