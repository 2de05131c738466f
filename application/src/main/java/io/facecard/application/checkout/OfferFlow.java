package io.facecard.application.checkout;

import io.facecard.application.checkout.port.Checkouts.CheckoutView;
import io.facecard.application.checkout.port.Checkouts;
import io.facecard.application.checkout.port.TillOffers;
import io.facecard.application.loyalty.port.LoyaltyTerms;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.domain.checkout.Checkout;
import io.facecard.domain.checkout.CheckoutCommands;
import io.facecard.domain.checkout.CheckoutId;
import io.facecard.domain.checkout.CheckoutRule;
import io.facecard.domain.checkout.Earning;
import io.facecard.domain.checkout.OfferEffect;
import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * The identified member's personal offers at the till: listed in the quote with what each gives
 * on this basket, applied by id or coupon code (held for the checkout as long as a points hold
 * would be), removed. A refusal anywhere rolls the hold back with the transaction.
 */
@ApplicationScoped
@Transactional
public class OfferFlow {
    /** An offer in the quote: what it gives on this basket (money off, and/or points more than without it). */
    public record QuoteOffer(UUID offerId, UUID campaignId, String title, String kind, BigDecimal discount, long extraPoints) {}

    public record Applied(UUID checkoutId, UUID offerId, String title, BigDecimal discount, BigDecimal due) {}

    private CommandGateway commands;
    private Checkouts checkouts;
    private TillOffers offers;
    private LoyaltyTerms balances;
    private Clock clock;

    /** For the container's proxy. */
    protected OfferFlow() {}

    @Inject
    public OfferFlow(CommandGateway commands, Checkouts checkouts, TillOffers offers, LoyaltyTerms balances, Clock clock) {
        this.commands = commands;
        this.checkouts = checkouts;
        this.offers = offers;
        this.balances = balances;
        this.clock = clock;
    }

    /** The member's offers with what each gives on the basket (for the quote of an identification). */
    public List<QuoteOffer> quote(TenantId tenant, MemberId member, CheckoutView c, LoyaltyProgram p,
            Optional<LoyaltyProgram.Tier> tier, Instant now) {
        return offers.available(tenant, member, now).stream().filter(o -> OfferEffect.applies(o, c.lines(), c.total())).map(o -> {
            BigDecimal off = OfferEffect.discount(o, c.lines(), c.total());
            var lines = Earning.receiptLines(p, tier, c.lines(), c.total(), c.total().subtract(off), 0);
            return new QuoteOffer(o.offerId(), o.campaignId(), o.title(), o.kind(), off, OfferEffect.extraPoints(o, lines));
        }).toList();
    }

    public Applied apply(Caller caller, UUID id, UUID offerId, String couponCode) {
        TenantId tenant = Permit.TILL.tenantOf(caller);
        CheckoutView c = view(tenant, (Caller.Terminal) caller, id);
        if ((offerId == null) == (couponCode == null)) {
            throw Refusal.invalid("give 'offerId' or 'couponCode', one of them");
        }
        if (c.memberId() == null) {
            throw new Refusal(CheckoutRule.NO_MEMBER, "identify the customer before applying their offer");
        }
        MemberId member = new MemberId(c.memberId());
        Instant now = clock.instant();
        Optional<OfferEffect.Offer> found = offerId != null ? offers.find(tenant, member, offerId, now)
                : offers.byCode(tenant, member, couponCode.strip().toUpperCase(Locale.ROOT), now);
        OfferEffect.Offer o = found.orElseThrow(() -> new Refusal(CheckoutRule.OFFER_UNAVAILABLE,
                "this member has no such offer valid now"));
        LoyaltyProgram p = balances.program(tenant);
        if (!offers.hold(tenant, o.offerId(), id, now.plus(p.holdTime()), now)) {
            throw new Refusal(CheckoutRule.OFFER_UNAVAILABLE, "'" + o.title() + "' is used up, held at another till, or its campaign's "
                    + "budget is spent");
        }
        Checkout.OfferApplied a = commands.sendAndWait(new CheckoutCommands.ApplyOffer(new CheckoutId(id), o, now));
        return new Applied(id, o.offerId(), o.title(), a.discount().amount(), a.due().amount());
    }

    public void remove(Caller caller, UUID id, UUID offerId) {
        TenantId tenant = Permit.TILL.tenantOf(caller);
        view(tenant, (Caller.Terminal) caller, id);
        UUID removed = commands.sendAndWait(new CheckoutCommands.RemoveOffer(new CheckoutId(id), offerId, clock.instant()));
        if (removed == null) {
            throw Refusal.notFound("offer " + offerId + " on this checkout");
        }
        offers.release(tenant, offerId, id);
    }

    private CheckoutView view(TenantId tenant, Caller.Terminal till, UUID id) {
        return checkouts.find(tenant, id).filter(v -> v.storeId().equals(till.storeId()))
                .orElseThrow(() -> Refusal.notFound("checkout " + id));
    }
}
