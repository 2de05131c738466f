package io.facecard.application.payment.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port out: which Stripe customer and cards belong to a member (ids, brand and last four digits only). */
public interface SavedCards {
    Optional<String> customer(TenantId tenant, MemberId member);

    void putCustomer(TenantId tenant, MemberId member, String customer);

    void put(TenantId tenant, MemberId member, Card card);

    List<Card> of(TenantId tenant, MemberId member);

    boolean remove(TenantId tenant, MemberId member, String paymentMethod);

    /** Erasure: everything of the member; answers the customer to delete at Stripe. */
    Optional<String> removeAll(TenantId tenant, MemberId member);

    /** The payer's id at a provider (WeChat's openid of the sub-appid), seen when the member paid there. */
    void putPayer(TenantId tenant, MemberId member, String provider, String payerId);

    Optional<String> payer(TenantId tenant, MemberId member, String provider);

    record Card(String paymentMethod, String brand, String last4, Instant savedAt) {}
}
