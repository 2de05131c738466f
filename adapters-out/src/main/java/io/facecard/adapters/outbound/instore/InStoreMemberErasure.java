package io.facecard.adapters.outbound.instore;

import io.facecard.application.instore.InStoreForgetting;
import io.facecard.application.membership.port.ErasureHook;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Membership's erasure reaches store analytics here: the hook is wired in the adapters so that the use cases of the
 * two contexts do not depend on each other both ways (membership reads store analytics' {@code Presence}).
 */
@ApplicationScoped
public class InStoreMemberErasure implements ErasureHook {
    @Inject
    InStoreForgetting forgetting;

    @Override
    public void erase(TenantId tenant, MemberId member) {
        forgetting.erase(tenant, member);
    }
}
