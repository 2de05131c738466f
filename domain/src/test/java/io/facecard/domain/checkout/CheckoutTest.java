package io.facecard.domain.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.domain.checkout.CheckoutCommands.CancelCheckout;
import io.facecard.domain.checkout.CheckoutCommands.ClearRedemption;
import io.facecard.domain.checkout.CheckoutCommands.CompleteCheckout;
import io.facecard.domain.checkout.CheckoutCommands.IdentifyCustomer;
import io.facecard.domain.checkout.CheckoutCommands.OpenCheckout;
import io.facecard.domain.checkout.CheckoutCommands.RedeemPoints;
import io.facecard.domain.checkout.CheckoutCommands.StartPayment;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCancelledEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCompletedEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutOpenedEvent;
import io.facecard.domain.checkout.CheckoutEvents.CustomerIdentifiedEvent;
import io.facecard.domain.checkout.CheckoutEvents.PaymentSettledEvent;
import io.facecard.domain.checkout.CheckoutEvents.PaymentStartedEvent;
import io.facecard.domain.checkout.CheckoutEvents.RedemptionClearedEvent;
import io.facecard.domain.checkout.CheckoutEvents.RedemptionRecordedEvent;
import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.domain.loyalty.Points;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.money.Money;
import io.facecard.domain.refusal.CommonRule;
import io.facecard.domain.refusal.Refused;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule the checkout decides, as given / when / then. */
class CheckoutTest {
    static final TenantId TENANT = new TenantId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    static final CheckoutId ID = new CheckoutId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    static final UUID STORE = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final UUID TILL = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final MemberId ANNA = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    static final MemberId BORIS = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    /** 1 point per euro, coffee ×2, a point is worth 0.10, at most half of a basket may be paid in points. */
    static final LoyaltyProgram PROGRAM = new LoyaltyProgram(BigDecimal.ONE, Map.of("coffee", new BigDecimal("2")),
            new BigDecimal("0.10"), new BigDecimal("0.5"), 0, new LoyaltyProgram.Expiry(LoyaltyProgram.ExpiryPolicy.NEVER, null),
            List.of(), 900);
    static final LoyaltyProgram.Tier GOLD = new LoyaltyProgram.Tier("Gold", new BigDecimal("500"), new BigDecimal("1.5"));
    /** 7.00 of coffee and 13.00 of other goods: 20.00. */
    static final List<Basket.Line> LINES = List.of(
            new Basket.Line("LATTE", "Latte", "coffee", BigDecimal.ONE, new BigDecimal("7.00"), new BigDecimal("7.00")),
            new Basket.Line("BREAD", "Bread", null, BigDecimal.ONE, new BigDecimal("13.00"), new BigDecimal("13.00")));
    static final BigDecimal TOTAL = new BigDecimal("20.00");

    AggregateTestFixture<Checkout> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Checkout.class);
    }

    static CheckoutOpenedEvent opened() {
        return new CheckoutOpenedEvent(TENANT, ID, STORE, TILL, "EUR", LINES, TOTAL, T0);
    }

    static CustomerIdentifiedEvent identified(MemberId member) {
        return new CustomerIdentifiedEvent(TENANT, ID, member, "CARD", T0);
    }

    static RedemptionRecordedEvent redeemed(long points, String value) {
        return new RedemptionRecordedEvent(TENANT, ID, points, new BigDecimal(value), T0);
    }

    static List<Basket.Payment> cash(String amount) {
        return List.of(new Basket.Payment("CASH", new BigDecimal(amount)));
    }

    @Test
    void aBasketOpensTheCheckout() {
        fixture.givenNoPriorActivity()
                .when(new OpenCheckout(ID, TENANT, STORE, TILL, "EUR", LINES, TOTAL, T0))
                .expectEvents(opened());
    }

    @Test
    void anEmptyBasketIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OpenCheckout(ID, TENANT, STORE, TILL, "EUR", List.of(), BigDecimal.ZERO, T0))
                .expectException(Refused.by(CheckoutRule.EMPTY_BASKET));
    }

    @Test
    void identifyingAttachesTheCustomer() {
        fixture.given(opened())
                .when(new IdentifyCustomer(ID, ANNA, "FACE", T0))
                .expectEvents(new CustomerIdentifiedEvent(TENANT, ID, ANNA, "FACE", T0))
                .expectState(c -> assertThat(status(c)).isEqualTo(Checkout.Status.IDENTIFIED));
    }

    @Test
    void anotherCustomerCannotTakeOverWhilePointsAreHeld() {
        fixture.given(opened(), identified(ANNA), redeemed(50, "5.00"))
                .when(new IdentifyCustomer(ID, BORIS, "CARD", T0))
                .expectException(Refused.by(CheckoutRule.REDEMPTION_HELD));
    }

    @Test
    void theSameCustomerMayBeIdentifiedAgainWhilePointsAreHeld() {
        fixture.given(opened(), identified(ANNA), redeemed(50, "5.00"))
                .when(new IdentifyCustomer(ID, ANNA, "FACE", T0))
                .expectEvents(new CustomerIdentifiedEvent(TENANT, ID, ANNA, "FACE", T0));
    }

    @Test
    void redeemingNeedsACustomer() {
        fixture.given(opened())
                .when(new RedeemPoints(ID, 10, PROGRAM, T0))
                .expectException(Refused.by(CheckoutRule.NO_MEMBER));
    }

    @Test
    void redeemingNeedsAPositiveNumberOfPoints() {
        fixture.given(opened(), identified(ANNA))
                .when(new RedeemPoints(ID, 0, PROGRAM, T0))
                .expectException(Refused.by(CommonRule.INVALID_REQUEST));
    }

    @Test
    void theProgramCapsWhatPointsMayPay() {
        // Half of 20.00 at 0.10 a point: 100 points at most.
        fixture.given(opened(), identified(ANNA))
                .when(new RedeemPoints(ID, 101, PROGRAM, T0))
                .expectException(Refused.by(CheckoutRule.REDEEM_LIMIT))
                .expectExceptionMessage("at most 100 points may pay for this basket (0.5 of it)");
    }

    @Test
    void aRedemptionWithinTheCapIsRecordedWithItsValueAndTheAmountLeftToPay() {
        fixture.given(opened(), identified(ANNA))
                .when(new RedeemPoints(ID, 100, PROGRAM, T0))
                .expectEvents(redeemed(100, "10.00"))
                .expectResultMessagePayload(new Checkout.Redeemed(ANNA, Points.of(100), new Money(new BigDecimal("10.00"), "EUR"),
                        new Money(new BigDecimal("10.00"), "EUR")));
    }

    @Test
    void clearingARedemptionTellsWhatTheAccountMustRelease() {
        fixture.given(opened(), identified(ANNA), redeemed(50, "5.00"))
                .when(new ClearRedemption(ID, "RELEASED", T0))
                .expectEvents(new RedemptionClearedEvent(TENANT, ID, 50, "RELEASED", T0))
                .expectResultMessagePayload(new Checkout.Released(ANNA, Points.of(50)));
    }

    @Test
    void clearingWithNothingHeldChangesNothing() {
        fixture.given(opened(), identified(ANNA))
                .when(new ClearRedemption(ID, "RELEASED", T0))
                .expectNoEvents()
                .expectResultMessagePayload(new Checkout.Released(ANNA, Points.NONE));
    }

    @Test
    void completionEarnsOnWhatWasPaidInMoney() {
        // 20.00 less 5.00 paid in points = 15.00 paid: the coffee's share 5.25 ×2 = 10, the bread's 9.75 → 9.
        fixture.given(opened(), identified(ANNA), redeemed(50, "5.00"))
                .when(new CompleteCheckout(ID, "R-1", cash("15.00"), PROGRAM, null, T0))
                .expectEvents(new CheckoutCompletedEvent(TENANT, ID, ANNA, "R-1", cash("15.00"), 19, 50, T0))
                .expectState(c -> assertThat(status(c)).isEqualTo(Checkout.Status.COMPLETED));
    }

    @Test
    void theTierMultipliesThePointsEarned() {
        // 7.00 coffee ×2 ×1.5 = 21, 13.00 ×1.5 = 19.
        fixture.given(opened(), identified(ANNA))
                .when(new CompleteCheckout(ID, "R-1", cash("20.00"), PROGRAM, GOLD, T0))
                .expectEvents(new CheckoutCompletedEvent(TENANT, ID, ANNA, "R-1", cash("20.00"), 40, 0, T0));
    }

    @Test
    void aSaleWithoutCustomerEarnsNothing() {
        fixture.given(opened())
                .when(new CompleteCheckout(ID, "R-1", cash("20.00"), PROGRAM, null, T0))
                .expectEvents(new CheckoutCompletedEvent(TENANT, ID, null, "R-1", cash("20.00"), 0, 0, T0))
                .expectResultMessagePayload(new Checkout.Completed(null, List.of(), Points.NONE, Points.NONE,
                        new Money(new BigDecimal("20.00"), "EUR"), new Money(TOTAL, "EUR")));
    }

    @Test
    void thePaymentsMustCoverExactlyWhatIsDue() {
        fixture.given(opened(), identified(ANNA), redeemed(50, "5.00"))
                .when(new CompleteCheckout(ID, "R-1", cash("20.00"), PROGRAM, null, T0))
                .expectException(Refused.by(CheckoutRule.PAYMENT_MISMATCH))
                .expectExceptionMessage("the payments add up to 20.00 but 15.00 is due");
    }

    @Test
    void aCompletedCheckoutCannotChange() {
        fixture.given(opened(), identified(ANNA), new CheckoutCompletedEvent(TENANT, ID, ANNA, "R-1", cash("20.00"), 27, 0, T0))
                .when(new RedeemPoints(ID, 10, PROGRAM, T0))
                .expectException(Refused.by(CheckoutRule.CHECKOUT_COMPLETED))
                .expectExceptionMessage("the checkout is completed and cannot change");
    }

    @Test
    void aCancelledCheckoutCannotBeCompleted() {
        fixture.given(opened(), new CheckoutCancelledEvent(TENANT, ID, "CANCELLED", T0))
                .when(new CompleteCheckout(ID, "R-1", cash("20.00"), PROGRAM, null, T0))
                .expectException(Refused.by(CheckoutRule.CHECKOUT_CANCELLED));
    }

    @Test
    void cancellingAnswersWithTheHoldToRelease() {
        fixture.given(opened(), identified(ANNA), redeemed(50, "5.00"))
                .when(new CancelCheckout(ID, "CANCELLED", T0))
                .expectEvents(new CheckoutCancelledEvent(TENANT, ID, "CANCELLED", T0))
                .expectResultMessagePayload(new Checkout.Cancelled(new Checkout.Released(ANNA, Points.of(50)), List.of()))
                .expectState(c -> assertThat(status(c)).isEqualTo(Checkout.Status.CANCELLED));
    }

    static final UUID P1 = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    static final UUID P2 = UUID.fromString("00000000-0000-0000-0000-0000000000f2");

    static PaymentStartedEvent paying(UUID payment, String method, String amount) {
        return new PaymentStartedEvent(TENANT, ID, payment, method, new BigDecimal(amount), T0);
    }

    static PaymentSettledEvent settled(UUID payment, boolean succeeded) {
        return new PaymentSettledEvent(TENANT, ID, payment, succeeded, T0);
    }

    @Test
    void aPaymentMayPayAtMostWhatIsLeftAfterThePoints() {
        fixture.given(opened(), identified(ANNA), redeemed(50, "5.00"))
                .when(new StartPayment(ID, P1, "ALIPAY", new BigDecimal("15.00"), null, T0))
                .expectEvents(paying(P1, "ALIPAY", "15.00"))
                .expectState(c -> assertThat(status(c)).isEqualTo(Checkout.Status.PAYING));
        fixture.given(opened(), identified(ANNA), redeemed(50, "5.00"))
                .when(new StartPayment(ID, P1, "ALIPAY", new BigDecimal("15.01"), null, T0))
                .expectException(Refused.by(CheckoutRule.PAYMENT_AMOUNT));
        fixture.given(opened(), paying(P1, "ALIPAY", "5.00"), settled(P1, true))
                .when(new StartPayment(ID, P2, "WECHAT_PAY", new BigDecimal("15.01"), null, T0))
                .expectException(Refused.by(CheckoutRule.PAYMENT_AMOUNT));
    }

    @Test
    void onePaymentIsPendingAtATimeAndTheSameOneAskedAgainChangesNothing() {
        fixture.given(opened(), paying(P1, "ALIPAY", "5.00"))
                .when(new StartPayment(ID, P2, "ALIPAY", new BigDecimal("5.00"), null, T0))
                .expectException(Refused.by(CheckoutRule.PAYMENT_PENDING));
        fixture.given(opened(), paying(P1, "ALIPAY", "5.00"))
                .when(new StartPayment(ID, P1, "ALIPAY", new BigDecimal("5.00"), null, T0))
                .expectNoEvents();
    }

    @Test
    void whilePayingTheRedemptionAndTheCustomerCannotChange() {
        fixture.given(opened(), identified(ANNA), paying(P1, "STRIPE_FACE", "20.00"))
                .when(new RedeemPoints(ID, 10, PROGRAM, T0))
                .expectException(Refused.by(CheckoutRule.CHECKOUT_PAYING));
        fixture.given(opened(), identified(ANNA), paying(P1, "STRIPE_FACE", "20.00"))
                .when(new IdentifyCustomer(ID, BORIS, "CARD", T0))
                .expectException(Refused.by(CheckoutRule.CHECKOUT_PAYING));
        fixture.given(opened(), paying(P1, "ALIPAY", "20.00"))
                .when(new CancelCheckout(ID, "CANCELLED", T0))
                .expectException(Refused.by(CheckoutRule.PAYMENT_PENDING));
        fixture.given(opened(), paying(P1, "ALIPAY", "20.00"))
                .when(new CompleteCheckout(ID, "R-1", cash("20.00"), PROGRAM, null, T0))
                .expectException(Refused.by(CheckoutRule.PAYMENT_PENDING));
    }

    @Test
    void aFailedPaymentLeavesTheSaleOpenToChange() {
        fixture.given(opened(), identified(ANNA), paying(P1, "ALIPAY", "20.00"), settled(P1, false))
                .when(new RedeemPoints(ID, 10, PROGRAM, T0))
                .expectSuccessfulHandlerExecution()
                .expectState(c -> assertThat(status(c)).isEqualTo(Checkout.Status.IDENTIFIED));
    }

    @Test
    void aSucceededPaymentMustBeOnTheReceiptAsItWasPaid() {
        fixture.given(opened(), identified(ANNA), paying(P1, "ALIPAY", "12.00"), settled(P1, true))
                .when(new CompleteCheckout(ID, "R-1", cash("20.00"), PROGRAM, null, T0))
                .expectException(Refused.by(CheckoutRule.PAYMENT_MISMATCH));
        fixture.given(opened(), identified(ANNA), paying(P1, "ALIPAY", "12.00"), settled(P1, true))
                .when(new CompleteCheckout(ID, "R-1", List.of(new Basket.Payment("ALIPAY", new BigDecimal("12.00"), P2),
                        new Basket.Payment("CASH", new BigDecimal("8.00"))), PROGRAM, null, T0))
                .expectException(Refused.by(CheckoutRule.PAYMENT_MISMATCH));
        List<Basket.Payment> split = List.of(new Basket.Payment("ALIPAY", new BigDecimal("12.00"), P1),
                new Basket.Payment("CASH", new BigDecimal("8.00")));
        fixture.given(opened(), identified(ANNA), paying(P1, "ALIPAY", "12.00"), settled(P1, true))
                .when(new CompleteCheckout(ID, "R-1", split, PROGRAM, null, T0))
                .expectEvents(new CheckoutCompletedEvent(TENANT, ID, ANNA, "R-1", split, 27, 0, T0));
    }

    @Test
    void cancellingAfterASucceededPaymentNamesItForRefund() {
        fixture.given(opened(), paying(P1, "WECHAT_PAY", "20.00"), settled(P1, true))
                .when(new CancelCheckout(ID, "CANCELLED", T0))
                .expectEvents(new CheckoutCancelledEvent(TENANT, ID, "CANCELLED",
                        List.of(new Basket.Payment("WECHAT_PAY", new BigDecimal("20.00"), P1)), T0));
    }

    @Test
    void payingByOurOwnFaceMatchNeedsAStrongEnoughIdentification() {
        FaceProof.Needed needs = new FaceProof.Needed(0.6, null);
        fixture.given(opened(), identified(ANNA))
                .when(new StartPayment(ID, P1, "STRIPE_FACE", TOTAL, needs, T0))
                .expectException(Refused.by(CheckoutRule.FACE_NOT_ENOUGH));
        fixture.given(opened(), new CustomerIdentifiedEvent(TENANT, ID, ANNA, "FACE", new FaceProof(0.55, null, false), T0))
                .when(new StartPayment(ID, P1, "STRIPE_FACE", TOTAL, needs, T0))
                .expectException(Refused.by(CheckoutRule.FACE_NOT_ENOUGH));
        fixture.given(opened(), new CustomerIdentifiedEvent(TENANT, ID, ANNA, "FACE", new FaceProof(0.55, null, true), T0))
                .when(new StartPayment(ID, P1, "STRIPE_FACE", TOTAL, needs, T0))
                .expectEvents(paying(P1, "STRIPE_FACE", "20.00"));
        fixture.given(opened(), new CustomerIdentifiedEvent(TENANT, ID, ANNA, "FACE", new FaceProof(0.7, null, false), T0))
                .when(new StartPayment(ID, P1, "STRIPE_FACE", TOTAL, new FaceProof.Needed(0.6, 0.5), T0))
                .expectException(Refused.by(CheckoutRule.FACE_NOT_ENOUGH));
    }

    private static Checkout.Status status(Checkout c) {
        return c.status();
    }
}
