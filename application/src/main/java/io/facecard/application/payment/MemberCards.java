package io.facecard.application.payment;

import io.facecard.application.membership.port.ErasureHook;
import io.facecard.application.membership.port.MemberAccess;
import io.facecard.application.payment.port.CardVault;
import io.facecard.application.payment.port.PaymentGateways;
import io.facecard.application.payment.port.ProviderAccounts;
import io.facecard.application.payment.port.SavedCards;
import io.facecard.application.security.Caller;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.payment.PaymentProvider;
import io.facecard.domain.payment.PaymentRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A member's cards saved for face-pay at the till (Stripe customers on the tenant's connected
 * account): listed, removed, and deleted at Stripe with the member on erasure. In the sandbox a
 * demo or a test saves one as the member's app would (a SetupIntent for off-session use).
 */
@ApplicationScoped
@Transactional
public class MemberCards implements ErasureHook {
    private static final Logger LOG = Logger.getLogger(MemberCards.class.getName());

    private MemberAccess members;
    private SavedCards cards;
    private PaymentGateways gateways;
    private ProviderAccounts accounts;
    private Clock clock;

    protected MemberCards() {}

    @Inject
    public MemberCards(MemberAccess members, SavedCards cards, PaymentGateways gateways, ProviderAccounts accounts, Clock clock) {
        this.members = members;
        this.cards = cards;
        this.gateways = gateways;
        this.accounts = accounts;
        this.clock = clock;
    }

    public List<SavedCards.Card> list(Caller caller, MemberId member) {
        TenantId tenant = MemberAccess.PERMIT.tenantOf(caller);
        members.get(caller, member);
        return cards.of(tenant, member);
    }

    public void remove(Caller caller, MemberId member, String paymentMethod) {
        TenantId tenant = MemberAccess.PERMIT.tenantOf(caller);
        members.get(caller, member);
        if (!cards.remove(tenant, member, paymentMethod)) {
            throw Refusal.notFound("payment method " + paymentMethod);
        }
        vault().ifPresent(v -> stripe(tenant).ifPresent(a -> v.detach(a, paymentMethod)));
    }

    /** The sandbox's stand-in for the member's app: a SetupIntent confirmed with a test payment method. */
    public SavedCards.Card saveInSandbox(Caller caller, MemberId member, String paymentMethod) {
        if (!gateways.sandbox()) {
            throw Refusal.notFound("this path");
        }
        TenantId tenant = MemberAccess.PERMIT.tenantOf(caller);
        var m = members.get(caller, member);
        if (m.erased()) {
            throw Refusal.notFound("member " + member.value());
        }
        if (paymentMethod == null || !paymentMethod.matches("pm_[A-Za-z0-9_]{3,64}")) {
            throw Refusal.invalid("'paymentMethod' must be a Stripe test payment method such as pm_card_visa");
        }
        CardVault vault = vault().orElseThrow(() -> notConfigured());
        ProviderAccounts.Account account = stripe(tenant).orElseThrow(() -> notConfigured());
        String customer = cards.customer(tenant, member).orElseGet(() -> {
            String c = vault.createCustomer(account, member.value().toString(), "customer-" + member.value());
            cards.putCustomer(tenant, member, c);
            return c;
        });
        CardVault.Card c = vault.confirmSetup(account, customer, paymentMethod, "setup-" + member.value() + "-" + paymentMethod);
        if (!"succeeded".equals(c.status())) {
            throw new Refusal(PaymentRule.NO_SAVED_CARD, "Stripe did not save the card: " + (c.failure() == null ? c.status() : c.failure()));
        }
        SavedCards.Card saved = new SavedCards.Card(c.paymentMethod(), c.brand(), c.last4(), clock.instant());
        cards.put(tenant, member, saved);
        return saved;
    }

    @Override
    public void erase(TenantId tenant, MemberId member) {
        cards.removeAll(tenant, member).ifPresent(customer -> vault().ifPresent(v -> stripe(tenant).ifPresent(a -> {
            try {
                v.deleteCustomer(a, customer);
            } catch (RuntimeException e) {
                // Our side is erased either way; the customer id is gone with it, so say so for the operator.
                LOG.warning("erasure: the Stripe customer of an erased member could not be deleted: " + e.getClass().getSimpleName());
            }
        })));
    }

    private Optional<CardVault> vault() {
        return gateways.cards();
    }

    private Optional<ProviderAccounts.Account> stripe(TenantId tenant) {
        return accounts.find(tenant, PaymentProvider.STRIPE);
    }

    private static Refusal notConfigured() {
        return new Refusal(PaymentRule.PROVIDER_NOT_CONFIGURED, "this tenant has no STRIPE account");
    }
}
