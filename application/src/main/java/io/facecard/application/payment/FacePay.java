package io.facecard.application.payment;

import io.facecard.application.payment.port.Payments.PaymentView;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.domain.payment.PaymentId;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The till pays by face. The intent is recorded first (one transaction), the provider is called
 * with no transaction open, the outcome is recorded after; a charge still open answers PENDING at
 * once and the background worker follows it, so no server thread waits on a paying buyer. The
 * same {@code Idempotency-Key} names the same payment and the same charge at the provider: a retry
 * after a timeout or a crash resumes it, never charges again.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class FacePay {
    private PaymentChecks checks;
    private PaymentRecords records;
    private PaymentSteps steps;

    protected FacePay() {}

    @Inject
    public FacePay(PaymentChecks checks, PaymentRecords records, PaymentSteps steps) {
        this.checks = checks;
        this.records = records;
        this.steps = steps;
    }

    public PaymentView pay(Caller caller, UUID checkout, String idempotencyKey, TillPayment request) {
        TenantId tenant = Permit.TILL.tenantOf(caller);
        PaymentChecks.Begun begun;
        try {
            begun = checks.begin(caller, checkout, idempotencyKey, request);
        } catch (Refusal r) {
            throw r;
        } catch (RuntimeException race) {
            // Two requests under one key began the same payment at once and this one lost: the winner's payment is found now.
            begun = checks.begin(caller, checkout, idempotencyKey, request);
        }
        PaymentId id = begun.id();
        if (begun.view().status().equals("REQUESTED")) {
            // The till's own first step; after a crash the same request resumes it (a query, or Stripe's same key).
            steps.step(tenant, id, request.authCode());
        }
        return records.view(tenant, id.value()).orElseThrow();
    }

    public PaymentView get(Caller caller, UUID checkout, UUID payment) {
        return checks.visible(caller, checkout, payment);
    }

    public List<PaymentView> list(Caller caller, UUID checkout) {
        return checks.ofCheckout(caller, checkout);
    }
}
