package io.facecard.domain.tenancy;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;

/**
 * What a chain may change about itself after onboarding. The slug is not here on purpose:
 * it appears in staff logins and must stay stable.
 */
public record TenantSettings(String name, String currency, String timezone) {
    public TenantSettings {
        name = Objects.requireNonNull(name, "name").strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new IllegalArgumentException("name must have 1 to 200 characters");
        }
        if (currency == null || !currency.matches("[A-Z]{3}") || !isIsoCurrency(currency)) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR");
        }
        if (timezone == null || !isZone(timezone)) {
            throw new IllegalArgumentException("timezone must be an IANA zone id such as Europe/Berlin");
        }
    }

    public TenantSettings with(String newName, String newCurrency, String newTimezone) {
        return new TenantSettings(
                newName != null ? newName : name,
                newCurrency != null ? newCurrency : currency,
                newTimezone != null ? newTimezone : timezone);
    }

    private static boolean isIsoCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isZone(String id) {
        try {
            ZoneId.of(id);
            return id.contains("/") || id.equals("UTC");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
