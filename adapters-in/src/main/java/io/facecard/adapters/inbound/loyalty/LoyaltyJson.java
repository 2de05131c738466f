package io.facecard.adapters.inbound.loyalty;

import io.facecard.application.loyalty.Balances;
import io.facecard.application.loyalty.ProgramSettings;
import io.facecard.application.loyalty.port.Ledger;
import io.facecard.domain.loyalty.LoyaltyProgram;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the loyalty program, balances and the checkout API. */
public final class LoyaltyJson {
    private LoyaltyJson() {}

    public record ExpiryBody(LoyaltyProgram.ExpiryPolicy policy, Integer days) {}

    public record ProgramBody(BigDecimal pointsPerCurrencyUnit, Map<String, BigDecimal> categoryMultipliers, BigDecimal pointValue,
            BigDecimal maxRedeemShare, Integer pendingDays, ExpiryBody expiry, List<LoyaltyProgram.Tier> tiers, Integer holdSeconds) {
        public ProgramSettings.Draft draft() {
            return new ProgramSettings.Draft(pointsPerCurrencyUnit, categoryMultipliers, pointValue, maxRedeemShare, pendingDays,
                    expiry == null ? null : expiry.policy(), expiry == null ? null : expiry.days(), tiers, holdSeconds);
        }

        public static ProgramBody of(LoyaltyProgram p) {
            return new ProgramBody(p.pointsPerCurrencyUnit(), p.categoryMultipliers(), p.pointValue(), p.maxRedeemShare(), p.pendingDays(),
                    new ExpiryBody(p.expiry().policy(), p.expiry().days()), p.tiers(), p.holdSeconds());
        }
    }

    public record BalanceBody(long available, long pending, long held, List<Ledger.Expiring> expiring, String tier) {
        public static BalanceBody of(Balances.Summary s) {
            return new BalanceBody(s.available(), s.pending(), s.held(), s.expiring(), s.tier());
        }
    }

    public record Adjustment(Long points, String reason) {}
}
