package io.facecard.domain.checkout;

import io.facecard.domain.Published;
import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** What a checkout, a receipt or a return refuses. */
@Published("the checkout rules a till's problem names, also where payment refuses on a checkout's behalf")
public final class CheckoutRule {
    public static final Rule EMPTY_BASKET = new Rule("empty-basket", Category.INVALID);
    public static final Rule NO_MEMBER = new Rule("no-member", Category.CONFLICT);
    public static final Rule REDEMPTION_HELD = new Rule("redemption-held", Category.CONFLICT);
    public static final Rule REDEEM_LIMIT = new Rule("redeem-limit", Category.UNPROCESSABLE);
    public static final Rule CHECKOUT_COMPLETED = new Rule("checkout-completed", Category.CONFLICT);
    public static final Rule CHECKOUT_CANCELLED = new Rule("checkout-cancelled", Category.CONFLICT);
    public static final Rule CHECKOUT_PAYING = new Rule("checkout-paying", Category.CONFLICT);
    public static final Rule DUPLICATE_RECEIPT = new Rule("duplicate-receipt", Category.CONFLICT);
    public static final Rule NOT_ON_RECEIPT = new Rule("not-on-receipt", Category.UNPROCESSABLE);
    public static final Rule RETURN_EXCEEDS_PURCHASE = new Rule("return-exceeds-purchase", Category.UNPROCESSABLE);
    public static final Rule CURRENCY_MISMATCH = new Rule("currency-mismatch", Category.UNPROCESSABLE);
    public static final Rule PAYMENT_METHOD_UNAVAILABLE = new Rule("payment-method-unavailable", Category.UNPROCESSABLE);
    public static final Rule PAYMENT_MISMATCH = new Rule("payment-mismatch", Category.UNPROCESSABLE);
    public static final Rule UNKNOWN_MEMBER = new Rule("unknown-member", Category.UNPROCESSABLE);
    /** Another face-pay payment of the checkout is still pending: one at a time. */
    public static final Rule PAYMENT_PENDING = new Rule("payment-pending", Category.CONFLICT);
    /** A payment above what is left to pay, or above the tenant's per-payment limit. */
    public static final Rule PAYMENT_AMOUNT = new Rule("payment-amount", Category.UNPROCESSABLE);
    /** A payment by our own face match without an identification strong enough (score, liveness). */
    public static final Rule FACE_NOT_ENOUGH = new Rule("face-not-enough-for-payment", Category.UNPROCESSABLE);

    /** One personal offer per checkout: remove the one applied before applying another. */
    public static final Rule OFFER_APPLIED = new Rule("offer-applied", Category.CONFLICT);
    /** The offer gives nothing on this basket (none of what it names is in it). */
    public static final Rule OFFER_NOT_APPLICABLE = new Rule("offer-not-applicable", Category.UNPROCESSABLE);
    /** The offer is not the member's, not valid now, used up, or its campaign's budget is spent. */
    public static final Rule OFFER_UNAVAILABLE = new Rule("offer-unavailable", Category.CONFLICT);

    private CheckoutRule() {}
}
