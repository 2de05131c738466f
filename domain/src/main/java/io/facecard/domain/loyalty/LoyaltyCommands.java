package io.facecard.domain.loyalty;

import io.facecard.domain.Published;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands to a member's bonus account. Times come in with the command, never from the clock inside. */
@Published("the bonus account's commands: checkout holds, earns and settles points, payment holds them while it runs")
public final class LoyaltyCommands {
    private LoyaltyCommands() {}

    /** Earned points become a lot: pending until {@code availableAt}, gone at {@code expiresAt} (null: never). */
    public record EarnPoints(@TargetAggregateIdentifier BonusAccountId accountId, TenantId tenantId, MemberId memberId,
            UUID lotId, long points, Instant availableAt, Instant expiresAt, String receiptNumber, Instant at) {}

    /** Reserves available points for a checkout; {@code holdId} is the checkout's id, so a second hold replaces the first. */
    public record PlaceHold(@TargetAggregateIdentifier BonusAccountId accountId, TenantId tenantId, MemberId memberId,
            String holdId, long points, Instant expiresAt, Instant at) {}

    public record ReleaseHold(@TargetAggregateIdentifier BonusAccountId accountId, String holdId, String reason, Instant at) {}

    /** Turns a hold into a redemption: the points leave the oldest lots first. */
    public record CaptureHold(@TargetAggregateIdentifier BonusAccountId accountId, String holdId, String receiptNumber, Instant at) {}

    /**
     * A completed sale in one decision: the checkout's hold (if {@code holdId} is not null) is captured and the
     * earned points become a lot. One command, so a till's completion loads the account once.
     */
    public record SettleSale(@TargetAggregateIdentifier BonusAccountId accountId, TenantId tenantId, MemberId memberId,
            String holdId, UUID lotId, long pointsEarned, Instant availableAt, Instant expiresAt, String receiptNumber,
            Instant at) {}

    /** A return takes back what was earned on the returned lines, as far as the points are still there. */
    public record ReverseEarning(@TargetAggregateIdentifier BonusAccountId accountId, UUID lotId, long points,
            String receiptNumber, Instant at) {}

    /** A return gives back redeemed points as a new lot, available at once. */
    public record RestorePoints(@TargetAggregateIdentifier BonusAccountId accountId, UUID lotId, long points,
            Instant expiresAt, String receiptNumber, Instant at) {}

    /** A manual correction by staff, positive or negative; audited with the actor. */
    public record AdjustPoints(@TargetAggregateIdentifier BonusAccountId accountId, TenantId tenantId, MemberId memberId,
            UUID entryId, long points, Instant expiresAt, String reason, String actor, Instant at) {}

    /** Expires every lot whose time has come (a sweep; each command also expires what is due first). */
    public record ExpirePoints(@TargetAggregateIdentifier BonusAccountId accountId, Instant at) {}
}
