package io.facecard.application.checkout;

import io.facecard.application.checkout.port.Checkouts.CheckoutView;
import io.facecard.application.checkout.port.Checkouts;
import io.facecard.application.checkout.port.FacePayRefunds;
import io.facecard.application.checkout.port.TillOffers;
import io.facecard.application.loyalty.port.Ledger;
import io.facecard.application.loyalty.port.LoyaltyTerms;
import io.facecard.application.loyalty.port.Programs;
import io.facecard.application.membership.port.FaceIdentification;
import io.facecard.application.membership.port.Identification;
import io.facecard.application.membership.port.MemberAccess;
import io.facecard.application.messaging.port.ServiceNotices;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.domain.checkout.Basket;
import io.facecard.domain.checkout.Checkout;
import io.facecard.domain.checkout.CheckoutCommands;
import io.facecard.domain.checkout.CheckoutId;
import io.facecard.domain.checkout.CheckoutRule;
import io.facecard.domain.checkout.Earning;
import io.facecard.domain.checkout.FaceProof;
import io.facecard.domain.checkout.ReceiptId;
import io.facecard.domain.loyalty.BonusAccount;
import io.facecard.domain.loyalty.BonusAccountId;
import io.facecard.domain.loyalty.LoyaltyCommands;
import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.domain.loyalty.Points;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** The till's flow: open → identify → (redeem) → complete, or cancel. Every step is one transaction. */
@ApplicationScoped
@Transactional
public class CheckoutFlow {

    /** @param offers the member's personal offers that give something on this basket */
    public record Quote(long balance, long redeemable, long pointsToEarn, List<OfferFlow.QuoteOffer> offers) {}

    public record Identified(Identification identification, Quote quote) {}

    public record Redemption(UUID checkoutId, long points, BigDecimal value, BigDecimal due, long balance) {}

    public record Completed(String status, long pointsEarned, long pointsRedeemed, Long balance) {}

    private CommandGateway commands;
    private Checkouts checkouts;
    private Ledger ledger;
    private Programs programs;
    private LoyaltyTerms balances;
    private FaceIdentification faces;
    private MemberAccess members;
    private Clock clock;
    private FacePayRefunds refunds;
    private ServiceNotices notices;
    private OfferFlow offerFlow;
    private TillOffers tillOffers;

    protected CheckoutFlow() {}

    @Inject
    public CheckoutFlow(CommandGateway commands, Checkouts checkouts, Ledger ledger, Programs programs, LoyaltyTerms balances,
            FaceIdentification faces, MemberAccess members, Clock clock, FacePayRefunds refunds, ServiceNotices notices, OfferFlow offerFlow,
            TillOffers tillOffers) {
        this.offerFlow = offerFlow;
        this.tillOffers = tillOffers;
        this.commands = commands;
        this.checkouts = checkouts;
        this.ledger = ledger;
        this.programs = programs;
        this.balances = balances;
        this.faces = faces;
        this.members = members;
        this.clock = clock;
        this.refunds = refunds;
        this.notices = notices;
    }

    public CheckoutView open(Caller caller, TillRequests.Open request) {
        TenantId tenant = Permit.TILL.tenantOf(caller);
        Caller.Terminal till = (Caller.Terminal) caller;
        String currency = request.currency();
        int scale = Baskets.scale(programs.terms(tenant).currency(), currency);
        List<Basket.Line> lines = Baskets.lines(request.lines(), scale);
        CheckoutId id = new CheckoutId(UUID.randomUUID());
        BigDecimal total = Basket.total(lines).setScale(scale);
        commands.sendAndWait(new CheckoutCommands.OpenCheckout(id, tenant, till.storeId(), till.terminalId(), currency, lines,
                total, clock.instant()));
        // What the read model now holds, without reading the row just written.
        BigDecimal none = BigDecimal.ZERO.setScale(scale);
        return new CheckoutView(id.value(), till.storeId(), till.terminalId(), "OPEN", currency, lines, total, null, 0, none, null, 0, 0,
                none);
    }

    public CheckoutView get(Caller caller, UUID id) {
        TenantId tenant = Permit.TILL.tenantOf(caller);
        return view(tenant, (Caller.Terminal) caller, id);
    }

    /** By one till frame or a short burst of them (fused into one probe). */
    public Identified identifyByFace(Caller caller, UUID id, List<byte[]> frames) {
        return attach(caller, id, faces.identify(caller, frames), "FACE");
    }

    public Identified identify(Caller caller, UUID id, TillRequests.Identify by) {
        if (by.memberId() != null) {
            return identifyMember(caller, id, by.member());
        }
        if (by.candidateToken() != null) {
            view(Permit.TILL.tenantOf(caller), (Caller.Terminal) caller, id); // another till's or tenant's checkout is 404 before the token is spent
            return attach(caller, id, faces.confirm(caller, by.candidateToken(), by.phoneLast4()), "FACE_CONFIRMED");
        }
        return by.cardNumber() != null ? attach(caller, id, faces.identifyBy(caller, "cardNumber", by.cardNumber()), "CARD")
                : attach(caller, id, faces.identifyBy(caller, "phone", by.phone()), "PHONE");
    }

    private Identified identifyMember(Caller caller, UUID id, MemberId member) {
        var m = members.get(caller, member);
        Identification i = m.erased() ? new Identification(Identification.Decision.NO_MATCH, null, 0)
                : new Identification(Identification.Decision.MATCH, m, 1.0);
        return attach(caller, id, i, "MEMBER_ID");
    }

    private Identified attach(Caller caller, UUID id, Identification i, String method) {
        TenantId tenant = Permit.TILL.tenantOf(caller);
        CheckoutView c = view(tenant, (Caller.Terminal) caller, id);
        if (i.decision() != Identification.Decision.MATCH) {
            return new Identified(i, null);
        }
        MemberId member = i.member().id();
        Instant now = clock.instant();
        FaceProof proof = switch (method) {
            case "FACE" -> new FaceProof(i.score(), i.liveness(), false);
            case "FACE_CONFIRMED" -> new FaceProof(i.score(), i.liveness(), true);
            default -> null;
        };
        commands.sendAndWait(new CheckoutCommands.IdentifyCustomer(new CheckoutId(id), member, method.startsWith("FACE") ? "FACE" : method,
                proof, now));
        LoyaltyProgram p = balances.program(tenant);
        var tier = balances.tier(tenant, member, p, now);
        long available = ledger.available(tenant, member, now);
        long toEarn = Earning.earned(Earning.receiptLines(p, tier, c.lines(), c.total(), c.total(), 0));
        Identification shown = i.withMember(i.member().withTier(tier.map(LoyaltyProgram.Tier::name).orElse(null)));
        return new Identified(shown, new Quote(available, p.redeemable(c.total(), available), toEarn,
                offerFlow.quote(tenant, member, c, p, tier, now)));
    }

    public Redemption redeem(Caller caller, UUID id, TillRequests.Redeem request) {
        TenantId tenant = Permit.TILL.tenantOf(caller);
        view(tenant, (Caller.Terminal) caller, id);
        Instant now = clock.instant();
        LoyaltyProgram p = balances.program(tenant);
        // The checkout decides (open, identified, within the program's cap); the account then
        // reserves the points and answers with what is left to redeem: no second look at the ledger.
        Checkout.Redeemed r = commands.sendAndWait(new CheckoutCommands.RedeemPoints(new CheckoutId(id), request.points(), p, now));
        Points left = commands.sendAndWait(new LoyaltyCommands.PlaceHold(BonusAccountId.of(r.member()), tenant, r.member(), holdId(id),
                r.points().value(), now.plus(p.holdTime()), now));
        return new Redemption(id, r.points().value(), r.value().amount(), r.due().amount(), left.value());
    }

    public Redemption release(Caller caller, UUID id) {
        TenantId tenant = Permit.TILL.tenantOf(caller);
        CheckoutView c = view(tenant, (Caller.Terminal) caller, id);
        Instant now = clock.instant();
        Checkout.Released released = commands.sendAndWait(new CheckoutCommands.ClearRedemption(new CheckoutId(id), "RELEASED", now));
        releaseHold(id, released, "RELEASED", now);
        long balance = released.member() == null ? 0 : ledger.available(tenant, released.member(), now);
        return new Redemption(id, 0, BigDecimal.ZERO.setScale(c.total().scale()), c.total(), balance);
    }

    public CheckoutView cancel(Caller caller, UUID id) {
        TenantId tenant = Permit.TILL.tenantOf(caller);
        Caller.Terminal till = (Caller.Terminal) caller;
        view(tenant, till, id);
        Instant now = clock.instant();
        Checkout.Cancelled cancelled = commands.sendAndWait(new CheckoutCommands.CancelCheckout(new CheckoutId(id), "CANCELLED", now));
        releaseHold(id, cancelled.released(), "CANCELLED", now);
        if (cancelled.offer() != null) {
            tillOffers.release(tenant, cancelled.offer(), id);
        }
        // Money the customer paid by face goes back in full; the worker sends the refunds after this commits.
        if (!cancelled.refund().isEmpty()) {
            refunds.cancelled(tenant, cancelled.refund());
        }
        return view(tenant, till, id);
    }

    public Completed complete(Caller caller, UUID id, TillRequests.Complete request) {
        TenantId tenant = Permit.TILL.tenantOf(caller);
        Caller.Terminal till = (Caller.Terminal) caller;
        CheckoutView c = view(tenant, till, id);
        String receiptNumber = request.receiptNumber();
        List<Basket.Payment> paid = Baskets.payments(request.payments(), c.total().scale(), true);
        Instant now = clock.instant();
        if (c.memberId() != null && ledger.receiptExists(tenant, receiptNumber)) {
            throw new Refusal(CheckoutRule.DUPLICATE_RECEIPT, "receipt " + receiptNumber + " is already bound to a member");
        }
        LoyaltyProgram p = balances.program(tenant);
        LoyaltyProgram.Tier tier = c.memberId() == null ? null : balances.tier(tenant, new MemberId(c.memberId()), p, now).orElse(null);
        Checkout.Completed done = commands.sendAndWait(new CheckoutCommands.CompleteCheckout(new CheckoutId(id), receiptNumber, paid, p,
                tier, now));
        if (done.member() == null) {
            return new Completed("COMPLETED", 0, 0, null);
        }
        MemberId member = done.member();
        if (done.offer() != null && !tillOffers.redeem(tenant, member, done.offer(), id, receiptNumber,
                new TillOffers.Given(done.discount().amount(), done.offerPoints()), now)) {
            // Its hold lapsed and another checkout took the offer's last unit: nothing of this completion is kept.
            throw new Refusal(CheckoutRule.OFFER_UNAVAILABLE, "the applied offer is no longer available; remove it and complete again");
        }
        long earned = done.earned().value();
        long redeemed = done.redeemed().value();
        UUID lot = UUID.randomUUID();
        // Capture and earn in one decision of the account; it refuses (hold-expired) if the hold is gone.
        BonusAccount.Settled settled = commands.sendAndWait(new LoyaltyCommands.SettleSale(BonusAccountId.of(member), tenant, member,
                redeemed == 0 ? null : holdId(id), lot, earned, p.availableAt(now),
                p.expiry().expiresAt(now, programs.terms(tenant).zone()), receiptNumber, now));
        commands.sendAndWait(new CheckoutCommands.IssueReceipt(ReceiptId.of(tenant, receiptNumber), tenant, receiptNumber, member,
                new CheckoutId(id), till.storeId(), c.currency(), done.lines(), done.total().amount(), done.paid().amount(), lot, earned,
                redeemed, now, now));
        // In this transaction: the receipt reaches the member's messenger once the sale is committed, and once under retries.
        notices.notify(tenant, member, "RECEIPT", Map.of("receipt", receiptNumber, "total", done.total().amount().toPlainString(),
                "currency", c.currency(), "earned", Long.toString(earned), "balance", Long.toString(settled.available().value())),
                "receipt-" + receiptNumber);
        return new Completed("COMPLETED", earned, redeemed, settled.available().value());
    }

    private void releaseHold(UUID checkout, Checkout.Released released, String reason, Instant now) {
        if (released.any()) {
            commands.sendAndWait(new LoyaltyCommands.ReleaseHold(BonusAccountId.of(released.member()), holdId(checkout), reason, now));
        }
    }

    static String holdId(UUID checkout) {
        return "checkout-" + checkout;
    }

    /** A checkout belongs to its store: another store's till gets the same 404 as for a checkout that does not exist. */
    private CheckoutView view(TenantId tenant, Caller.Terminal till, UUID id) {
        Optional<CheckoutView> c = checkouts.find(tenant, id).filter(v -> v.storeId().equals(till.storeId()));
        return c.orElseThrow(() -> Refusal.notFound("checkout " + id));
    }
}
