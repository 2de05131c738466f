package io.facecard.application.loyalty;

import io.facecard.domain.checkout.Basket;
import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the loyalty and checkout use cases need from storage; adapters implement these. */
public final class LoyaltyPorts {
    private LoyaltyPorts() {}

    /** A tenant's currency and time zone, which money and expiry dates are reckoned in. */
    public record TenantTerms(String currency, ZoneId zone) {}

    public interface Programs {
        Optional<LoyaltyProgram> find(TenantId tenant);

        void save(TenantId tenant, LoyaltyProgram program, String actor, Instant at);

        TenantTerms terms(TenantId tenant);
    }

    public record Balance(long available, long pending, long held, List<Expiring> expiring) {}

    public record Expiring(long points, Instant expiresAt) {}

    public record Entry(UUID id, String kind, long points, String reference, String actor, Instant at, Instant availableAt,
            Instant expiresAt) {}

    /** The ledger read model, kept inside each command's transaction. */
    public interface Ledger {
        Balance balance(TenantId tenant, MemberId member, Instant now);

        /** Just {@link Balance#available()}, in one round trip: what the till shows. */
        long available(TenantId tenant, MemberId member, Instant now);

        List<Entry> statement(TenantId tenant, MemberId member, int offset, int limit);

        /** Money paid on receipts since {@code since}, less refunds: what tiers are measured on. */
        BigDecimal spend(TenantId tenant, MemberId member, Instant since);

        boolean receiptExists(TenantId tenant, String receiptNumber);
    }

    public record CheckoutView(UUID id, UUID storeId, UUID terminalId, String status, String currency, List<Basket.Line> lines,
            BigDecimal total, UUID memberId, long heldPoints, BigDecimal heldValue, String receiptNumber, long pointsEarned,
            long pointsRedeemed) {}

    public interface Checkouts {
        Optional<CheckoutView> find(TenantId tenant, UUID checkoutId);
    }

    /** Rebuilds a tenant's ledger, checkout and receipt read models from the event store. */
    public interface ReadModels {
        Rebuilt rebuild(TenantId tenant);
    }

    /** @param eventsRead every stored event, of all tenants, the rebuild read; @param eventsReplayed the tenant's, handled */
    public record Rebuilt(long eventsRead, long eventsReplayed) {}

    /** A stored first answer to an idempotent call. */
    public record Answer(int status, String body) {}

    public interface IdempotencyRecords {
        /**
         * Claims the key inside the caller's transaction, waiting for a concurrent holder of the same
         * key to finish: empty when this call is the first, else the fingerprint and answer stored.
         */
        Optional<Stored> claim(TenantId tenant, String scope, String key, String fingerprint, Instant at);

        void answer(TenantId tenant, String scope, String key, Answer answer);

        record Stored(String fingerprint, Answer answer) {}
    }
}
