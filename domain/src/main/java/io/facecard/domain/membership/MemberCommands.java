package io.facecard.domain.membership;

import io.facecard.domain.Published;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

@Published("the member's commands: a consent can be recorded where the customer gives it (the till, the app)")
public final class MemberCommands {
    private MemberCommands() {}

    public record RegisterMember(@TargetAggregateIdentifier MemberId memberId, TenantId tenantId, SealedPersonalData data,
            String actor, Instant at) {}

    public record ChangeProfile(@TargetAggregateIdentifier MemberId memberId, SealedPersonalData data, String actor, Instant at) {}

    public record RecordConsent(@TargetAggregateIdentifier MemberId memberId, ConsentPurpose purpose, boolean granted,
            String policyVersion, ConsentSource source, String actor, Instant at) {}

    public record EnrolFace(@TargetAggregateIdentifier MemberId memberId, UUID faceId, String actor, Instant at) {}

    public record RemoveFaces(@TargetAggregateIdentifier MemberId memberId, List<UUID> faceIds, String reason,
            String actor, Instant at) {}

    public record EraseMember(@TargetAggregateIdentifier MemberId memberId, String actor, Instant at) {}
}
