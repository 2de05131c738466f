package io.facecard.application.membership.port;

import io.facecard.domain.membership.ConsentPurpose;
import io.facecard.domain.membership.ConsentSource;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port out: the members' read model, kept in the command's transaction by a projection. */
public interface MemberDirectory {
    Optional<MemberView> find(TenantId tenant, MemberId id);

    /** By exactly one of phone, email or card number. */
    Optional<MemberView> findBy(TenantId tenant, String field, String value);

    List<MemberView> search(TenantId tenant, String text, int offset, int limit);

    List<ConsentEntry> consents(TenantId tenant, MemberId id);

    record ConsentEntry(ConsentPurpose purpose, boolean granted, String policyVersion, ConsentSource source, String actor, Instant at) {}

    /** Whether the tenant has this store (a member's home store must be one of them). */
    default boolean hasStore(TenantId tenant, UUID store) {
        return true;
    }
}
