package io.facecard.domain.loyalty;

import io.facecard.domain.membership.MemberId;
import java.util.Objects;
import java.util.UUID;

/** One bonus account per member; its event stream has its own identifier, derived from the member's. */
public record BonusAccountId(UUID member) {
    /** How every account's stream identifier begins. */
    public static final String PREFIX = "bonus-";

    public BonusAccountId {
        Objects.requireNonNull(member, "member");
    }

    public static BonusAccountId of(MemberId member) {
        return new BonusAccountId(member.value());
    }

    @Override
    public String toString() {
        return PREFIX + member;
    }
}
