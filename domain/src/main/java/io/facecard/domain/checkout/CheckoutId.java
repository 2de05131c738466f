package io.facecard.domain.checkout;

import java.util.Objects;
import java.util.UUID;

public record CheckoutId(UUID value) {
    public CheckoutId {
        Objects.requireNonNull(value, "checkout id");
    }

    @Override
    public String toString() {
        return "checkout-" + value;
    }
}
