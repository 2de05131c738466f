package io.facecard.domain.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.facecard.domain.loyalty.LoyaltyCommands.AdjustPoints;
import io.facecard.domain.loyalty.LoyaltyCommands.CaptureHold;
import io.facecard.domain.loyalty.LoyaltyCommands.EarnPoints;
import io.facecard.domain.loyalty.LoyaltyCommands.PlaceHold;
import io.facecard.domain.loyalty.LoyaltyCommands.ReverseEarning;
import io.facecard.domain.loyalty.LoyaltyEvents.HoldReleasedEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsEarnedEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsExpiredEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsHeldEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsRedeemedEvent;
import io.facecard.domain.loyalty.LoyaltyEvents.PointsReversedEvent;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BonusAccountTest {
    static final TenantId TENANT = new TenantId(UUID.randomUUID());
    static final MemberId MEMBER = new MemberId(UUID.randomUUID());
    static final BonusAccountId ACCOUNT = BonusAccountId.of(MEMBER);
    static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");
    static final UUID LOT1 = UUID.randomUUID();
    static final UUID LOT2 = UUID.randomUUID();

    AggregateTestFixture<BonusAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BonusAccount.class);
    }

    static PointsEarnedEvent earned(UUID lot, long points, Instant availableAt, Instant expiresAt) {
        return new PointsEarnedEvent(TENANT, MEMBER, lot, points, availableAt, expiresAt, "R-" + points, T0);
    }

    @Test
    void aHoldCannotTakeMoreThanIsAvailable() {
        fixture.given(earned(LOT1, 100, T0, null))
                .when(new PlaceHold(ACCOUNT, TENANT, MEMBER, "c1", 101, T0.plusSeconds(900), T0))
                .expectException(Refusal.class)
                .expectExceptionMessage("only 100 points are available to redeem");
    }

    @Test
    void pendingPointsCannotBeHeldAndTwoHoldsShareTheBalance() {
        fixture.given(earned(LOT1, 100, T0, null), earned(LOT2, 50, T0.plus(Duration.ofDays(14)), null),
                        new PointsHeldEvent(TENANT, MEMBER, "c1", 60, T0.plusSeconds(900), T0))
                .when(new PlaceHold(ACCOUNT, TENANT, MEMBER, "c2", 41, T0.plusSeconds(900), T0))
                .expectException(Refusal.class)
                .expectExceptionMessage("only 40 points are available to redeem");
    }

    @Test
    void captureTakesTheOldestLotsFirst() {
        Map<UUID, Long> from = new LinkedHashMap<>();
        from.put(LOT1, 30L);
        from.put(LOT2, 20L);
        fixture.given(earned(LOT1, 30, T0, null), earned(LOT2, 40, T0, null),
                        new PointsHeldEvent(TENANT, MEMBER, "c1", 50, T0.plusSeconds(900), T0))
                .when(new CaptureHold(ACCOUNT, "c1", "R-9", T0.plusSeconds(60)))
                .expectEvents(new PointsRedeemedEvent(TENANT, MEMBER, "c1", 50, from, "R-9", T0.plusSeconds(60)))
                .expectResultMessagePayload(Points.of(50));
    }

    @Test
    void aSaleIsSettledInOneDecisionAndRefusedWhenItsHoldIsGone() {
        Instant t = T0.plusSeconds(60);
        fixture.given(earned(LOT1, 100, T0, null), new PointsHeldEvent(TENANT, MEMBER, "c1", 30, T0.plusSeconds(900), T0))
                .when(new LoyaltyCommands.SettleSale(ACCOUNT, TENANT, MEMBER, "c1", LOT2, 12, t, null, "R-5", t))
                .expectEvents(new PointsRedeemedEvent(TENANT, MEMBER, "c1", 30, Map.of(LOT1, 30L), "R-5", t),
                        new PointsEarnedEvent(TENANT, MEMBER, LOT2, 12, t, null, "R-5", t))
                .expectResultMessagePayload(new BonusAccount.Settled(Points.of(30), Points.of(82)));
        fixture.given(earned(LOT1, 100, T0, null))
                .when(new LoyaltyCommands.SettleSale(ACCOUNT, TENANT, MEMBER, "c1", LOT2, 12, t, null, "R-5", t))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void anUncompletedHoldIsReleasedByItsDeadline() {
        Instant due = T0.plusSeconds(900);
        fixture.given(earned(LOT1, 100, T0, null))
                .andGivenCommands(new PlaceHold(ACCOUNT, TENANT, MEMBER, "c1", 40, due, T0))
                .whenTimeElapses(Duration.ofSeconds(901))
                .expectEvents(new HoldReleasedEvent(TENANT, MEMBER, "c1", 40, "EXPIRED", due));
    }

    @Test
    void aHoldAnswersWithWhatIsLeftToRedeem() {
        fixture.given(earned(LOT1, 100, T0, null), new PointsHeldEvent(TENANT, MEMBER, "c1", 30, T0.plusSeconds(900), T0))
                .when(new PlaceHold(ACCOUNT, TENANT, MEMBER, "c2", 25, T0.plusSeconds(900), T0))
                .expectResultMessagePayload(Points.of(45))
                .expectScheduledDeadline(T0.plusSeconds(900), new BonusAccount.HoldExpiry("c2", T0.plusSeconds(900)));
    }

    @Test
    void aHoldIsOneWholeEventAndItsExpiryIsNamedAfterIt() {
        Instant due = T0.plusSeconds(900);
        fixture.given(earned(LOT1, 100, T0, null))
                .when(new PlaceHold(ACCOUNT, TENANT, MEMBER, "c1", 40, due, T0))
                .expectEvents(new PointsHeldEvent(TENANT, MEMBER, "c1", 40, due, T0))
                .expectResultMessagePayload(Points.of(60))
                .expectScheduledDeadlineWithName(due, new BonusAccount.HoldExpiry("c1", due).key());
    }

    @Test
    void aCapturedHoldCancelsItsDeadline() {
        Instant due = T0.plusSeconds(900);
        fixture.given(earned(LOT1, 100, T0, null))
                .andGivenCommands(new PlaceHold(ACCOUNT, TENANT, MEMBER, "c1", 40, due, T0))
                .when(new CaptureHold(ACCOUNT, "c1", "R-1", T0.plusSeconds(10)))
                .expectSuccessfulHandlerExecution()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aReleasedOrReplacedHoldCancelsItsDeadline() {
        Instant due = T0.plusSeconds(900);
        fixture.given(earned(LOT1, 100, T0, null))
                .andGivenCommands(new PlaceHold(ACCOUNT, TENANT, MEMBER, "c1", 40, due, T0))
                .when(new LoyaltyCommands.ReleaseHold(ACCOUNT, "c1", "CANCELLED", T0.plusSeconds(10)))
                .expectEvents(new HoldReleasedEvent(TENANT, MEMBER, "c1", 40, "CANCELLED", T0.plusSeconds(10)))
                .expectNoScheduledDeadlines();
        fixture.given(earned(LOT1, 100, T0, null))
                .andGivenCommands(new PlaceHold(ACCOUNT, TENANT, MEMBER, "c1", 40, due, T0))
                .when(new PlaceHold(ACCOUNT, TENANT, MEMBER, "c1", 50, due.plusSeconds(60), T0.plusSeconds(60)))
                .expectResultMessagePayload(Points.of(50))
                .expectScheduledDeadline(due.plusSeconds(60), new BonusAccount.HoldExpiry("c1", due.plusSeconds(60)))
                .expectNoScheduledDeadline(due, new BonusAccount.HoldExpiry("c1", due));
    }

    @Test
    void lotsExpireOnTheirDateButNotThePointsAnOpenHoldNeeds() {
        Instant expiry = T0.plus(Duration.ofDays(1));
        fixture.given(earned(LOT1, 100, T0, expiry), new PointsHeldEvent(TENANT, MEMBER, "c1", 30, expiry.plusSeconds(600), T0))
                .when(new EarnPoints(ACCOUNT, TENANT, MEMBER, LOT2, 10, expiry.plusSeconds(60), null, "R-2", expiry.plusSeconds(60)))
                .expectEvents(new PointsExpiredEvent(TENANT, MEMBER, LOT1, 70, expiry),
                        new PointsEarnedEvent(TENANT, MEMBER, LOT2, 10, expiry.plusSeconds(60), null, "R-2", expiry.plusSeconds(60)));
    }

    @Test
    void aLotExpiresByItsDeadlineWithoutAnyOtherCommand() {
        Instant expiry = T0.plus(Duration.ofDays(30));
        fixture.givenNoPriorActivity()
                .andGivenCommands(new EarnPoints(ACCOUNT, TENANT, MEMBER, LOT1, 25, T0, expiry, "R-1", T0))
                .whenTimeElapses(Duration.ofDays(31))
                .expectEvents(new PointsExpiredEvent(TENANT, MEMBER, LOT1, 25, expiry));
    }

    @Test
    void aReturnNeverPushesTheBalanceBelowZero() {
        Map<UUID, Long> from = Map.of(LOT1, 20L);
        fixture.given(earned(LOT1, 100, T0, null),
                        new PointsRedeemedEvent(TENANT, MEMBER, "c1", 80, Map.of(LOT1, 80L), "R-1", T0))
                .when(new ReverseEarning(ACCOUNT, LOT1, 50, "R-0", T0))
                .expectEvents(new PointsReversedEvent(TENANT, MEMBER, 20, from, 30, "R-0", T0))
                .expectResultMessagePayload(Points.of(20));
    }

    @Test
    void aDebitAdjustmentIsRefusedBeyondTheAvailablePoints() {
        fixture.given(earned(LOT1, 10, T0, null))
                .when(new AdjustPoints(ACCOUNT, TENANT, MEMBER, UUID.randomUUID(), -11, null, "correction", "staff:x", T0))
                .expectException(Refusal.class);
    }

    @Test
    void accountIdsNeverCollideWithMemberIds() {
        assertEquals("bonus-" + MEMBER.value(), ACCOUNT.toString());
    }
}
