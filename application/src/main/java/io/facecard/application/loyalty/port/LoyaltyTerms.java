package io.facecard.application.loyalty.port;

import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.Optional;

/** What loyalty publishes to checkout and payment: the tenant's programme and a member's tier under it. */
public interface LoyaltyTerms {
    /** The tenant's programme, or the default one until its admin sets one. */
    LoyaltyProgram program(TenantId tenant);

    /** The member's tier at {@code now}, measured on the rolling last 12 months; empty when the programme has none. */
    Optional<LoyaltyProgram.Tier> tier(TenantId tenant, MemberId member, LoyaltyProgram program, Instant now);
}
