package io.facecard.application.checkout.port;

import io.facecard.domain.checkout.OfferEffect;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port out: the member's personal offers from campaigns, as the till sees them. A hold locks an
 * offer for one checkout until a time (a limited campaign counts holds and redemptions against
 * its budget under a lock, so two tills never both take its last unit); the checkout's completion
 * redeems it, its cancellation releases it.
 */
public interface TillOffers {
    /** Valid, unused and not held by another checkout now. */
    List<OfferEffect.Offer> available(TenantId tenant, MemberId member, Instant now);

    Optional<OfferEffect.Offer> find(TenantId tenant, MemberId member, UUID offerId, Instant now);

    Optional<OfferEffect.Offer> byCode(TenantId tenant, MemberId member, String couponCode, Instant now);

    /** @return false when it is held by another checkout, used up, expired or its campaign's budget is spent */
    boolean hold(TenantId tenant, UUID offerId, UUID checkout, Instant until, Instant now);

    void release(TenantId tenant, UUID offerId, UUID checkout);

    /**
     * Redeems it on the receipt, recording what it gave.
     * @return false when the hold is no longer this checkout's and the offer cannot be redeemed any more
     */
    boolean redeem(TenantId tenant, MemberId member, UUID offerId, UUID checkout, String receiptNumber, Given given, Instant now);

    /** The whole receipt came back: offers redeemed on it that are given back on a return can be used again. @return how many */
    int giveBack(TenantId tenant, String receiptNumber, Instant now);

    /** What a redemption gave: money off the basket and points added to what it earned. */
    record Given(BigDecimal discount, long points) {}
}
