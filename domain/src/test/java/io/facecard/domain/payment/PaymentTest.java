package io.facecard.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.domain.checkout.Basket;
import io.facecard.domain.checkout.CheckoutId;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.payment.Payment.Answer;
import io.facecard.domain.payment.Payment.Outcome;
import io.facecard.domain.payment.Payment.Step;
import io.facecard.domain.payment.Payment.StepKind;
import io.facecard.domain.payment.PaymentCommands.ClaimRefund;
import io.facecard.domain.payment.PaymentCommands.ClaimStep;
import io.facecard.domain.payment.PaymentCommands.RecordRefund;
import io.facecard.domain.payment.PaymentCommands.RecordStep;
import io.facecard.domain.payment.PaymentCommands.RequestRefund;
import io.facecard.domain.payment.PaymentEvents.PaymentAwaitingEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentFailedEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentRequestedEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentReversedEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentReversingEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentStepClaimedEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentSucceededEvent;
import io.facecard.domain.payment.PaymentEvents.RefundClaimedEvent;
import io.facecard.domain.payment.PaymentEvents.RefundRequestedEvent;
import io.facecard.domain.payment.PaymentEvents.RefundSucceededEvent;
import io.facecard.domain.refusal.Refused;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The payment's steps under the providers' timings: what is due when, who owns a step, what a late answer changes. */
class PaymentTest {
    static final TenantId TENANT = new TenantId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    static final CheckoutId CHECKOUT = new CheckoutId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    static final PaymentId ID = PaymentId.of(TENANT, CHECKOUT, "key-1");
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final PaymentTimings T = PaymentTimings.PROVIDERS;

    AggregateTestFixture<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    static PaymentRequestedEvent requested(PaymentMethod method) {
        return new PaymentRequestedEvent(TENANT, ID, CHECKOUT, new MemberId(UUID.randomUUID()), method, new BigDecimal("20.00"), "CNY",
                "f", T0);
    }

    static PaymentStepClaimedEvent claimed(StepKind kind, int attempt, Instant at) {
        return new PaymentStepClaimedEvent(TENANT, ID, kind, attempt, at.plus(T.lease()), at);
    }

    @Test
    void theCheckoutKnowsEveryFacePayMethodByName() {
        assertThat(Basket.FACE_PAY_METHODS)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(PaymentMethod.values()).map(Enum::name).toList());
    }

    @Test
    void theIdAndTheReferenceFollowFromTheRequestSoARetryNamesTheSameCharge() {
        assertThat(PaymentId.of(TENANT, CHECKOUT, "key-1")).isEqualTo(ID);
        assertThat(PaymentId.of(TENANT, CHECKOUT, "key-2")).isNotEqualTo(ID);
        assertThat(ID.reference()).hasSize(32).matches("[0-9a-f]+");
        assertThat(ID.refundReference("return-1")).isNotEqualTo(ID.refundReference("return-2")).hasSize(32);
    }

    @Test
    void theFirstStepIsTheChargeAndItsLeaseKeepsASecondWorkerOut() {
        fixture.given(requested(PaymentMethod.WECHAT_PAY))
                .when(new ClaimStep(ID, T, T0))
                .expectEvents(claimed(StepKind.CHARGE, 1, T0))
                .expectResultMessagePayload(new Step(StepKind.CHARGE, 1));
        fixture.given(requested(PaymentMethod.WECHAT_PAY), claimed(StepKind.CHARGE, 1, T0))
                .when(new ClaimStep(ID, T, T0.plusSeconds(3)))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void aChargeCutOffByACrashIsQueriedNeverSentAgainOnAPolledRail() {
        fixture.given(requested(PaymentMethod.ALIPAY), claimed(StepKind.CHARGE, 1, T0))
                .when(new ClaimStep(ID, T, T0.plus(T.lease())))
                .expectResultMessagePayload(new Step(StepKind.QUERY, 2));
    }

    @Test
    void stripeIsAskedAgainUnderTheSameKeyWhichAnswersTheFirstOutcome() {
        fixture.given(requested(PaymentMethod.STRIPE_FACE), claimed(StepKind.CHARGE, 1, T0))
                .when(new ClaimStep(ID, T, T0.plus(T.lease())))
                .expectResultMessagePayload(new Step(StepKind.CHARGE, 2));
    }

    @Test
    void anUnknownChargeIsQueriedAfterTheFirstDelayAndABuyerPayingAfterTheInterval() {
        fixture.given(requested(PaymentMethod.WECHAT_PAY), claimed(StepKind.CHARGE, 1, T0))
                .when(new RecordStep(ID, StepKind.CHARGE, Answer.of(Outcome.UNKNOWN, null, "timeout"), T, T0.plusSeconds(2)))
                .expectEvents(new PaymentAwaitingEvent(TENANT, ID, StepKind.CHARGE, "timeout", T0.plusSeconds(7), T0.plusSeconds(2)));
        fixture.given(requested(PaymentMethod.WECHAT_PAY), claimed(StepKind.CHARGE, 1, T0))
                .when(new RecordStep(ID, StepKind.CHARGE, Answer.of(Outcome.PENDING, null, "USERPAYING"), T, T0))
                .expectEvents(new PaymentAwaitingEvent(TENANT, ID, StepKind.CHARGE, "USERPAYING", T0.plusSeconds(10), T0));
        fixture.given(requested(PaymentMethod.WECHAT_PAY), claimed(StepKind.CHARGE, 1, T0),
                        new PaymentAwaitingEvent(TENANT, ID, StepKind.CHARGE, "USERPAYING", T0.plusSeconds(10), T0))
                .when(new ClaimStep(ID, T, T0.plusSeconds(9)))
                .expectResultMessagePayload(null);
    }

    @Test
    void aChargeThatNeverResolvesIsReversedAfterTheWindowAndFailsWhenTheReversalHolds() {
        Instant late = T0.plus(T.payWindow());
        PaymentStepClaimedEvent query = claimed(StepKind.QUERY, 2, T0.plusSeconds(10));
        PaymentAwaitingEvent paying = new PaymentAwaitingEvent(TENANT, ID, StepKind.QUERY, "USERPAYING", T0.plusSeconds(20),
                T0.plusSeconds(10));
        fixture.given(requested(PaymentMethod.WECHAT_PAY), claimed(StepKind.CHARGE, 1, T0),
                        new PaymentAwaitingEvent(TENANT, ID, StepKind.CHARGE, "USERPAYING", T0.plusSeconds(10), T0), query, paying)
                .when(new ClaimStep(ID, T, late))
                .expectEvents(new PaymentReversingEvent(TENANT, ID, late, late), claimed(StepKind.REVERSE, 3, late));
        fixture.given(requested(PaymentMethod.WECHAT_PAY), claimed(StepKind.CHARGE, 1, T0),
                        new PaymentReversingEvent(TENANT, ID, late, late), claimed(StepKind.REVERSE, 2, late))
                .when(new RecordStep(ID, StepKind.REVERSE, Answer.of(Outcome.PENDING, null, "USERPAYING"), T, late))
                .expectEvents(new PaymentAwaitingEvent(TENANT, ID, StepKind.REVERSE, "USERPAYING", late.plus(T.queryEvery()), late));
        fixture.given(requested(PaymentMethod.WECHAT_PAY), claimed(StepKind.CHARGE, 1, T0),
                        new PaymentReversingEvent(TENANT, ID, late, late), claimed(StepKind.REVERSE, 2, late))
                .when(new RecordStep(ID, StepKind.REVERSE, Answer.of(Outcome.SUCCEEDED, null, null), T, late))
                .expectEvents(new PaymentReversedEvent(TENANT, ID, CHECKOUT, late))
                .expectResultMessagePayload(Payment.Status.FAILED);
    }

    @Test
    void aChargeWhoseAnswerNeverCameIsQueriedOnceBeforeItIsReversedHoweverLongTheCallTook() {
        Instant late = T0.plus(T.payWindow()).plusSeconds(5);
        fixture.given(requested(PaymentMethod.ALIPAY), claimed(StepKind.CHARGE, 1, T0),
                        new PaymentAwaitingEvent(TENANT, ID, StepKind.CHARGE, "timeout", late, late.minusSeconds(5)))
                .when(new ClaimStep(ID, T, late))
                .expectResultMessagePayload(new Step(StepKind.QUERY, 2));
    }

    @Test
    void aReversalNeverComesEarlierThanTheProvidersMinimumEvenWithAShortWindow() {
        PaymentTimings quick = new PaymentTimings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(15), Duration.ofSeconds(5));
        fixture.given(requested(PaymentMethod.WECHAT_PAY), claimed(StepKind.CHARGE, 1, T0),
                        new PaymentAwaitingEvent(TENANT, ID, StepKind.CHARGE, "USERPAYING", T0.plusSeconds(1), T0))
                .when(new ClaimStep(ID, quick, T0.plusSeconds(5)))
                .expectResultMessagePayload(new Step(StepKind.QUERY, 2));
    }

    @Test
    void theFirstDecisionStandsAgainstALateAnswer() {
        fixture.given(requested(PaymentMethod.ALIPAY), claimed(StepKind.CHARGE, 1, T0),
                        new PaymentFailedEvent(TENANT, ID, CHECKOUT, "ACQ.PAYMENT_AUTH_CODE_INVALID", T0))
                .when(new RecordStep(ID, StepKind.QUERY, Answer.of(Outcome.SUCCEEDED, "2026", null), T, T0))
                .expectNoEvents();
    }

    @Test
    void aRefundIsAskedOnceAndNeverAboveWhatWasPaid() {
        PaymentSucceededEvent paid = new PaymentSucceededEvent(TENANT, ID, CHECKOUT, "4200", T0);
        RefundRequestedEvent refund = new RefundRequestedEvent(TENANT, ID, "r1", new BigDecimal("15.00"), "RETURN", T0);
        fixture.given(requested(PaymentMethod.WECHAT_PAY), paid)
                .when(new RequestRefund(ID, "r1", new BigDecimal("15.00"), "RETURN", T0))
                .expectEvents(refund).expectResultMessagePayload(true);
        fixture.given(requested(PaymentMethod.WECHAT_PAY), paid, refund)
                .when(new RequestRefund(ID, "r1", new BigDecimal("15.00"), "RETURN", T0))
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(requested(PaymentMethod.WECHAT_PAY), paid, refund)
                .when(new RequestRefund(ID, "r2", new BigDecimal("5.01"), "RETURN", T0))
                .expectException(Refused.by(PaymentRule.REFUND_EXCEEDS_PAYMENT));
        fixture.given(requested(PaymentMethod.WECHAT_PAY))
                .when(new RequestRefund(ID, "r1", new BigDecimal("1.00"), "RETURN", T0))
                .expectException(Refused.by(PaymentRule.REFUND_EXCEEDS_PAYMENT));
    }

    @Test
    void aRefundIsClaimedByOneWorkerAndAcceptedOnce() {
        PaymentSucceededEvent paid = new PaymentSucceededEvent(TENANT, ID, CHECKOUT, "4200", T0);
        RefundRequestedEvent refund = new RefundRequestedEvent(TENANT, ID, "r1", new BigDecimal("15.00"), "RETURN", T0);
        RefundClaimedEvent claim = new RefundClaimedEvent(TENANT, ID, "r1", T0.plus(T.lease()), T0);
        fixture.given(requested(PaymentMethod.WECHAT_PAY), paid, refund)
                .when(new ClaimRefund(ID, "r1", T, T0))
                .expectEvents(claim).expectResultMessagePayload(new BigDecimal("15.00"));
        fixture.given(requested(PaymentMethod.WECHAT_PAY), paid, refund, claim)
                .when(new ClaimRefund(ID, "r1", T, T0.plusSeconds(1)))
                .expectNoEvents().expectResultMessagePayload(null);
        fixture.given(requested(PaymentMethod.WECHAT_PAY), paid, refund, claim)
                .when(new RecordRefund(ID, "r1", Answer.of(Outcome.PENDING, "50300", null), T, T0))
                .expectEvents(new RefundSucceededEvent(TENANT, ID, "r1", new BigDecimal("15.00"), "50300", T0));
        fixture.given(requested(PaymentMethod.WECHAT_PAY), paid, refund, claim,
                        new RefundSucceededEvent(TENANT, ID, "r1", new BigDecimal("15.00"), "50300", T0))
                .when(new ClaimRefund(ID, "r1", T, T0.plus(T.lease())))
                .expectNoEvents().expectResultMessagePayload(null);
    }
}
