package io.facecard.application.payment;

import io.facecard.application.payment.port.PaymentGateways;
import io.facecard.application.payment.port.PaymentHistory;
import io.facecard.application.security.Caller;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * What a newcomer's first integration did against the sandbox's payment rails, for their own tenant only: the
 * payments, refunds and provider notifications, newest first, each with its times. 404 in live mode.
 */
@ApplicationScoped
@Transactional
public class SandboxPayments {
    static final int SHOWN = 50;

    public record View(List<PaymentHistory.PaymentLine> payments, List<PaymentHistory.RefundLine> refunds,
            List<PaymentHistory.NotificationLine> notifications) {}

    private PaymentHistory history;
    private PaymentGateways gateways;

    protected SandboxPayments() {}

    @Inject
    public SandboxPayments(PaymentHistory history, PaymentGateways gateways) {
        this.history = history;
        this.gateways = gateways;
    }

    public View recent(Caller caller) {
        var tenant = PaymentProviders.ADMIN.tenantOf(caller); // the admin who set the providers up sees what they did
        if (!gateways.sandbox()) {
            throw Refusal.notFound("this path");
        }
        return new View(history.payments(tenant, SHOWN), history.refunds(tenant, SHOWN), history.notifications(tenant, SHOWN));
    }
}
