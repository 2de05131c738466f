package io.facecard.domain.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.facecard.domain.checkout.CheckoutId;
import io.facecard.domain.checkout.CheckoutRule;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.payment.PaymentCommands.ClaimRefund;
import io.facecard.domain.payment.PaymentCommands.ClaimStep;
import io.facecard.domain.payment.PaymentCommands.RecordRefund;
import io.facecard.domain.payment.PaymentCommands.RecordStep;
import io.facecard.domain.payment.PaymentCommands.RequestPayment;
import io.facecard.domain.payment.PaymentCommands.RequestRefund;
import io.facecard.domain.payment.PaymentEvents.PaymentAwaitingEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentFailedEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentRequestedEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentReversedEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentReversingEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentStepClaimedEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentSucceededEvent;
import io.facecard.domain.payment.PaymentEvents.RefundAwaitingEvent;
import io.facecard.domain.payment.PaymentEvents.RefundClaimedEvent;
import io.facecard.domain.payment.PaymentEvents.RefundFailedEvent;
import io.facecard.domain.payment.PaymentEvents.RefundRequestedEvent;
import io.facecard.domain.payment.PaymentEvents.RefundSucceededEvent;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One charge at a provider and its refunds. The intent is recorded before the provider is called;
 * every call is a claimed step with a lease, so exactly one worker (the till's request, or the
 * background worker after a crash) talks to the provider about it at a time, and a step cut off by
 * a crash is taken over when its lease ends. It decides what comes next: charge, query while the
 * buyer pays, reverse once the window has passed. A charge is never sent under a new reference:
 * a rail that keeps charges open is queried, Stripe is asked again under the same idempotency key.
 */
public class Payment {
    /** REQUESTED → (PENDING ↔ …) → SUCCEEDED | FAILED; PENDING past its window → REVERSING → FAILED (reversed). */
    public enum Status { REQUESTED, PENDING, REVERSING, SUCCEEDED, FAILED }

    public enum StepKind { CHARGE, QUERY, REVERSE }

    /** What the provider said: for a reversal SUCCEEDED means no money has moved. */
    public record Answer(Outcome outcome, String providerReference, String reason) {
        public static Answer of(Outcome outcome, String providerReference, String reason) {
            return new Answer(outcome, providerReference, reason);
        }
    }

    public enum Outcome { SUCCEEDED, PENDING, FAILED, UNKNOWN }

    /** A step to run now, or none. */
    public record Step(StepKind kind, int attempt) {}

    private record Refund(BigDecimal amount, boolean done, boolean failed, Instant claimedUntil) {
        Refund claimed(Instant until) {
            return new Refund(amount, done, failed, until);
        }
    }

    @AggregateIdentifier
    private PaymentId id;
    private TenantId tenantId;
    private CheckoutId checkoutId;
    private PaymentMethod method;
    private BigDecimal amount;
    private Status status;
    private Instant requestedAt;
    private Instant claimedUntil;
    private Instant nextAt;
    private int attempts;
    private boolean charged;
    private boolean queried;
    private String providerReference;
    private final Map<String, Refund> refunds = new LinkedHashMap<>();

    protected Payment() {}

    @CommandHandler
    public Payment(RequestPayment cmd) {
        if (cmd.amount().signum() <= 0) {
            throw new Refusal(CheckoutRule.PAYMENT_AMOUNT, "a payment needs an amount above 0");
        }
        apply(new PaymentRequestedEvent(cmd.tenantId(), cmd.paymentId(), cmd.checkoutId(), cmd.memberId(), cmd.method(), cmd.amount(),
                cmd.currency(), cmd.fingerprint(), cmd.at()));
    }

    /** @return the step to run now, or null: nothing is due, it is final, or another worker holds the lease */
    @CommandHandler
    public Step handle(ClaimStep cmd) {
        StepKind kind = due(cmd.timings(), cmd.at());
        if (kind == null) {
            return null;
        }
        if (kind == StepKind.REVERSE && status == Status.PENDING) {
            apply(new PaymentReversingEvent(tenantId, id, cmd.at(), cmd.at()));
        }
        apply(new PaymentStepClaimedEvent(tenantId, id, kind, attempts + 1, cmd.at().plus(cmd.timings().lease()), cmd.at()));
        return new Step(kind, attempts);
    }

    private StepKind due(PaymentTimings t, Instant at) {
        if (status == Status.SUCCEEDED || status == Status.FAILED || (claimedUntil != null && at.isBefore(claimedUntil))) {
            return null;
        }
        if (status == Status.REVERSING) {
            return at.isBefore(nextAt) ? null : StepKind.REVERSE;
        }
        Instant windowEnd = requestedAt.plus(t.payWindow());
        // A charge whose answer never came is queried at least once before it is reversed, however long the call took.
        if (!at.isBefore(windowEnd) && !at.isBefore(requestedAt.plus(t.reverseNotBefore())) && method.polled() && queried) {
            return StepKind.REVERSE;
        }
        if (status == Status.REQUESTED && !charged) {
            return StepKind.CHARGE;
        }
        if (nextAt != null && at.isBefore(nextAt)) {
            return null;
        }
        // Stripe answers a repeated create under the same idempotency key with the first outcome: that is its query.
        if (!method.polled()) {
            return at.isBefore(windowEnd) ? StepKind.CHARGE : null;
        }
        return StepKind.QUERY;
    }

    @CommandHandler
    public Status handle(RecordStep cmd) {
        if (status == Status.SUCCEEDED || status == Status.FAILED) {
            return status; // a late answer to a step already decided by another: the first decision stands
        }
        Answer a = cmd.answer();
        Instant at = cmd.at();
        if (cmd.kind() == StepKind.REVERSE) {
            if (a.outcome() == Outcome.SUCCEEDED) {
                apply(new PaymentReversedEvent(tenantId, id, checkoutId, at));
            } else {
                // "payment in progress" or no answer: the reversal is asked again, never given up.
                apply(new PaymentAwaitingEvent(tenantId, id, StepKind.REVERSE, reason(a), at.plus(cmd.timings().queryEvery()), at));
            }
            return status;
        }
        switch (a.outcome()) {
            case SUCCEEDED -> apply(new PaymentSucceededEvent(tenantId, id, checkoutId, a.providerReference(), at));
            case FAILED -> apply(new PaymentFailedEvent(tenantId, id, checkoutId, reason(a), at));
            default -> {
                boolean unknownCharge = cmd.kind() == StepKind.CHARGE && a.outcome() == Outcome.UNKNOWN;
                Instant next = at.plus(unknownCharge ? cmd.timings().firstQuery() : cmd.timings().queryEvery());
                apply(new PaymentAwaitingEvent(tenantId, id, cmd.kind(), reason(a), next, at));
            }
        }
        return status;
    }

    private static String reason(Answer a) {
        return a.reason() != null ? a.reason() : a.outcome().name().toLowerCase(Locale.ROOT);
    }

    /** @return true when the refund is new; a refund of the same id asked again changes nothing */
    @CommandHandler
    public boolean handle(RequestRefund cmd) {
        if (refunds.containsKey(cmd.refundId())) {
            return false;
        }
        if (status != Status.SUCCEEDED) {
            throw new Refusal(PaymentRule.REFUND_EXCEEDS_PAYMENT, "only a succeeded payment can be refunded; this one is " + status);
        }
        BigDecimal asked = refunds.values().stream().filter(r -> !r.failed()).map(Refund::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (cmd.amount().signum() <= 0 || asked.add(cmd.amount()).compareTo(amount) > 0) {
            throw new Refusal(PaymentRule.REFUND_EXCEEDS_PAYMENT, "at most " + amount.subtract(asked).toPlainString()
                    + " of this payment is left to refund");
        }
        apply(new RefundRequestedEvent(tenantId, id, cmd.refundId(), cmd.amount(), cmd.reason(), cmd.at()));
        return true;
    }

    /** @return the amount to refund now, or null when the refund is done or another worker holds it */
    @CommandHandler
    public BigDecimal handle(ClaimRefund cmd) {
        Refund r = refunds.get(cmd.refundId());
        if (r == null || r.done() || r.failed() || (r.claimedUntil() != null && cmd.at().isBefore(r.claimedUntil()))) {
            return null;
        }
        apply(new RefundClaimedEvent(tenantId, id, cmd.refundId(), cmd.at().plus(cmd.timings().lease()), cmd.at()));
        return r.amount();
    }

    @CommandHandler
    public void handle(RecordRefund cmd) {
        Refund r = refunds.get(cmd.refundId());
        if (r == null || r.done() || r.failed()) {
            return;
        }
        Answer a = cmd.answer();
        switch (a.outcome()) {
            // A refund the provider accepted (WeChat's and Stripe's "pending") is done on our side: it was asked once and will be paid.
            case SUCCEEDED, PENDING -> apply(new RefundSucceededEvent(tenantId, id, cmd.refundId(), r.amount(), a.providerReference(),
                    cmd.at()));
            case FAILED -> apply(new RefundFailedEvent(tenantId, id, cmd.refundId(), reason(a), cmd.at()));
            case UNKNOWN -> apply(new RefundAwaitingEvent(tenantId, id, cmd.refundId(), reason(a),
                    cmd.at().plus(cmd.timings().firstQuery()), cmd.at()));
        }
    }

    public long amountMinor() {
        return amount.movePointRight(amount.scale()).longValueExact();
    }

    @EventSourcingHandler
    void on(PaymentRequestedEvent e) {
        id = e.paymentId();
        tenantId = e.tenantId();
        checkoutId = e.checkoutId();
        method = e.method();
        amount = e.amount();
        requestedAt = e.at();
        status = Status.REQUESTED;
    }

    @EventSourcingHandler
    void on(PaymentStepClaimedEvent e) {
        attempts = e.attempt();
        claimedUntil = e.until();
        charged |= e.kind() == StepKind.CHARGE;
        queried |= e.kind() == StepKind.QUERY;
    }

    @EventSourcingHandler
    void on(PaymentAwaitingEvent e) {
        claimedUntil = null;
        nextAt = e.nextAt();
        if (status == Status.REQUESTED) {
            status = Status.PENDING;
        }
    }

    @EventSourcingHandler
    void on(PaymentReversingEvent e) {
        status = Status.REVERSING;
        nextAt = e.nextAt();
    }

    @EventSourcingHandler
    void on(PaymentSucceededEvent e) {
        status = Status.SUCCEEDED;
        providerReference = e.providerReference();
        claimedUntil = null;
    }

    @EventSourcingHandler
    void on(PaymentFailedEvent e) {
        status = Status.FAILED;
        claimedUntil = null;
    }

    @EventSourcingHandler
    void on(PaymentReversedEvent e) {
        status = Status.FAILED;
        claimedUntil = null;
    }

    @EventSourcingHandler
    void on(RefundRequestedEvent e) {
        refunds.put(e.refundId(), new Refund(e.amount(), false, false, null));
    }

    @EventSourcingHandler
    void on(RefundClaimedEvent e) {
        refunds.computeIfPresent(e.refundId(), (k, r) -> r.claimed(e.until()));
    }

    @EventSourcingHandler
    void on(RefundAwaitingEvent e) {
        refunds.computeIfPresent(e.refundId(), (k, r) -> r.claimed(null));
    }

    @EventSourcingHandler
    void on(RefundSucceededEvent e) {
        refunds.computeIfPresent(e.refundId(), (k, r) -> new Refund(r.amount(), true, false, null));
    }

    @EventSourcingHandler
    void on(RefundFailedEvent e) {
        refunds.computeIfPresent(e.refundId(), (k, r) -> new Refund(r.amount(), false, true, null));
    }


}
