package io.facecard.domain.loyalty;

import io.facecard.domain.Published;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's earning and redemption rules. Points are whole numbers (always rounded down in the
 * member's disfavour by at most one point); money is decimal.
 */
@Published("the tenant's earning and redemption rules, which checkout applies to a basket")
public record LoyaltyProgram(BigDecimal pointsPerCurrencyUnit, Map<String, BigDecimal> categoryMultipliers, BigDecimal pointValue,
        BigDecimal maxRedeemShare, int pendingDays, Expiry expiry, List<Tier> tiers, int holdSeconds) {

    public enum ExpiryPolicy { NEVER, DAYS, END_OF_MONTH, END_OF_YEAR }

    public record Expiry(ExpiryPolicy policy, Integer days) {
        /** When a lot earned at {@code earned} expires in the tenant's zone; null for never. */
        public Instant expiresAt(Instant earned, ZoneId zone) {
            LocalDate day = earned.atZone(zone).toLocalDate();
            return switch (policy) {
                case NEVER -> null;
                case DAYS -> earned.plus(Duration.ofDays(days));
                case END_OF_MONTH -> day.with(TemporalAdjusters.firstDayOfNextMonth()).atStartOfDay(zone).toInstant();
                case END_OF_YEAR -> day.with(TemporalAdjusters.firstDayOfNextYear()).atStartOfDay(zone).toInstant();
            };
        }
    }

    /** A tier applies from {@code minSpend} spent over the rolling last 12 months. */
    public record Tier(String name, BigDecimal minSpend, BigDecimal multiplier) {}

    public static final LoyaltyProgram DEFAULT = new LoyaltyProgram(BigDecimal.ONE, Map.of(), new BigDecimal("0.01"),
            new BigDecimal("0.5"), 0, new Expiry(ExpiryPolicy.NEVER, null), List.of(), 900);

    public LoyaltyProgram {
        categoryMultipliers = Map.copyOf(categoryMultipliers);
        tiers = tiers.stream().sorted(Comparator.comparing(Tier::minSpend)).toList();
    }

    /** How long a checkout's hold on points lasts before it is released by itself. */
    public Duration holdTime() {
        return Duration.ofSeconds(holdSeconds);
    }

    /** The highest tier whose threshold the spend reaches; empty below every tier. */
    public Optional<Tier> tierFor(BigDecimal spend) {
        return tiers.stream().filter(t -> spend.compareTo(t.minSpend()) >= 0).reduce((a, b) -> b);
    }

    /** Points for an amount paid on one line, in a category, at a tier. */
    public long pointsFor(BigDecimal paid, String category, Optional<Tier> tier) {
        BigDecimal factor = pointsPerCurrencyUnit
                .multiply(category == null ? BigDecimal.ONE : categoryMultipliers.getOrDefault(category, BigDecimal.ONE))
                .multiply(tier.map(Tier::multiplier).orElse(BigDecimal.ONE));
        return Math.max(0, paid.multiply(factor).setScale(0, RoundingMode.FLOOR).longValueExact());
    }

    /** How many points a basket of {@code total} may take, given what the member has available. */
    public long redeemable(BigDecimal total, long available) {
        long byShare = total.multiply(maxRedeemShare).divide(pointValue, 0, RoundingMode.FLOOR).longValueExact();
        return Math.max(0, Math.min(available, byShare));
    }

    public BigDecimal valueOf(long points, int scale) {
        return pointValue.multiply(BigDecimal.valueOf(points)).setScale(scale, RoundingMode.FLOOR);
    }

    public Instant availableAt(Instant earned) {
        return earned.plus(Duration.ofDays(pendingDays));
    }
}
