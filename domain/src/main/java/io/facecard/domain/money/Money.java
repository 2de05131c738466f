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

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
