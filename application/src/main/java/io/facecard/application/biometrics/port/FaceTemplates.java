package io.facecard.application.biometrics.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;

/** Port out: face templates, searched only inside one tenant's partition. Vectors never leave it except to search. */
public interface FaceTemplates {
    /** Where a template came from: an enrolment photo, or a till photo of a confident match (a tenant's opt-in). */
    enum Source { ENROLMENT, TILL }

    void add(TenantId tenant, MemberId member, UUID faceId, float[] embedding, double quality, Instant at, Source source);

    void remove(TenantId tenant, List<UUID> faceIds);

    List<FaceRecord> of(TenantId tenant, MemberId member);

    /** The templates in the tenant's gallery. */
    long count(TenantId tenant);

    /** The best-scoring template of each of the {@code members} nearest members (cosine similarity, best first). */
    List<Candidate> nearest(TenantId tenant, float[] embedding, int members);

    /** The best similarity between the probe and one member's templates, if any. */
    OptionalDouble bestOf(TenantId tenant, MemberId member, float[] embedding);

    record FaceRecord(UUID faceId, double quality, Instant createdAt, Source source) {}

    record Candidate(MemberId member, double score) {}
}
