package io.facecard.application.checkout;

import io.facecard.application.problem.Validation;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.refusal.Refusal;
import java.util.List;
import java.util.UUID;

/**
 * What a till asks of {@link CheckoutFlow}, each a record that refuses a malformed request as it
 * is built; what depends on the tenant (currency, scale, the checkout's state) is decided later.
 */
public final class TillRequests {
    private TillRequests() {}

    public record Open(String currency, List<Baskets.LineDraft> lines) {
        public Open {
            Validation.requiredText(currency, "currency", 3);
            Baskets.requireLines(lines);
            lines = List.copyOf(lines);
        }
    }

    /** The customer by exactly one of card, phone, member id, or a face CONFIRM's token with the phone's last four digits. */
    public record Identify(String cardNumber, String phone, UUID memberId, String candidateToken, String phoneLast4) {
        public Identify {
            int given = (cardNumber == null ? 0 : 1) + (phone == null ? 0 : 1) + (memberId == null ? 0 : 1)
                    + (candidateToken == null ? 0 : 1);
            if (given != 1) {
                throw Refusal.invalid("send exactly one of 'cardNumber', 'phone', 'memberId' or 'candidateToken' (with 'phoneLast4')");
            }
        }

        public Identify(String cardNumber, String phone, UUID memberId) {
            this(cardNumber, phone, memberId, null, null);
        }

        public MemberId member() {
            return memberId == null ? null : new MemberId(memberId);
        }
    }

    public record Redeem(Long points) {
        public Redeem {
            if (points == null || points <= 0) {
                throw Refusal.invalid("'points' must be a whole number above 0");
            }
        }
    }

    public record Complete(String receiptNumber, List<Baskets.PaymentDraft> payments) {
        public Complete {
            receiptNumber = Baskets.receiptNumber(receiptNumber);
            Baskets.requireMethods(payments, true);
            payments = List.copyOf(payments);
        }
    }
}
