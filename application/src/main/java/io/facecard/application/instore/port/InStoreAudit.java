package io.facecard.application.instore.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;

/** Who looked for a face or put one on a list, and why. */
public interface InStoreAudit {
    record Entry(long id, String actor, String action, String reason, MemberId member, int resultCount, Instant at) {}

    void record(TenantId tenant, String actor, String action, String reason, MemberId member, int resultCount, Instant at);

    List<Entry> recent(TenantId tenant, int limit);

    List<Entry> ofMember(TenantId tenant, MemberId member);
}
