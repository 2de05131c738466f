package io.facecard.domain.loyalty;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The bonus ledger. Every event that changes the points a member owns is one ledger entry
 * ({@link #ledgerPoints}); holds only reserve and are not entries. {@code fromLots} records which
 * lots paid for a debit, so read models can follow each lot without re-deciding FIFO.
 */
public final class LoyaltyEvents {
    private LoyaltyEvents() {}

    public sealed interface AccountFact {
        TenantId tenantId();

        MemberId memberId();

        Instant at();
    }

    /** Entries of the ledger: the balance is their sum. */
    public sealed interface LedgerFact extends AccountFact {
        long ledgerPoints();

        String kind();

        String reference();
    }

    public record PointsEarnedEvent(TenantId tenantId, MemberId memberId, UUID lotId, long points, Instant availableAt,
            Instant expiresAt, String receiptNumber, Instant at) implements LedgerFact {
        public long ledgerPoints() { return points; }
        public String kind() { return "EARNED"; }
        public String reference() { return receiptNumber; }
    }

    /**
     * Points reserved for a checkout until {@code expiresAt}. The hold's expiry deadline is named after
     * the hold, so no schedule id is recorded (events stored before this carry one, which is ignored).
     */
    public record PointsHeldEvent(TenantId tenantId, MemberId memberId, String holdId, long points, Instant expiresAt,
            Instant at) implements AccountFact {}

    public record HoldReleasedEvent(TenantId tenantId, MemberId memberId, String holdId, long points, String reason,
            Instant at) implements AccountFact {}

    public record PointsRedeemedEvent(TenantId tenantId, MemberId memberId, String holdId, long points,
            Map<UUID, Long> fromLots, String receiptNumber, Instant at) implements LedgerFact {
        public long ledgerPoints() { return -points; }
        public String kind() { return "REDEEMED"; }
        public String reference() { return receiptNumber; }
    }

    public record PointsReversedEvent(TenantId tenantId, MemberId memberId, long points, Map<UUID, Long> fromLots,
            long notRecovered, String receiptNumber, Instant at) implements LedgerFact {
        public long ledgerPoints() { return -points; }
        public String kind() { return "RETURN_REVERSED"; }
        public String reference() { return receiptNumber; }
    }

    public record PointsRestoredEvent(TenantId tenantId, MemberId memberId, UUID lotId, long points, Instant expiresAt,
            String receiptNumber, Instant at) implements LedgerFact {
        public long ledgerPoints() { return points; }
        public String kind() { return "RETURN_RESTORED"; }
        public String reference() { return receiptNumber; }
    }

    /** A credit opens lot {@code lotId}; a debit takes {@code fromLots}. */
    public record PointsAdjustedEvent(TenantId tenantId, MemberId memberId, UUID lotId, long points,
            Map<UUID, Long> fromLots, Instant expiresAt, String reason, String actor, Instant at) implements LedgerFact {
        public long ledgerPoints() { return points; }
        public String kind() { return "ADJUSTED"; }
        public String reference() { return reason; }
    }

    public record PointsExpiredEvent(TenantId tenantId, MemberId memberId, UUID lotId, long points, Instant at)
            implements LedgerFact {
        public long ledgerPoints() { return -points; }
        public String kind() { return "EXPIRED"; }
        public String reference() { return null; }
    }
}
