package io.facecard.domain.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.facecard.domain.checkout.Basket.Line;
import io.facecard.domain.checkout.Basket.ReceiptLine;
import io.facecard.domain.loyalty.LoyaltyProgram;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EarningTest {
    static final LoyaltyProgram PROGRAM = new LoyaltyProgram(BigDecimal.ONE, Map.of("coffee", new BigDecimal("2")),
            new BigDecimal("0.10"), new BigDecimal("0.5"), 14, new LoyaltyProgram.Expiry(LoyaltyProgram.ExpiryPolicy.END_OF_MONTH, null),
            List.of(new LoyaltyProgram.Tier("Gold", new BigDecimal("1000"), new BigDecimal("1.5")),
                    new LoyaltyProgram.Tier("Silver", new BigDecimal("200"), new BigDecimal("1.2"))), 900);

    static Line line(String sku, String category, String amount) {
        return new Line(sku, sku, category, BigDecimal.ONE, new BigDecimal(amount), new BigDecimal(amount));
    }

    @Test
    void pointsAreEarnedOnWhatWasPaidInMoneyWithCategoryAndTierMultipliers() {
        List<ReceiptLine> lines = Earning.receiptLines(PROGRAM, PROGRAM.tierFor(new BigDecimal("250")),
                List.of(line("A", "coffee", "7.00"), line("B", null, "13.00")), new BigDecimal("20.00"), new BigDecimal("15.00"), 50);
        // A: 7 × 15/20 = 5.25 paid × 2 × 1.2 = 12.6 → 12; B: 9.75 × 1.2 = 11.7 → 11; redeemed 50 split 17 / 33.
        assertEquals(List.of(12L, 11L), lines.stream().map(ReceiptLine::pointsEarned).toList());
        assertEquals(List.of(17L, 33L), lines.stream().map(ReceiptLine::pointsRedeemed).toList());
    }

    @Test
    void tiersAreChosenByTheHighestThresholdReached() {
        assertEquals(Optional.empty(), PROGRAM.tierFor(new BigDecimal("199.99")).map(LoyaltyProgram.Tier::name));
        assertEquals(Optional.of("Silver"), PROGRAM.tierFor(new BigDecimal("200")).map(LoyaltyProgram.Tier::name));
        assertEquals(Optional.of("Gold"), PROGRAM.tierFor(new BigDecimal("5000")).map(LoyaltyProgram.Tier::name));
    }

    @Test
    void redemptionIsCappedByTheBasketShareAndTheBalance() {
        assertEquals(100, PROGRAM.redeemable(new BigDecimal("20.00"), 1000));
        assertEquals(42, PROGRAM.redeemable(new BigDecimal("20.00"), 42));
    }

    @Test
    void expiryPoliciesCountInTheTenantsZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant earned = Instant.parse("2026-01-31T23:30:00Z"); // already 1 February in Berlin
        assertEquals(Instant.parse("2026-02-28T23:00:00Z"), PROGRAM.expiry().expiresAt(earned, berlin));
        assertEquals(Instant.parse("2026-12-31T23:00:00Z"),
                new LoyaltyProgram.Expiry(LoyaltyProgram.ExpiryPolicy.END_OF_YEAR, null).expiresAt(earned, berlin));
        assertEquals(earned.plus(Duration.ofDays(30)),
                new LoyaltyProgram.Expiry(LoyaltyProgram.ExpiryPolicy.DAYS, 30).expiresAt(earned, berlin));
        assertEquals(null, new LoyaltyProgram.Expiry(LoyaltyProgram.ExpiryPolicy.NEVER, null).expiresAt(earned, berlin));
    }
}
