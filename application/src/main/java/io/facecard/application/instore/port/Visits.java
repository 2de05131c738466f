package io.facecard.application.instore.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Members' visits to stores: opened at the entrance, closed at the exit or after a quiet spell. */
public interface Visits {
    record Visit(UUID id, UUID store, MemberId member, Instant openedAt, Instant lastSeenAt, Instant closedAt, String closeReason,
            boolean firstVisit, Double entryMood, Double exitMood, Instant convertedAt) {}

    Optional<Visit> open(TenantId tenant, UUID store, MemberId member);

    /** Whether the member is one of the tenant's (another tenant's member is not known). */
    boolean knows(TenantId tenant, MemberId member);

    boolean visitedBefore(TenantId tenant, MemberId member);

    void start(TenantId tenant, Visit visit);

    void seen(TenantId tenant, UUID visit, Instant at);

    void close(TenantId tenant, UUID visit, Instant at, String reason, Double exitMood);

    /** Closes the tenant's visits not seen since {@code quietSince}, as of their last sighting; returns how many. */
    int closeQuiet(TenantId tenant, Instant quietSince);

    /** Marks the member's visit to the store that was open at {@code at} (or closed at most {@code grace} before) as converted. */
    boolean converted(TenantId tenant, UUID store, MemberId member, Instant at, java.time.Duration grace);

    List<Visit> ofMember(TenantId tenant, MemberId member, int limit);

    /** Visits opened in the period at the store (all the tenant's stores when {@code store} is null). */
    List<Visit> between(TenantId tenant, UUID store, Instant from, Instant to);

    void forget(TenantId tenant, MemberId member);
}
