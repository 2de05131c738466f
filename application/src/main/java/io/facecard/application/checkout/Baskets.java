package io.facecard.application.checkout;

import io.facecard.application.problem.Validation;
import io.facecard.domain.checkout.Basket;
import io.facecard.domain.checkout.CheckoutRule;
import io.facecard.domain.payment.PaymentRule;
import io.facecard.domain.refusal.Refusal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Checks what a till sends: lines, money in the tenant's currency, payments. */
public final class Baskets {
    public static final Set<String> METHODS = Set.of("CASH", "CARD");

    public record LineDraft(String sku, String name, String category, BigDecimal quantity, BigDecimal unitPrice) {}

    /** @param paymentId names a face-pay payment of the checkout; null for cash and card */
    public record PaymentDraft(String method, BigDecimal amount, UUID paymentId) {}

    private Baskets() {}

    public static int scale(String tenantCurrency, String currency) {
        Validation.requiredText(currency, "currency", 3);
        if (!currency.equals(tenantCurrency)) {
            throw new Refusal(CheckoutRule.CURRENCY_MISMATCH,
                    "this tenant's points are earned in " + tenantCurrency + ", not " + currency);
        }
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    /** One to 500 lines, none of them empty. */
    static void requireLines(List<LineDraft> drafts) {
        if (drafts == null || drafts.isEmpty() || drafts.size() > 500) {
            throw Refusal.invalid("'lines' needs 1 to 500 lines");
        }
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i) == null) {
                throw Refusal.invalid("'lines[" + i + "]' is empty");
            }
        }
    }

    public static List<Basket.Line> lines(List<LineDraft> drafts, int scale) {
        requireLines(drafts);
        List<Basket.Line> out = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            LineDraft d = drafts.get(i);
            String at = "lines[" + i + "].";
            String sku = Validation.requiredText(d.sku(), at + "sku", 64);
            String name = Validation.optionalText(d.name(), at + "name", 200);
            String category = Validation.optionalText(d.category(), at + "category", 100);
            BigDecimal q = d.quantity();
            if (q == null || q.signum() <= 0 || q.compareTo(new BigDecimal("100000")) > 0 || q.stripTrailingZeros().scale() > 3) {
                throw Refusal.invalid("'" + at + "quantity' must be above 0, at most 100000, with at most 3 decimals");
            }
            BigDecimal price = money(d.unitPrice(), at + "unitPrice", scale);
            out.add(new Basket.Line(sku, name, category, q, price, price.multiply(q).setScale(scale, RoundingMode.HALF_EVEN)));
        }
        return out;
    }

    /** One to twenty payments, each by a method this platform takes; face-pay only where a till is online to charge it. */
    static void requireMethods(List<PaymentDraft> drafts, boolean online) {
        if (drafts == null || drafts.isEmpty() || drafts.size() > 20) {
            throw Refusal.invalid("'payments' needs 1 to 20 payments");
        }
        for (int i = 0; i < drafts.size(); i++) {
            PaymentDraft d = drafts.get(i);
            if (d == null || d.method() == null) {
                throw Refusal.invalid("'payments[" + i + "].method' is required");
            }
            if (Basket.FACE_PAY_METHODS.contains(d.method())) {
                if (!online) {
                    throw new Refusal(PaymentRule.FACE_PAY_OFFLINE, "an offline till's purchase cannot have been paid by "
                            + d.method() + ": face-pay is charged online, in a checkout");
                }
                if (d.paymentId() == null) {
                    throw Refusal.invalid("'payments[" + i + "].paymentId' is required for " + d.method());
                }
            } else if (!METHODS.contains(d.method())) {
                throw new Refusal(CheckoutRule.PAYMENT_METHOD_UNAVAILABLE,
                        "payment method '" + d.method() + "' is not available; use one of " + METHODS + " or " + Basket.FACE_PAY_METHODS);
            }
        }
    }

    /** The payments in the checkout's currency; whether they cover what is due is the checkout's decision. */
    public static List<Basket.Payment> payments(List<PaymentDraft> drafts, int scale, boolean online) {
        requireMethods(drafts, online);
        List<Basket.Payment> out = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            PaymentDraft d = drafts.get(i);
            out.add(new Basket.Payment(d.method(), money(d.amount(), "payments[" + i + "].amount", scale), d.paymentId()));
        }
        return out;
    }

    static BigDecimal money(BigDecimal v, String field, int scale) {
        if (v == null || v.signum() < 0 || v.compareTo(new BigDecimal("10000000")) > 0 || v.stripTrailingZeros().scale() > scale) {
            throw Refusal.invalid("'" + field + "' must be an amount from 0 to 10000000 with at most " + scale + " decimals");
        }
        return v.setScale(scale, RoundingMode.UNNECESSARY);
    }

    public static String receiptNumber(String value) {
        String r = Validation.requiredText(value, "receiptNumber", 64);
        if (!r.chars().allMatch(c -> c > 32 && c < 127)) {
            throw Refusal.invalid("'receiptNumber' must be visible ASCII characters");
        }
        return r;
    }
}
