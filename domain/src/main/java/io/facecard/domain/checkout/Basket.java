package io.facecard.domain.checkout;

import io.facecard.domain.Published;
import io.facecard.domain.refusal.Refusal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the till sells; money in the checkout's currency, already rounded to its minor unit. */
@Published("the lines and tenders of a basket, which payment and loyalty read")
public final class Basket {
    private Basket() {}

    public record Line(String sku, String name, String category, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {}

    /** @param paymentId the face-pay payment this entry names (null for cash and card paid outside the platform) */
    public record Payment(String method, BigDecimal amount, UUID paymentId) {
        public Payment(String method, BigDecimal amount) {
            this(method, amount, null);
        }
    }

    /** A line of a receipt with the points it earned and the share of redeemed points it used. */
    public record ReceiptLine(String sku, String category, BigDecimal quantity, BigDecimal amount, long pointsEarned,
            long pointsRedeemed) {}

    /** Methods charged through the platform (a payment id names each); CASH and CARD are paid outside it. */
    public static final Set<String> FACE_PAY_METHODS = Set.of("WECHAT_PAY", "ALIPAY", "STRIPE_FACE");

    public static BigDecimal total(List<Line> lines) {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The payments must add up to exactly what is due: no change is given in points, none is kept. */
    public static void requireCovers(List<Payment> payments, BigDecimal due) {
        BigDecimal sum = payments.stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(due) != 0) {
            throw new Refusal(CheckoutRule.PAYMENT_MISMATCH,
                    "the payments add up to " + sum.toPlainString() + " but " + due.toPlainString() + " is due");
        }
    }
}
