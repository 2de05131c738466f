package io.facecard.application.membership.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;

/** A member as the read model shows it; after erasure only the id, the flag and the dates remain. */
public record MemberView(MemberId id, TenantId tenantId, PersonalData data, String tier, boolean erased,
        Instant createdAt, Instant updatedAt) {
    public MemberView withTier(String tier) {
        return new MemberView(id, tenantId, data, tier, erased, createdAt, updatedAt);
    }
}
