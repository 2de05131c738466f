package io.facecard.application.membership.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.util.Optional;

/** Port out: per-member data keys, kept outside the event store. Destroying one is erasure. */
public interface MemberKeys {
    byte[] create(TenantId tenant, MemberId member);

    Optional<byte[]> find(TenantId tenant, MemberId member);

    void destroy(TenantId tenant, MemberId member);
}
