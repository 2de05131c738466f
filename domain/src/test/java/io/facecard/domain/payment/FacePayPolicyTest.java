package io.facecard.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.domain.payment.FacePayPolicy.Facts;
import io.facecard.domain.payment.FacePayPolicy.Reason;
import io.facecard.domain.payment.FacePayPolicy.Request;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FacePayPolicyTest {
    static final FacePayPolicy LIMIT_200 = new FacePayPolicy(new BigDecimal("200"));
    static final Facts READY = new Facts(true, () -> true, () -> true);

    static Request wechat(String amount, String currency) {
        return new Request(PaymentMethod.WECHAT_PAY, new BigDecimal(amount), currency, false, false);
    }

    static Request stripe(String amount, boolean confirmed, boolean member) {
        return new Request(PaymentMethod.STRIPE_FACE, new BigDecimal(amount), "EUR", confirmed, member);
    }

    @Test
    void anAdmittedAmountIsChargedAtTheCurrencysScale() {
        var d = LIMIT_200.decide(wechat("12.5", "CNY"), READY);
        assertThat(d.admitted()).isTrue();
        assertThat(d.amount()).isEqualByComparingTo("12.50");
        assertThat(d.amount().scale()).isEqualTo(2);
        assertThat(LIMIT_200.decide(stripe("200.00", true, true), READY).amount()).as("the limit itself is allowed").isEqualByComparingTo("200");
    }

    @Test
    void chineseRailsSettleOnlyInRenminbiAndOnlyWhenConfigured() {
        assertThat(LIMIT_200.decide(wechat("10", "EUR"), READY).refused()).isEqualTo(Reason.WRONG_CURRENCY);
        assertThat(LIMIT_200.decide(wechat("10", "CNY"), new Facts(false, () -> true, () -> true)).refused()).isEqualTo(Reason.NOT_CONFIGURED);
        assertThat(LIMIT_200.decide(stripe("10", true, true), READY).admitted()).as("Stripe takes any currency").isTrue();
    }

    @Test
    void theAmountHasNoMoreDecimalsThanItsCurrencyAndStaysWithinTheLimit() {
        assertThat(LIMIT_200.decide(wechat("1.005", "CNY"), READY).refused()).isEqualTo(Reason.TOO_MANY_DECIMALS);
        assertThat(LIMIT_200.decide(new Request(PaymentMethod.STRIPE_FACE, new BigDecimal("5.5"), "JPY", true, true), READY).refused())
                .as("yen have no decimals").isEqualTo(Reason.TOO_MANY_DECIMALS);
        assertThat(LIMIT_200.decide(wechat("1.50000", "CNY"), READY).admitted()).as("trailing zeros are no decimals").isTrue();
        assertThat(LIMIT_200.decide(wechat("200.01", "CNY"), READY).refused()).isEqualTo(Reason.OVER_LIMIT);
    }

    @Test
    void aStripeFacePaymentNeedsConfirmationMemberConsentAndCardInThatOrder() {
        assertThat(LIMIT_200.decide(stripe("10", false, true), READY).refused()).isEqualTo(Reason.NOT_CONFIRMED);
        assertThat(LIMIT_200.decide(stripe("10", true, false), READY).refused()).isEqualTo(Reason.NO_MEMBER);
        assertThat(LIMIT_200.decide(stripe("10", true, true), new Facts(true, () -> false, () -> true)).refused()).isEqualTo(Reason.NO_CONSENT);
        assertThat(LIMIT_200.decide(stripe("10", true, true), new Facts(true, () -> true, () -> false)).refused()).isEqualTo(Reason.NO_SAVED_CARD);
    }

    @Test
    void factsThatCostAReadAreAskedOnlyWhenTheDecisionGetsToThem() {
        AtomicInteger reads = new AtomicInteger();
        Facts counting = new Facts(true, () -> reads.incrementAndGet() > 0, () -> reads.incrementAndGet() > 0);
        LIMIT_200.decide(wechat("10", "CNY"), counting);
        LIMIT_200.decide(stripe("999", true, true), counting);
        LIMIT_200.decide(stripe("10", true, false), counting);
        assertThat(reads).as("no consent or card read for a WeChat payment, one over the limit, or no member").hasValue(0);
        LIMIT_200.decide(stripe("10", true, true), counting);
        assertThat(reads).hasValue(2);
    }

    @Test
    void theLatestConsentEntryDecides() {
        assertThat(FacePayPolicy.consented(List.of())).isFalse();
        assertThat(FacePayPolicy.consented(List.of(true))).isTrue();
        assertThat(FacePayPolicy.consented(List.of(true, false))).as("withdrawn after the grant").isFalse();
        assertThat(FacePayPolicy.consented(List.of(false, true))).as("granted again").isTrue();
    }
}
