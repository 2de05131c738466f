package io.facecard.domain.membership;

import java.util.Objects;
import java.util.UUID;

public record MemberId(UUID value) {
    public MemberId {
        Objects.requireNonNull(value, "member id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
