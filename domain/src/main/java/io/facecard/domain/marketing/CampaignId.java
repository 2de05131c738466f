package io.facecard.domain.marketing;

import java.util.Objects;
import java.util.UUID;

public record CampaignId(UUID value) {
    public CampaignId {
        Objects.requireNonNull(value, "campaign id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
