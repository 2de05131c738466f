package io.facecard.application.loyalty.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The ledger read model, kept inside each command's transaction. */
public interface Ledger {
    record Balance(long available, long pending, long held, List<Expiring> expiring) {}

    record Expiring(long points, Instant expiresAt) {}

    record Entry(UUID id, String kind, long points, String reference, String actor, Instant at, Instant availableAt,
            Instant expiresAt) {}

    Balance balance(TenantId tenant, MemberId member, Instant now);

    /** Just {@link Balance#available()}, in one round trip: what the till shows. */
    long available(TenantId tenant, MemberId member, Instant now);

    List<Entry> statement(TenantId tenant, MemberId member, int offset, int limit);

    /** Money paid on receipts since {@code since}, less refunds: what tiers are measured on. */
    BigDecimal spend(TenantId tenant, MemberId member, Instant since);

    boolean receiptExists(TenantId tenant, String receiptNumber);
}
