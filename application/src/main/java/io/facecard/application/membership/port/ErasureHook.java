package io.facecard.application.membership.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;

/** Port out: what another context holds of a member (a Stripe customer, saved cards, messenger bindings), removed on erasure. */
public interface ErasureHook {
    void erase(TenantId tenant, MemberId member);
}
