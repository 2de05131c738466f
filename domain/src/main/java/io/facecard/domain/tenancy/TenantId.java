package io.facecard.domain.tenancy;

import java.util.Objects;
import java.util.UUID;

/** Identity of a tenant (one retail chain); every event and row of that chain carries it. */
public record TenantId(UUID value) {
    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    public static TenantId of(String text) {
        return new TenantId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
