package io.facecard.application.payment;

import io.facecard.application.checkout.port.Checkouts.CheckoutView;
import io.facecard.application.checkout.port.Checkouts;
import io.facecard.application.membership.port.FaceIdentification;
import io.facecard.application.membership.port.MemberDirectory;
import io.facecard.application.payment.port.PaymentGateways;
import io.facecard.application.payment.port.PaymentSettings;
import io.facecard.application.payment.port.PaymentSettingsStore;
import io.facecard.application.payment.port.Payments.PaymentView;
import io.facecard.application.payment.port.Payments;
import io.facecard.application.payment.port.ProviderAccounts;
import io.facecard.application.payment.port.SavedCards;
import io.facecard.application.payment.port.WechatFaceDevices;
import io.facecard.application.problem.IdempotencyRule;
import io.facecard.application.problem.Validation;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.domain.checkout.CheckoutId;
import io.facecard.domain.checkout.CheckoutRule;
import io.facecard.domain.checkout.FaceProof;
import io.facecard.domain.membership.ConsentPurpose;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.payment.FacePayPolicy;
import io.facecard.domain.payment.PaymentId;
import io.facecard.domain.payment.PaymentMethod;
import io.facecard.domain.payment.PaymentProvider;
import io.facecard.domain.payment.PaymentRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Everything a face-pay payment must satisfy before its intent is recorded, in the transaction
 * that records it: the till's own checkout and idempotency here, the rules of {@link FacePayPolicy}
 * (rail, currency, decimals, limit; for STRIPE_FACE confirmation, member, consent, saved card) decided by
 * that value, then a strong enough face match and what is left to pay when the intent is recorded.
 */
@ApplicationScoped
@Transactional
public class PaymentChecks {
    public record Begun(PaymentId id, PaymentView view) {}

    private Checkouts checkouts;
    private Payments payments;
    private PaymentRecords records;
    private PaymentGateways gateways;
    private ProviderAccounts accounts;
    private PaymentSettingsStore settings;
    private SavedCards cards;
    private MemberDirectory directory;
    private FaceIdentification faces;

    protected PaymentChecks() {}

    @Inject
    public PaymentChecks(Checkouts checkouts, Payments payments, PaymentRecords records, PaymentGateways gateways,
            ProviderAccounts accounts, PaymentSettingsStore settings, SavedCards cards, MemberDirectory directory, FaceIdentification faces) {
        this.checkouts = checkouts;
        this.payments = payments;
        this.records = records;
        this.gateways = gateways;
        this.accounts = accounts;
        this.settings = settings;
        this.cards = cards;
        this.directory = directory;
        this.faces = faces;
    }

    public Begun begin(Caller caller, UUID checkoutId, String key, TillPayment r) {
        TenantId tenant = Permit.TILL.tenantOf(caller);
        CheckoutView checkout = tillsCheckout(caller, tenant, checkoutId);
        requireKey(key);
        PaymentId id = PaymentId.of(tenant, new CheckoutId(checkoutId), key);
        String fingerprint = fingerprint(r);
        var before = payments.find(tenant, id.value());
        if (before.isPresent()) {
            if (!before.get().fingerprint().equals(fingerprint)) {
                throw new Refusal(IdempotencyRule.KEY_REUSED, "this Idempotency-Key was used with a different payment");
            }
            return new Begun(id, before.get());
        }
        PaymentSettings s = settings.of(tenant);
        var provider = r.method().provider();
        MemberId member = checkout.memberId() == null ? null : new MemberId(checkout.memberId());
        var decision = new FacePayPolicy(s.perPaymentLimit()).decide(
                new FacePayPolicy.Request(r.method(), r.amount(), checkout.currency(), r.confirmedByCustomer(), member != null),
                new FacePayPolicy.Facts(gateways.of(provider).isPresent() && accounts.find(tenant, provider).isPresent(),
                        () -> consented(tenant, member), () -> !cards.of(tenant, member).isEmpty()));
        if (!decision.admitted()) {
            throw refusal(decision.refused(), r, checkout.currency(), s);
        }
        FaceProof.Needed needs = r.method() == PaymentMethod.STRIPE_FACE ? faces.paymentNeeds(tenant, s.stripeFaceThreshold()) : null;
        var intent = new PaymentRecords.Intent(r.method(), decision.amount(), fingerprint, needs);
        return new Begun(id, records.begin(tenant, checkout, id, intent, s));
    }

    /** The policy's reason in the till's words, under the rule its problem type names. */
    private static Refusal refusal(FacePayPolicy.Reason reason, TillPayment r, String currency, PaymentSettings s) {
        var provider = r.method().provider();
        return switch (reason) {
            case WRONG_CURRENCY -> new Refusal(PaymentRule.PROVIDER_CURRENCY, provider + " face-pay settles in CNY; this checkout is in " + currency);
            case NOT_CONFIGURED -> new Refusal(PaymentRule.PROVIDER_NOT_CONFIGURED, "this tenant has no " + provider
                    + " account; a tenant admin sets one with PUT /api/v1/payment-providers/" + provider);
            case TOO_MANY_DECIMALS -> Refusal.invalid("'amount' has more than " + FacePayPolicy.decimals(currency) + " decimals for " + currency);
            case OVER_LIMIT -> new Refusal(CheckoutRule.PAYMENT_AMOUNT, "one face-pay payment may charge at most "
                    + s.perPaymentLimit().toPlainString() + " " + currency + " at this tenant");
            case NOT_CONFIRMED -> new Refusal(PaymentRule.NOT_CONFIRMED,
                    "the customer must confirm the amount at the till: send \"confirmedByCustomer\": true");
            case NO_MEMBER -> new Refusal(CheckoutRule.NO_MEMBER, "identify the customer by face before paying by face");
            case NO_CONSENT -> new Refusal(PaymentRule.NO_FACE_PAY_CONSENT, "the member has not consented to FACE_PAY");
            case NO_SAVED_CARD -> new Refusal(PaymentRule.NO_SAVED_CARD, "the member has no card saved for payments at the till");
        };
    }

    private boolean consented(TenantId tenant, MemberId member) {
        return FacePayPolicy.consented(directory.consents(tenant, member).stream()
                .filter(e -> e.purpose() == ConsentPurpose.FACE_PAY).map(MemberDirectory.ConsentEntry::granted).toList());
    }

    /** The till's WeChat face device asks for an authinfo; the tenant's sub-merchant account is the one it works for. */
    public WechatFaceDevices.AuthInfo faceAuthinfo(Caller caller, String rawdata, String deviceId) {
        TenantId tenant = Permit.TILL.tenantOf(caller);
        String raw = Validation.requiredText(rawdata, "rawdata", 8192);
        String device = Validation.requiredText(deviceId, "deviceId", 64);
        var account = accounts.find(tenant, PaymentProvider.WECHAT_PAY);
        var devices = gateways.wechatFaceDevices();
        if (account.isEmpty() || devices.isEmpty()) {
            throw new Refusal(PaymentRule.PROVIDER_NOT_CONFIGURED, "this tenant has no WECHAT_PAY account");
        }
        String store = ((Caller.Terminal) caller).storeId().toString();
        try {
            return devices.get().authinfo(account.get(), raw, device, store, "store " + store.substring(0, 8));
        } catch (WechatFaceDevices.Unavailable e) {
            throw new Refusal(PaymentRule.PROVIDER_UNAVAILABLE, "WeChat Pay gave no authinfo (" + e.code() + "); try again");
        }
    }

    public PaymentView visible(Caller caller, UUID checkout, UUID payment) {
        TenantId tenant = Permit.TILL.tenantOf(caller);
        tillsCheckout(caller, tenant, checkout);
        return payments.find(tenant, payment).filter(p -> p.checkoutId().equals(checkout))
                .orElseThrow(() -> Refusal.notFound("payment " + payment));
    }

    public List<PaymentView> ofCheckout(Caller caller, UUID checkout) {
        TenantId tenant = Permit.TILL.tenantOf(caller);
        tillsCheckout(caller, tenant, checkout);
        return payments.ofCheckout(tenant, checkout);
    }

    /** Another store's or tenant's checkout is the same 404 as one that does not exist. */
    private CheckoutView tillsCheckout(Caller caller, TenantId tenant, UUID id) {
        UUID store = ((Caller.Terminal) caller).storeId();
        return checkouts.find(tenant, id).filter(c -> c.storeId().equals(store)).orElseThrow(() -> Refusal.notFound("checkout " + id));
    }

    private static void requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw new Refusal(IdempotencyRule.KEY_REQUIRED, "a payment needs an 'Idempotency-Key' header: a retry with it never charges twice");
        }
        if (key.length() > 255 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw Refusal.invalid("'Idempotency-Key' must be 1-255 visible ASCII characters");
        }
    }

    /** The request's identity: method, amount and a hash of the code, so a retry is told from a different payment. */
    static String fingerprint(TillPayment r) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((r.method() + "|" + r.amount().stripTrailingZeros().toPlainString() + "|" + r.confirmedByCustomer() + "|"
                    + (r.authCode() == null ? "" : r.authCode())).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
