package io.facecard.domain.membership;

import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Member events: personal data only sealed; never a photo, never an embedding. */
public final class MemberEvents {
    private MemberEvents() {}

    public record MemberRegisteredEvent(TenantId tenantId, MemberId memberId, SealedPersonalData data, String actor, Instant at) {}

    public record MemberProfileChangedEvent(TenantId tenantId, MemberId memberId, SealedPersonalData data, String actor, Instant at) {}

    public record ConsentRecordedEvent(TenantId tenantId, MemberId memberId, ConsentPurpose purpose, boolean granted,
            String policyVersion, ConsentSource source, String actor, Instant at) {}

    public record FaceEnrolledEvent(TenantId tenantId, MemberId memberId, UUID faceId, String actor, Instant at) {}

    public record FacesRemovedEvent(TenantId tenantId, MemberId memberId, List<UUID> faceIds, String reason, String actor, Instant at) {}

    public record MemberErasedEvent(TenantId tenantId, MemberId memberId, String actor, Instant at) {}
}
