package io.facecard.marketing.port;

import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Port out: a tenant's saved segments, their trees as the marketer wrote them. */
public interface SegmentStore {
    void save(TenantId tenant, Segment segment);

    Optional<Segment> find(TenantId tenant, UUID id);

    List<Segment> list(TenantId tenant);

    boolean delete(TenantId tenant, UUID id);

    /** Segments whose trees name this one. */
    List<UUID> referrers(TenantId tenant, UUID id);

    /** @param refersTo the segments its tree names directly */
    record Segment(UUID id, String name, Map<String, Object> condition, Set<UUID> refersTo, Instant createdAt, Instant updatedAt) {}
}
