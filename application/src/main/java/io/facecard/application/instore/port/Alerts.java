package io.facecard.application.instore.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Alert episodes of the tenant's stores, in the order they were raised. */
public interface Alerts {
    /**
     * @param kind the list kind (VIP, BANNED, …) or MOOD_DROP
     * @param subject who the episode is about (a list entry, a member): one episode per subject, store and window
     */
    record Alert(long id, UUID store, String kind, UUID list, UUID entry, MemberId member, String subject, String label, Double score,
            Instant capturedAt, Instant raisedAt, String acknowledgedBy, Instant acknowledgedAt) {}

    /** Raises the alert unless the subject has one at the store captured within {@code episode}; the new alert's id. */
    Optional<Long> raise(TenantId tenant, Alert alert, Duration episode);

    /** The alerts after {@code afterId}, oldest first, of these stores (empty: all). */
    List<Alert> after(TenantId tenant, long afterId, Set<UUID> stores, int limit);

    Optional<Alert> find(TenantId tenant, long id);

    /** The newest alert's id of these stores (empty: all); 0 when there is none. */
    long latest(TenantId tenant, Set<UUID> stores);

    boolean acknowledge(TenantId tenant, long id, String actor, Instant at);

    void forget(TenantId tenant, MemberId member);
}
