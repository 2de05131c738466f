package io.facecard.domain.tenancy;

import java.util.regex.Pattern;

/** The short, stable name staff type when they log in: lower-case letters, digits and dashes. */
public record TenantSlug(String value) {
    private static final Pattern FORM = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    public TenantSlug {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "slug must be 1 to 63 lower-case letters, digits or inner dashes");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
