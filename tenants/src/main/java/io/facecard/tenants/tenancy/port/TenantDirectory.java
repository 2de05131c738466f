package io.facecard.tenants.tenancy.port;

import io.facecard.domain.tenancy.TenantId;
import io.facecard.domain.tenancy.TenantStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port out: the tenants' read model, kept by a projection of the Tenant events. */
public interface TenantDirectory {
    Optional<TenantView> find(TenantId id);

    Optional<TenantView> findBySlug(String slug);

    List<TenantView> list(int offset, int limit);

    /** Up to 100 tenants in this status, longest in it first (the offboarding runner's work list). */
    List<TenantView> withStatus(TenantStatus status);

    /** The events of one tenant as the audit projection recorded them, oldest first. */
    List<TenantHistoryEntry> history(TenantId id);

    record TenantHistoryEntry(long position, String event, String actor, Instant at) {}
}
