package io.facecard.application.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.domain.checkout.CheckoutRule;
import io.facecard.domain.refusal.CommonRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.refusal.Rule;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A till's request refuses its own malformed shape before any use case runs. */
class TillRequestsTest {
    static final Baskets.LineDraft TEA = new Baskets.LineDraft("TEA", "Tea", null, BigDecimal.ONE, new BigDecimal("2.00"));

    static void refusedBy(Runnable r, Rule rule, String detail) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(Refusal.class, e -> {
            assertThat(e.rule()).isEqualTo(rule);
            assertThat(e.getMessage()).contains(detail);
        });
    }

    @Test
    void aBasketNeedsACurrencyAndOneTo500Lines() {
        refusedBy(() -> new TillRequests.Open(null, List.of(TEA)), CommonRule.INVALID_REQUEST, "currency");
        refusedBy(() -> new TillRequests.Open("EUR", List.of()), CommonRule.INVALID_REQUEST, "1 to 500 lines");
        refusedBy(() -> new TillRequests.Open("EUR", Arrays.asList(TEA, null)), CommonRule.INVALID_REQUEST, "'lines[1]' is empty");
        assertThat(new TillRequests.Open("EUR", List.of(TEA)).lines()).containsExactly(TEA);
    }

    @Test
    void aCustomerIsNamedExactlyOnce() {
        refusedBy(() -> new TillRequests.Identify(null, null, null), CommonRule.INVALID_REQUEST, "exactly one");
        refusedBy(() -> new TillRequests.Identify("CARD-1", "+4930111", null), CommonRule.INVALID_REQUEST, "exactly one");
        UUID id = new UUID(0, 1);
        assertThat(new TillRequests.Identify(null, null, id).member().value()).isEqualTo(id);
    }

    @Test
    void aRedemptionIsAPositiveNumberOfPoints() {
        refusedBy(() -> new TillRequests.Redeem(null), CommonRule.INVALID_REQUEST, "'points'");
        refusedBy(() -> new TillRequests.Redeem(0L), CommonRule.INVALID_REQUEST, "'points'");
        assertThat(new TillRequests.Redeem(5L).points()).isEqualTo(5);
    }

    @Test
    void aCompletionNamesItsReceiptAndPaysByKnownMethods() {
        List<Baskets.PaymentDraft> cash = List.of(new Baskets.PaymentDraft("CASH", new BigDecimal("2.00"), null));
        refusedBy(() -> new TillRequests.Complete(" ", cash), CommonRule.INVALID_REQUEST, "receiptNumber");
        refusedBy(() -> new TillRequests.Complete("R-1", List.of()), CommonRule.INVALID_REQUEST, "1 to 20 payments");
        refusedBy(() -> new TillRequests.Complete("R-1", List.of(new Baskets.PaymentDraft("FACE_PAY", BigDecimal.ONE, null))),
                CheckoutRule.PAYMENT_METHOD_UNAVAILABLE, "FACE_PAY");
        assertThat(new TillRequests.Complete("R-1", cash).payments()).isEqualTo(cash);
    }
}
