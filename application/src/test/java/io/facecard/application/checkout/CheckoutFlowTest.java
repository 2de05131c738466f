package io.facecard.application.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.application.checkout.port.Checkouts;
import io.facecard.application.checkout.port.Checkouts.CheckoutView;
import io.facecard.application.checkout.port.FacePayRefunds;
import io.facecard.application.checkout.port.TillOffers;
import io.facecard.application.loyalty.port.Ledger;
import io.facecard.application.loyalty.port.LoyaltyTerms;
import io.facecard.application.loyalty.port.Programs;
import io.facecard.application.membership.port.FaceIdentification;
import io.facecard.application.membership.port.Identification;
import io.facecard.application.membership.port.MemberAccess;
import io.facecard.application.membership.port.MemberView;
import io.facecard.application.messaging.port.ServiceNotices;
import io.facecard.application.security.Caller;
import io.facecard.application.security.TerminalKind;
import io.facecard.application.support.RecordingCommands;
import io.facecard.application.support.Stub;
import io.facecard.domain.checkout.Basket;
import io.facecard.domain.checkout.Checkout;
import io.facecard.domain.checkout.CheckoutCommands.IdentifyCustomer;
import io.facecard.domain.checkout.CheckoutCommands.RedeemPoints;
import io.facecard.domain.loyalty.LoyaltyCommands.PlaceHold;
import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.domain.loyalty.Points;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.money.Money;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The till's checkout orchestration over in-memory ports: what it asks the aggregates and what it answers the till. */
class CheckoutFlowTest {
    static final TenantId T = new TenantId(new UUID(1, 1));
    static final UUID STORE = new UUID(3, 1);
    static final Caller TILL = new Caller.Terminal(T, STORE, new UUID(5, 1), TerminalKind.POS);
    static final Caller OTHER_STORE = new Caller.Terminal(T, new UUID(3, 2), new UUID(5, 2), TerminalKind.POS);
    static final UUID CHECKOUT = new UUID(4, 1);
    static final MemberId ANNA = new MemberId(new UUID(6, 1));
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    /** A point per euro, a point worth a cent, at most half a basket in points, holds of 15 minutes. */
    static final LoyaltyProgram PROGRAM = new LoyaltyProgram(BigDecimal.ONE, Map.of(), new BigDecimal("0.01"), new BigDecimal("0.5"), 0,
            new LoyaltyProgram.Expiry(LoyaltyProgram.ExpiryPolicy.NEVER, null), List.of(), 900);

    final Set<MemberId> erased = new HashSet<>();
    final RecordingCommands commands = new RecordingCommands(c -> {
        if (c instanceof RedeemPoints r) {
            return new Checkout.Redeemed(ANNA, new Points(r.points()), new Money(new BigDecimal("4.00"), "EUR"),
                    new Money(new BigDecimal("36.00"), "EUR"));
        }
        return c instanceof PlaceHold ? new Points(600) : null;
    });
    final Checkouts checkouts = Stub.of(Checkouts.class, Map.of("find", a -> Optional.of(checkout())));
    final LoyaltyTerms loyalty = Stub.of(LoyaltyTerms.class, Map.of("program", a -> PROGRAM, "tier", a -> Optional.empty()));
    final TillOffers offers = Stub.of(TillOffers.class, Map.of("available", a -> List.of()));
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final MemberAccess members = (caller, id) -> new MemberView(id, T, null, null, erased.contains(id), NOW, NOW);
    final CheckoutFlow flow = new CheckoutFlow(commands, checkouts,
            Stub.of(Ledger.class, Map.of("available", a -> 1_000L)), Stub.of(Programs.class, Map.of()), loyalty,
            Stub.of(FaceIdentification.class, Map.of()), members, clock, Stub.of(FacePayRefunds.class, Map.of()),
            Stub.of(ServiceNotices.class, Map.of()), new OfferFlow(commands, checkouts, offers, loyalty, clock), offers);

    static CheckoutView checkout() {
        Basket.Line tea = new Basket.Line("TEA", "Tea", null, new BigDecimal("2"), new BigDecimal("20.00"), new BigDecimal("40.00"));
        return new CheckoutView(CHECKOUT, STORE, new UUID(5, 1), "OPEN", "EUR", List.of(tea), new BigDecimal("40.00"), null, 0,
                BigDecimal.ZERO, null, 0, 0, BigDecimal.ZERO);
    }

    @Test
    void aMemberNamedByIdIsAttachedAndQuotedByTheProgramme() {
        CheckoutFlow.Identified found = flow.identify(TILL, CHECKOUT, new TillRequests.Identify(null, null, ANNA.value()));
        assertThat(found.identification().decision()).isEqualTo(Identification.Decision.MATCH);
        assertThat(commands.sent).singleElement().isInstanceOfSatisfying(IdentifyCustomer.class, c -> {
            assertThat(c.memberId()).isEqualTo(ANNA);
            assertThat(c.method()).isEqualTo("MEMBER_ID");
        });
        assertThat(found.quote().balance()).isEqualTo(1_000);
        assertThat(found.quote().redeemable()).as("half of 40.00 EUR is 2,000 points; the member has 1,000").isEqualTo(1_000);
        assertThat(found.quote().pointsToEarn()).as("a point per euro").isEqualTo(40);
    }

    @Test
    void anErasedMemberIsNoMatchAndNothingIsAttached() {
        erased.add(ANNA);
        CheckoutFlow.Identified found = flow.identify(TILL, CHECKOUT, new TillRequests.Identify(null, null, ANNA.value()));
        assertThat(found.identification().decision()).isEqualTo(Identification.Decision.NO_MATCH);
        assertThat(found.quote()).isNull();
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void anotherStoresTillFindsNoCheckout() {
        assertThatThrownBy(() -> flow.identify(OTHER_STORE, CHECKOUT, new TillRequests.Identify(null, null, ANNA.value())))
                .isInstanceOf(Refusal.class).hasMessageContaining("not found");
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void aRedemptionIsDecidedByTheCheckoutThenHeldOnTheAccountForTheProgrammesHoldTime() {
        CheckoutFlow.Redemption r = flow.redeem(TILL, CHECKOUT, new TillRequests.Redeem(400L));
        assertThat(commands.sent).hasSize(2);
        assertThat(commands.sent.get(0)).isInstanceOfSatisfying(RedeemPoints.class, c -> assertThat(c.points()).isEqualTo(400));
        assertThat(commands.sent.get(1)).isInstanceOfSatisfying(PlaceHold.class, h -> {
            assertThat(h.holdId()).isEqualTo("checkout-" + CHECKOUT);
            assertThat(h.points()).isEqualTo(400);
            assertThat(h.expiresAt()).isEqualTo(NOW.plusSeconds(900));
        });
        assertThat(r.points()).isEqualTo(400);
        assertThat(r.due()).isEqualByComparingTo("36.00");
        assertThat(r.balance()).as("what the account has left after the hold").isEqualTo(600);
    }
}
