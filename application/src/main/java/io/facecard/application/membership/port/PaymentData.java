package io.facecard.application.membership.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;

/** Port out: what the payment context holds of a member (a Stripe customer, saved cards), removed when the member is erased. */
public interface PaymentData {
    void erase(TenantId tenant, MemberId member);
}
