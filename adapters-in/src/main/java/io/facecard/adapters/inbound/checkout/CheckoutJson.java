package io.facecard.adapters.inbound.checkout;

import io.facecard.adapters.inbound.membership.MemberJson;
import io.facecard.application.checkout.AfterSales;
import io.facecard.application.checkout.Baskets;
import io.facecard.application.checkout.CheckoutFlow;
import io.facecard.application.checkout.port.Checkouts;
import io.facecard.domain.checkout.Basket;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON of the till's checkout calls and of purchases and returns reported after the sale. */
public final class CheckoutJson {
    private CheckoutJson() {}

    public record OpenCheckout(String currency, List<Baskets.LineDraft> lines) {}

    public record CheckoutBody(UUID id, String status, String currency, BigDecimal total, List<Basket.Line> lines, UUID memberId,
            long heldPoints, BigDecimal heldValue, BigDecimal due, String receiptNumber, long pointsEarned, long pointsRedeemed) {
        public static CheckoutBody of(Checkouts.CheckoutView c) {
            return new CheckoutBody(c.id(), c.status(), c.currency(), c.total(), c.lines(), c.memberId(), c.heldPoints(), c.heldValue(),
                    c.due(), c.receiptNumber(), c.pointsEarned(), c.pointsRedeemed());
        }
    }

    /** Exactly one of: up to five base64 frames of the customer, a card, a phone, a member id, or a CONFIRM's token with its digits. */
    public record CheckoutProbe(List<String> frames, String cardNumber, String phone, UUID memberId, String candidateToken,
            String phoneLast4) {}

    public record CheckoutIdentified(String decision, MemberJson.MemberRef member, double score, String candidateToken, String hint,
            Integer triesLeft, Double liveness, CheckoutFlow.Quote quote) {
        public static CheckoutIdentified of(CheckoutFlow.Identified i) {
            var f = i.identification();
            return new CheckoutIdentified(f.decision().name(), MemberJson.ref(f.member()), Math.round(f.score() * 10000) / 10000.0,
                    f.candidateToken(), f.hint(), f.triesLeft(), f.liveness(), i.quote());
        }
    }

    public record RedemptionRequest(Long points) {}

    public record RedemptionBody(UUID checkoutId, long points, BigDecimal value, BigDecimal due, long balance) {
        public static RedemptionBody of(CheckoutFlow.Redemption r) {
            return new RedemptionBody(r.checkoutId(), r.points(), r.value(), r.due(), r.balance());
        }
    }

    public record Completion(String receiptNumber, List<Baskets.PaymentDraft> payments) {}

    public record Purchase(String receiptNumber, Instant occurredAt, AfterSales.MemberRef member, String currency,
            List<Baskets.LineDraft> lines, List<Baskets.PaymentDraft> payments) {}

    public record Return(String receiptNumber, List<AfterSales.ReturnLine> lines) {}
}
