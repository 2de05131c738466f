package io.facecard.application.payment;

import io.facecard.application.payment.port.PaymentGateway.Result;
import io.facecard.application.payment.port.PaymentGateway.Status;
import io.facecard.application.payment.port.PaymentGateway;
import io.facecard.application.payment.port.PaymentGateways;
import io.facecard.application.payment.port.PaymentSettings;
import io.facecard.application.payment.port.PaymentSettingsStore;
import io.facecard.domain.payment.Payment;
import io.facecard.domain.payment.PaymentId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs one step of a payment or a refund: claim (a transaction), the provider call (outside any
 * transaction), the outcome (a transaction). The till's request runs the first step itself; the
 * background worker runs every later one and takes over a step whose worker died.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class PaymentSteps {
    private static final Logger LOG = Logger.getLogger(PaymentSteps.class.getName());

    private PaymentRecords records;
    private PaymentGateways gateways;
    private PaymentSettingsStore settings;

    protected PaymentSteps() {}

    @Inject
    public PaymentSteps(PaymentRecords records, PaymentGateways gateways, PaymentSettingsStore settings) {
        this.records = records;
        this.gateways = gateways;
        this.settings = settings;
    }

    /**
     * @param credential the face-pay code the till sent, when this is the till's own request (it is never stored: a step
     *     after this one queries or reverses by our reference, which needs no code)
     * @return true when a step ran
     */
    public boolean step(TenantId tenant, PaymentId id, String credential) {
        PaymentSettings s = settings.of(tenant);
        Optional<PaymentRecords.Claimed> claimed = records.claim(tenant, id, s);
        if (claimed.isEmpty()) {
            return false;
        }
        PaymentRecords.Claimed c = claimed.get();
        Result result = call(c, credential);
        records.record(tenant, id, c.step().kind(), result, s);
        return true;
    }

    private Result call(PaymentRecords.Claimed c, String credential) {
        PaymentGateway gateway = gateways.of(c.method().provider()).orElse(null);
        if (gateway == null || c.account() == null) {
            // Nothing can be sent: a charge fails, a query or reversal waits until the rail is back.
            return c.step().kind() == Payment.StepKind.CHARGE ? new Result(Status.FAILED, null, "provider-not-configured")
                    : new Result(Status.UNKNOWN, null, "provider-not-configured");
        }
        String reference = c.id().reference();
        try {
            return switch (c.step().kind()) {
                case CHARGE -> {
                    String pays = c.method().polled() ? credential : c.card();
                    if (pays == null) {
                        // A polled rail's code is gone after a crash; the charge may or may not have left: query it.
                        yield c.method().polled() ? new Result(Status.UNKNOWN, null, "code-not-kept")
                                : new Result(Status.FAILED, null, "no-saved-card");
                    }
                    yield gateway.charge(new PaymentGateway.Charge(c.account(), reference, c.amountMinor(), c.currency(), pays,
                            c.customer(), "facecard-" + c.id().value()));
                }
                case QUERY -> ((PaymentGateway.Polling) gateway).query(c.account(), reference);
                case REVERSE -> ((PaymentGateway.Polling) gateway).reverse(c.account(), reference);
            };
        } catch (RuntimeException e) {
            // An SDK that threw has not told us what happened at the provider.
            LOG.warning("payment " + c.id() + " " + c.step().kind() + ": " + e.getClass().getSimpleName());
            return new Result(Status.UNKNOWN, null, "error");
        }
    }

    /** @return true when a refund was sent */
    public boolean refund(TenantId tenant, PaymentId id, String refundId) {
        PaymentSettings s = settings.of(tenant);
        Optional<PaymentRecords.RefundClaim> claimed = records.claimRefund(tenant, id, refundId, s);
        if (claimed.isEmpty()) {
            return false;
        }
        PaymentRecords.RefundClaim r = claimed.get();
        PaymentGateway gateway = gateways.of(r.method().provider()).orElse(null);
        Result result;
        if (gateway == null || r.account() == null) {
            result = new Result(Status.UNKNOWN, null, "provider-not-configured");
        } else {
            try {
                result = gateway.refund(new PaymentGateway.Refund(r.account(), id.reference(), r.providerReference(), r.amountMinor(),
                        r.paymentMinor(), null, id.refundReference(refundId)));
            } catch (RuntimeException e) {
                LOG.warning("refund " + refundId + " of payment " + id + ": " + e.getClass().getSimpleName());
                result = new Result(Status.UNKNOWN, null, "error");
            }
        }
        records.recordRefund(tenant, id, refundId, result, s);
        return true;
    }
}
