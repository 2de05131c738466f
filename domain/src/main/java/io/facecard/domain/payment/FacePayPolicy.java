package io.facecard.domain.payment;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What a face-pay request must satisfy before its intent is recorded, as one value with no I/O: the rail
 * settles in the checkout's currency and is configured, the amount has no more decimals than the currency
 * and stays within the tenant's per-payment limit; a Stripe face payment also needs the customer's
 * confirmation, an identified member, the member's FACE_PAY consent (the latest entry decides) and a saved
 * card. Facts that cost a read are asked for only when a Stripe face payment gets that far, in this order.
 * The use case words the refusal; this value decides it.
 */
public record FacePayPolicy(BigDecimal perPaymentLimit) {
    public enum Reason {
        WRONG_CURRENCY, NOT_CONFIGURED, TOO_MANY_DECIMALS, OVER_LIMIT, NOT_CONFIRMED, NO_MEMBER, NO_CONSENT, NO_SAVED_CARD
    }

    /** Either the amount to charge, at the currency's scale, or the first rule the request breaks. */
    public record Decision(BigDecimal amount, Reason refused) {
        static Decision refuse(Reason r) {
            return new Decision(null, r);
        }

        public boolean admitted() {
            return refused == null;
        }
    }

    /** The request as the till sent it and the checkout it is for. */
    public record Request(PaymentMethod method, BigDecimal amount, String currency, boolean confirmedByCustomer, boolean memberIdentified) {}

    /** What only the platform knows, each read only when the decision needs it. */
    public record Facts(boolean railConfigured, BooleanSupplier facePayConsent, BooleanSupplier savedCard) {}

    public FacePayPolicy {
        if (perPaymentLimit == null || perPaymentLimit.signum() <= 0) {
            throw new IllegalArgumentException("a per-payment limit above 0");
        }
    }

    public Decision decide(Request r, Facts facts) {
        if (!r.method().provider().accepts(r.currency())) {
            return Decision.refuse(Reason.WRONG_CURRENCY);
        }
        if (!facts.railConfigured()) {
            return Decision.refuse(Reason.NOT_CONFIGURED);
        }
        int digits = decimals(r.currency());
        if (r.amount().stripTrailingZeros().scale() > digits) {
            return Decision.refuse(Reason.TOO_MANY_DECIMALS);
        }
        if (r.amount().compareTo(perPaymentLimit) > 0) {
            return Decision.refuse(Reason.OVER_LIMIT);
        }
        if (r.method() == PaymentMethod.STRIPE_FACE) {
            Optional<Reason> stripe = stripeFace(r, facts);
            if (stripe.isPresent()) {
                return Decision.refuse(stripe.get());
            }
        }
        return new Decision(r.amount().setScale(digits), null);
    }

    private static Optional<Reason> stripeFace(Request r, Facts facts) {
        if (!r.confirmedByCustomer()) {
            return Optional.of(Reason.NOT_CONFIRMED);
        }
        if (!r.memberIdentified()) {
            return Optional.of(Reason.NO_MEMBER);
        }
        if (!facts.facePayConsent().getAsBoolean()) {
            return Optional.of(Reason.NO_CONSENT);
        }
        if (!facts.savedCard().getAsBoolean()) {
            return Optional.of(Reason.NO_SAVED_CARD);
        }
        return Optional.empty();
    }

    /** The decimals the currency allows (0 for JPY, 2 for EUR and CNY). */
    public static int decimals(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    /** A member's FACE_PAY consent from its entries oldest first: the latest decides, so a withdrawal after a grant wins. */
    public static boolean consented(List<Boolean> facePayEntriesOldestFirst) {
        return !facePayEntriesOldestFirst.isEmpty() && facePayEntriesOldestFirst.get(facePayEntriesOldestFirst.size() - 1);
    }
}
