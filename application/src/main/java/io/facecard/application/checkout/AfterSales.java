package io.facecard.application.checkout;

import io.facecard.application.checkout.port.FacePayRefunds;
import io.facecard.application.checkout.port.TillOffers;
import io.facecard.application.loyalty.port.Ledger;
import io.facecard.application.loyalty.port.LoyaltyTerms;
import io.facecard.application.loyalty.port.Programs;
import io.facecard.application.membership.port.FaceIdentification;
import io.facecard.application.membership.port.Identification;
import io.facecard.application.membership.port.MemberAccess;
import io.facecard.application.membership.port.MemberView;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.application.security.Role;
import io.facecard.application.security.TerminalKind;
import io.facecard.domain.checkout.Basket;
import io.facecard.domain.checkout.CheckoutCommands;
import io.facecard.domain.checkout.CheckoutRule;
import io.facecard.domain.checkout.Earning;
import io.facecard.domain.checkout.Receipt;
import io.facecard.domain.checkout.ReceiptId;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** What happens after a sale: an offline till's purchase credited later, and returns. */
@ApplicationScoped
@Transactional
public class AfterSales {
    static final Permit OFFLINE_TILL = new Permit(Set.of(), Set.of(TerminalKind.POS, TerminalKind.KIOSK));
    static final Permit RETURNS = new Permit(Set.of(Role.TENANT_ADMIN, Role.STORE_MANAGER, Role.CASHIER),
            Set.of(TerminalKind.POS, TerminalKind.KIOSK));
    /** How far back an offline till may report a sale. */
    static final Duration OFFLINE_LIMIT = Duration.ofDays(90);

    public record MemberRef(UUID memberId, String cardNumber, String phone) {}

    public record ReturnLine(String sku, BigDecimal quantity) {}

    /** @param refunds what went back through a face-pay provider (its share of {@code refund}) */
    public record Returned(String receiptNumber, long pointsReversed, long pointsNotRecovered, long pointsRestored,
            BigDecimal refund, long balance, List<FacePayRefunds.Refund> refunds) {}

    private CommandGateway commands;
    private Ledger ledger;
    private Programs programs;
    private LoyaltyTerms balances;
    private FaceIdentification faces;
    private MemberAccess members;
    private Clock clock;
    private FacePayRefunds refunds;
    private TillOffers tillOffers;

    protected AfterSales() {}

    @Inject
    public AfterSales(CommandGateway commands, Ledger ledger, Programs programs, LoyaltyTerms balances, FaceIdentification faces,
            MemberAccess members, Clock clock, FacePayRefunds refunds, TillOffers tillOffers) {
        this.tillOffers = tillOffers;
        this.commands = commands;
        this.ledger = ledger;
        this.programs = programs;
        this.balances = balances;
        this.faces = faces;
        this.members = members;
        this.clock = clock;
        this.refunds = refunds;
    }

    public CheckoutFlow.Completed purchase(Caller caller, String receipt, Instant occurredAt, MemberRef who, String currency,
            List<Baskets.LineDraft> drafts, List<Baskets.PaymentDraft> payments) {
        TenantId tenant = OFFLINE_TILL.tenantOf(caller);
        Caller.Terminal till = (Caller.Terminal) caller;
        Instant now = clock.instant();
        String receiptNumber = Baskets.receiptNumber(receipt);
        if (occurredAt == null || occurredAt.isAfter(now.plus(Duration.ofMinutes(5))) || occurredAt.isBefore(now.minus(OFFLINE_LIMIT))) {
            throw Refusal.invalid("'occurredAt' is required, not in the future and at most " + OFFLINE_LIMIT.toDays() + " days ago");
        }
        int scale = Baskets.scale(programs.terms(tenant).currency(), currency);
        List<Basket.Line> lines = Baskets.lines(drafts, scale);
        BigDecimal total = Basket.total(lines).setScale(scale);
        Basket.requireCovers(Baskets.payments(payments, scale, false), total);
        MemberId member = member(caller, who);
        if (ledger.receiptExists(tenant, receiptNumber)) {
            throw new Refusal(CheckoutRule.DUPLICATE_RECEIPT, "receipt " + receiptNumber + " has already been credited");
        }
        LoyaltyProgram p = balances.program(tenant);
        var receiptLines = Earning.receiptLines(p, balances.tier(tenant, member, p, occurredAt), lines, total, total, 0);
        long earned = Earning.earned(receiptLines);
        UUID lot = UUID.randomUUID();
        // Pending and expiry count from when the sale happened, not from when the till came back online.
        commands.sendAndWait(new LoyaltyCommands.EarnPoints(BonusAccountId.of(member), tenant, member, lot, earned,
                p.availableAt(occurredAt), p.expiry().expiresAt(occurredAt, programs.terms(tenant).zone()), receiptNumber, now));
        commands.sendAndWait(new CheckoutCommands.IssueReceipt(ReceiptId.of(tenant, receiptNumber), tenant, receiptNumber, member,
                null, till.storeId(), currency, receiptLines, total, total, lot, earned, 0, occurredAt, now));
        return new CheckoutFlow.Completed("COMPLETED", earned, 0, ledger.available(tenant, member, now));
    }

    public Returned returnLines(Caller caller, String receipt, List<ReturnLine> lines) {
        TenantId tenant = RETURNS.tenantOf(caller);
        String receiptNumber = Baskets.receiptNumber(receipt);
        if (lines == null || lines.isEmpty() || lines.size() > 500) {
            throw Refusal.invalid("'lines' needs 1 to 500 lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            ReturnLine l = lines.get(i);
            if (l == null || l.sku() == null || l.quantity() == null || l.quantity().signum() <= 0
                    || l.quantity().stripTrailingZeros().scale() > 3) {
                throw Refusal.invalid("'lines[" + i + "]' needs a 'sku' and a 'quantity' above 0 with at most 3 decimals");
            }
        }
        if (!ledger.receiptExists(tenant, receiptNumber)) {
            throw Refusal.notFound("receipt " + receiptNumber);
        }
        Instant now = clock.instant();
        UUID returnId = UUID.randomUUID();
        Receipt.ReturnOutcome o = commands.sendAndWait(new CheckoutCommands.ReturnLines(ReceiptId.of(tenant, receiptNumber),
                returnId, lines.stream().map(l -> new CheckoutCommands.Returned(l.sku(), l.quantity())).toList(), now));
        BonusAccountId account = BonusAccountId.of(o.memberId());
        long reversed = o.pointsToReverse() == 0 ? 0 : commands.<Points>sendAndWait(
                new LoyaltyCommands.ReverseEarning(account, o.lotId(), o.pointsToReverse(), receiptNumber, now)).value();
        if (o.pointsToRestore() > 0) {
            LoyaltyProgram p = balances.program(tenant);
            commands.sendAndWait(new LoyaltyCommands.RestorePoints(account, UUID.randomUUID(), o.pointsToRestore(),
                    p.expiry().expiresAt(now, programs.terms(tenant).zone()), receiptNumber, now));
        }
        if (o.whole()) {
            // Everything came back: an offer redeemed on the receipt is the member's again if it says so.
            tillOffers.giveBack(tenant, receiptNumber, now);
        }
        // The return's key makes this call once; the refund ids follow from the return, so the provider refunds once too.
        List<FacePayRefunds.Refund> refunds = o.checkoutId() == null || o.refund().signum() == 0 ? List.of()
                : this.refunds.returned(tenant, o.checkoutId(), returnId, o.refund(), o.paid());
        return new Returned(receiptNumber, reversed, o.pointsToReverse() - reversed, o.pointsToRestore(), o.refund(),
                ledger.available(tenant, o.memberId(), now), refunds);
    }

    private MemberId member(Caller caller, MemberRef who) {
        if (who == null || (who.memberId() == null ? 0 : 1) + (who.cardNumber() == null ? 0 : 1) + (who.phone() == null ? 0 : 1) != 1) {
            throw Refusal.invalid("'member' needs exactly one of 'memberId', 'cardNumber' or 'phone'");
        }
        if (who.memberId() != null) {
            MemberView m = members.get(caller, new MemberId(who.memberId()));
            if (!m.erased()) {
                return m.id();
            }
        } else {
            var i = who.cardNumber() != null ? faces.identifyBy(caller, "cardNumber", who.cardNumber())
                    : faces.identifyBy(caller, "phone", who.phone());
            if (i.decision() == Identification.Decision.MATCH) {
                return i.member().id();
            }
        }
        throw new Refusal(CheckoutRule.UNKNOWN_MEMBER, "no member of this tenant matches 'member'");
    }
}
