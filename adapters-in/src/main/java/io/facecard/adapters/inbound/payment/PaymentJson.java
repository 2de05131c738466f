package io.facecard.adapters.inbound.payment;

import io.facecard.application.payment.port.PaymentSettings;
import io.facecard.application.payment.port.Payments.PaymentView;
import io.facecard.application.payment.port.Payments.RefundView;
import io.facecard.application.payment.port.SavedCards;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The payment API's bodies. A payment shows its status as the till needs it: SUCCEEDED, PENDING or FAILED. */
public final class PaymentJson {
    private PaymentJson() {}

    public record PayRequest(String method, BigDecimal amount, String authCode, Boolean confirmedByCustomer) {}

    public record RefundBody(String refundId, BigDecimal amount, String status, String reason) {
        public static RefundBody of(RefundView r) {
            return new RefundBody(r.refundId(), r.amount(), r.status(), r.reason());
        }
    }

    public record PaymentBody(UUID paymentId, UUID checkoutId, String method, BigDecimal amount, String currency, String status,
            String reason, Instant requestedAt, Instant updatedAt, List<RefundBody> refunds) {
        public static PaymentBody of(PaymentView p) {
            String status = switch (p.status()) {
                case "SUCCEEDED", "FAILED" -> p.status();
                default -> "PENDING";
            };
            return new PaymentBody(p.id(), p.checkoutId(), p.method().name(), p.amount(), p.currency(), status, p.reason(),
                    p.requestedAt(), p.updatedAt(), p.refunds().stream().map(RefundBody::of).toList());
        }
    }

    public record PaymentList(List<PaymentBody> items) {}

    public record Settings(Double stripeFaceThreshold, BigDecimal perPaymentLimit, Boolean livenessRequired, Integer firstQuerySeconds,
            Integer queryEverySeconds, Integer payWindowSeconds, Integer reverseNotBeforeSeconds) {
        public PaymentSettings withDefaults() {
            PaymentSettings d = PaymentSettings.DEFAULT;
            return new PaymentSettings(stripeFaceThreshold, perPaymentLimit == null ? d.perPaymentLimit() : perPaymentLimit,
                    livenessRequired == null ? d.livenessRequired() : livenessRequired,
                    firstQuerySeconds == null ? d.firstQuerySeconds() : firstQuerySeconds,
                    queryEverySeconds == null ? d.queryEverySeconds() : queryEverySeconds,
                    payWindowSeconds == null ? d.payWindowSeconds() : payWindowSeconds,
                    reverseNotBeforeSeconds == null ? d.reverseNotBeforeSeconds() : reverseNotBeforeSeconds);
        }
    }

    public record CardBody(String paymentMethod, String brand, String last4, Instant savedAt) {
        public static CardBody of(SavedCards.Card c) {
            return new CardBody(c.paymentMethod(), c.brand(), c.last4(), c.savedAt());
        }
    }

    public record CardList(List<CardBody> items) {}

    public record SandboxCard(String paymentMethod) {}
}
