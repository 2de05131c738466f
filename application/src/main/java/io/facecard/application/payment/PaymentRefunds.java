package io.facecard.application.payment;

import io.facecard.application.checkout.port.FacePayRefunds;
import io.facecard.application.payment.port.Payments.PaymentView;
import io.facecard.application.payment.port.Payments;
import io.facecard.domain.checkout.Basket;
import io.facecard.domain.payment.PaymentId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Refunds asked in the checkout's transaction (a cancellation, a return); {@link PaymentWorker}
 * sends them once it has committed. With split tender a return gives back each face-pay payment's
 * share of the money refunded, rounded down, never more than is left of the payment.
 */
@ApplicationScoped
@Transactional
public class PaymentRefunds implements FacePayRefunds {
    private PaymentRecords records;
    private Payments payments;

    protected PaymentRefunds() {}

    @Inject
    public PaymentRefunds(PaymentRecords records, Payments payments) {
        this.records = records;
        this.payments = payments;
    }

    @Override
    public void cancelled(TenantId tenant, List<Basket.Payment> paid) {
        for (Basket.Payment p : paid) {
            records.requestRefund(new PaymentId(p.paymentId()), "cancel", p.amount(), "CANCELLED");
        }
    }

    @Override
    public List<Refund> returned(TenantId tenant, UUID checkout, UUID returnId, BigDecimal refund, BigDecimal paid) {
        List<Refund> asked = new ArrayList<>();
        if (paid.signum() == 0) {
            return asked;
        }
        for (PaymentView p : payments.ofCheckout(tenant, checkout)) {
            if (!p.status().equals("SUCCEEDED")) {
                continue;
            }
            BigDecimal left = p.amount().subtract(p.refunds().stream().filter(r -> !r.status().equals("FAILED"))
                    .map(Payments.RefundView::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
            BigDecimal share = refund.multiply(p.amount()).divide(paid, p.amount().scale(), RoundingMode.FLOOR).min(left);
            if (share.signum() > 0) {
                records.requestRefund(new PaymentId(p.id()), "return-" + returnId, share, "RETURN");
                asked.add(new Refund(p.id(), p.method().name(), share, "REQUESTED"));
            }
        }
        return asked;
    }
}
