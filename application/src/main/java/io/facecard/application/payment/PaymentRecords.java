package io.facecard.application.payment;

import io.facecard.application.checkout.port.Checkouts.CheckoutView;
import io.facecard.application.checkout.port.Checkouts;
import io.facecard.application.loyalty.port.LoyaltyTerms;
import io.facecard.application.messaging.port.ServiceNotices;
import io.facecard.application.payment.port.PaymentGateway;
import io.facecard.application.payment.port.PaymentSettings;
import io.facecard.application.payment.port.Payments.PaymentView;
import io.facecard.application.payment.port.Payments;
import io.facecard.application.payment.port.ProviderAccounts;
import io.facecard.application.payment.port.SavedCards;
import io.facecard.domain.checkout.CheckoutCommands;
import io.facecard.domain.checkout.CheckoutId;
import io.facecard.domain.checkout.FaceProof;
import io.facecard.domain.loyalty.BonusAccountId;
import io.facecard.domain.loyalty.LoyaltyCommands;
import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.payment.Payment;
import io.facecard.domain.payment.PaymentCommands;
import io.facecard.domain.payment.PaymentId;
import io.facecard.domain.payment.PaymentMethod;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * The payment's database side, each method one short transaction: the intent before the provider
 * is called, a step's claim, its outcome after. Provider calls happen between them, in
 * {@link PaymentSteps}, never inside a transaction (the pool is small and a provider may take seconds).
 */
@ApplicationScoped
@Transactional
public class PaymentRecords {
    /** What a worker needs for one claimed step; {@code customer} and {@code card} only for Stripe. */
    public record Claimed(TenantId tenant, PaymentId id, Payment.Step step, PaymentMethod method, long amountMinor, String currency,
            ProviderAccounts.Account account, String customer, String card) {}

    /** A refund to send now. */
    public record RefundClaim(TenantId tenant, PaymentId id, String refundId, PaymentMethod method, long amountMinor,
            long paymentMinor, String providerReference, ProviderAccounts.Account account) {}

    /** The payment to begin: a new one, or the one this key began before. */
    public record Intent(PaymentMethod method, BigDecimal amount, String fingerprint, FaceProof.Needed needs) {}

    private CommandGateway commands;
    private Payments payments;
    private Checkouts checkouts;
    private ProviderAccounts accounts;
    private SavedCards cards;
    private LoyaltyTerms balances;
    private Clock clock;
    private ServiceNotices notices;

    protected PaymentRecords() {}

    @Inject
    public PaymentRecords(CommandGateway commands, Payments payments, Checkouts checkouts, ProviderAccounts accounts, SavedCards cards,
            LoyaltyTerms balances, Clock clock, ServiceNotices notices) {
        this.notices = notices;
        this.commands = commands;
        this.payments = payments;
        this.checkouts = checkouts;
        this.accounts = accounts;
        this.cards = cards;
        this.balances = balances;
        this.clock = clock;
    }

    /**
     * Records the intent and freezes the checkout for it ({@link PaymentChecks} found no payment of this key). The
     * checkout's held points are held for the payment's whole life (its window and a reversal), so
     * they cannot expire while it is pending.
     */
    public PaymentView begin(TenantId tenant, CheckoutView checkout, PaymentId id, Intent intent, PaymentSettings settings) {
        Instant now = clock.instant();
        MemberId member = checkout.memberId() == null ? null : new MemberId(checkout.memberId());
        commands.sendAndWait(new CheckoutCommands.StartPayment(new CheckoutId(checkout.id()), id.value(), intent.method().name(),
                intent.amount(), intent.needs(), now));
        commands.sendAndWait(new PaymentCommands.RequestPayment(id, tenant, new CheckoutId(checkout.id()), member, intent.method(),
                intent.amount(), checkout.currency(), intent.fingerprint(), now));
        if (checkout.heldPoints() > 0 && member != null) {
            LoyaltyProgram p = balances.program(tenant);
            Instant until = now.plus(p.holdTime()).plusSeconds(settings.payWindowSeconds()).plus(PaymentSettings.LEASE.multipliedBy(4));
            commands.sendAndWait(new LoyaltyCommands.PlaceHold(BonusAccountId.of(member), tenant, member, "checkout-" + checkout.id(),
                    checkout.heldPoints(), until, now));
        }
        return payments.find(tenant, id.value()).orElseThrow();
    }

    /** @return the step this worker now owns, or empty when none is due or another worker owns it */
    public Optional<Claimed> claim(TenantId tenant, PaymentId id, PaymentSettings settings) {
        PaymentView p = payments.find(tenant, id.value()).orElse(null);
        if (p == null) {
            return Optional.empty();
        }
        Payment.Step step = commands.sendAndWait(new PaymentCommands.ClaimStep(id, settings.timings(), clock.instant()));
        if (step == null) {
            return Optional.empty();
        }
        ProviderAccounts.Account account = accounts.find(tenant, p.method().provider()).orElse(null);
        String customer = null;
        String card = null;
        if (p.method() == PaymentMethod.STRIPE_FACE && p.memberId() != null) {
            MemberId m = new MemberId(p.memberId());
            customer = cards.customer(tenant, m).orElse(null);
            card = cards.of(tenant, m).stream().findFirst().map(SavedCards.Card::paymentMethod).orElse(null);
        }
        return Optional.of(new Claimed(tenant, id, step, p.method(), minor(p.amount()), p.currency(), account, customer, card));
    }

    /** Records what the provider answered; a payment that ended is settled on its checkout in the same transaction. */
    public void record(TenantId tenant, PaymentId id, Payment.StepKind kind, PaymentGateway.Result result, PaymentSettings settings) {
        Instant now = clock.instant();
        Payment.Status status = commands.sendAndWait(new PaymentCommands.RecordStep(id, kind, answer(result), settings.timings(), now));
        if (status == Payment.Status.SUCCEEDED || status == Payment.Status.FAILED) {
            PaymentView p = payments.find(tenant, id.value()).orElseThrow();
            UUID checkout = p.checkoutId();
            if (status == Payment.Status.SUCCEEDED && result.payer() != null && p.memberId() != null) {
                // WeChat's openid of the payer, kept for the messenger binding that may be offered (with consent) later.
                cards.putPayer(tenant, new MemberId(p.memberId()), p.method().provider().name(), result.payer());
            }
            commands.sendAndWait(new CheckoutCommands.SettlePayment(new CheckoutId(checkout), id.value(),
                    status == Payment.Status.SUCCEEDED, now));
        }
    }

    /** Asks for a refund of {@code amount} of a payment under {@code refundId}; the same id asks once. */
    public void requestRefund(PaymentId id, String refundId, BigDecimal amount, String reason) {
        commands.sendAndWait(new PaymentCommands.RequestRefund(id, refundId, amount, reason, clock.instant()));
    }

    public Optional<RefundClaim> claimRefund(TenantId tenant, PaymentId id, String refundId, PaymentSettings settings) {
        PaymentView p = payments.find(tenant, id.value()).orElse(null);
        if (p == null) {
            return Optional.empty();
        }
        BigDecimal amount = commands.sendAndWait(new PaymentCommands.ClaimRefund(id, refundId, settings.timings(), clock.instant()));
        if (amount == null) {
            return Optional.empty();
        }
        ProviderAccounts.Account account = accounts.find(tenant, p.method().provider()).orElse(null);
        return Optional.of(new RefundClaim(tenant, id, refundId, p.method(), minor(amount), minor(p.amount()), p.providerReference(),
                account));
    }

    /** Records a refund's answer; one the provider accepted tells the member in their messenger (a service notice, once per refund). */
    public void recordRefund(TenantId tenant, PaymentId id, String refundId, PaymentGateway.Result result, PaymentSettings settings) {
        commands.sendAndWait(new PaymentCommands.RecordRefund(id, refundId, answer(result), settings.timings(), clock.instant()));
        boolean accepted = result.status() == PaymentGateway.Status.SUCCEEDED || result.status() == PaymentGateway.Status.PENDING;
        PaymentView p = payments.find(tenant, id.value()).orElse(null);
        if (accepted && p != null && p.memberId() != null) {
            String amount = p.refunds().stream().filter(r -> r.refundId().equals(refundId)).findFirst()
                    .map(r -> r.amount().toPlainString()).orElse("");
            notices.notify(tenant, new MemberId(p.memberId()), "REFUND", Map.of("amount", amount, "currency", p.currency(),
                    "method", p.method().name()), "refund-" + id.value() + "-" + refundId);
        }
    }

    public Optional<PaymentView> view(TenantId tenant, UUID payment) {
        return payments.find(tenant, payment);
    }

    static long minor(BigDecimal amount) {
        return amount.movePointRight(amount.scale()).longValueExact();
    }

    static Payment.Answer answer(PaymentGateway.Result r) {
        Payment.Outcome o = switch (r.status()) {
            case SUCCEEDED -> Payment.Outcome.SUCCEEDED;
            case PENDING -> Payment.Outcome.PENDING;
            case FAILED -> Payment.Outcome.FAILED;
            case UNKNOWN -> Payment.Outcome.UNKNOWN;
        };
        return new Payment.Answer(o, r.providerReference(), r.reason());
    }
}
