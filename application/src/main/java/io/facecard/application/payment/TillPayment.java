package io.facecard.application.payment;

import io.facecard.application.problem.Validation;
import io.facecard.domain.payment.PaymentMethod;
import io.facecard.domain.refusal.Refusal;
import java.math.BigDecimal;

/**
 * What a till asks to pay, checked as it is built.
 *
 * @param authCode the code the provider's face device produced (WeChat's face_code, Alipay's ftoken); none for STRIPE_FACE
 * @param confirmedByCustomer the customer confirmed the amount on the till's screen (STRIPE_FACE needs it)
 */
public record TillPayment(PaymentMethod method, BigDecimal amount, String authCode, boolean confirmedByCustomer) {
    public static TillPayment of(String method, BigDecimal amount, String authCode, Boolean confirmedByCustomer) {
        Validation.requiredText(method, "method", 32);
        PaymentMethod m;
        try {
            m = PaymentMethod.valueOf(method);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("'method' must be one of WECHAT_PAY, ALIPAY, STRIPE_FACE; CASH and CARD are paid outside the platform "
                    + "and only named in 'complete'");
        }
        if (amount == null || amount.signum() <= 0 || amount.compareTo(new BigDecimal("10000000")) > 0) {
            throw Refusal.invalid("'amount' must be above 0 and at most 10000000");
        }
        if (m.polled()) {
            String code = Validation.requiredText(authCode, "authCode", 128);
            if (code.length() < 10 || !code.chars().allMatch(c -> c > 32 && c < 127)) {
                throw Refusal.invalid("'authCode' must be the code of the provider's face device (10-128 visible characters)");
            }
        } else if (authCode != null) {
            throw Refusal.invalid("STRIPE_FACE charges the member's saved card; it takes no 'authCode'");
        }
        return new TillPayment(m, amount, authCode, Boolean.TRUE.equals(confirmedByCustomer));
    }

    /** Never the code: a payment in a log line leaks nothing. */
    @Override
    public String toString() {
        return "TillPayment[" + method + ", " + amount.toPlainString() + "]";
    }
}
