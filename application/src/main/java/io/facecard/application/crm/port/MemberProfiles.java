package io.facecard.application.crm.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.util.Map;
import java.util.Optional;

/** A member's personal data as a CRM payload shows it, read at sending; empty for an erased member. */
public interface MemberProfiles {
    Optional<Map<String, Object>> personalData(TenantId tenant, MemberId member);
}
