package io.facecard.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency, always at the currency's own scale (2 for EUR, 0 for JPY), so two
 * amounts that compare equal print alike and an amount never silently carries sub-cent digits.
 */
public record Money(BigDecimal amount, String currency) {
    public Money {
        Objects.requireNonNull(amount, "amount");
        int scale = scaleOf(currency);
        if (amount.scale() != scale) {
            amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
        }
    }

    /** The number of decimals the currency is counted in. */
    public static int scaleOf(String currency) {
        return Math.max(0, Currency.getInstance(Objects.requireNonNull(currency, "currency")).getDefaultFractionDigits());
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    private Money same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return other;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
