package io.facecard.domain.checkout;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** What a checkout, a receipt or a return refuses. */
public enum CheckoutRule implements Rule {
    EMPTY_BASKET("empty-basket", Category.INVALID),
    NO_MEMBER("no-member", Category.CONFLICT),
    REDEMPTION_HELD("redemption-held", Category.CONFLICT),
    REDEEM_LIMIT("redeem-limit", Category.UNPROCESSABLE),
    CHECKOUT_COMPLETED("checkout-completed", Category.CONFLICT),
    CHECKOUT_CANCELLED("checkout-cancelled", Category.CONFLICT),
    CHECKOUT_PAYING("checkout-paying", Category.CONFLICT),
    DUPLICATE_RECEIPT("duplicate-receipt", Category.CONFLICT),
    NOT_ON_RECEIPT("not-on-receipt", Category.UNPROCESSABLE),
    RETURN_EXCEEDS_PURCHASE("return-exceeds-purchase", Category.UNPROCESSABLE),
    CURRENCY_MISMATCH("currency-mismatch", Category.UNPROCESSABLE),
    PAYMENT_METHOD_UNAVAILABLE("payment-method-unavailable", Category.UNPROCESSABLE),
    PAYMENT_MISMATCH("payment-mismatch", Category.UNPROCESSABLE),
    UNKNOWN_MEMBER("unknown-member", Category.UNPROCESSABLE);

    private final String slug;
    private final Category category;

    CheckoutRule(String slug, Category category) {
        this.slug = slug;
        this.category = category;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public Category category() {
        return category;
    }
}
