package io.facecard.domain.checkout;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.facecard.domain.checkout.CheckoutCommands.IssueReceipt;
import io.facecard.domain.checkout.CheckoutCommands.ReturnLines;
import io.facecard.domain.checkout.CheckoutCommands.Returned;
import io.facecard.domain.checkout.CheckoutEvents.LinesReturnedEvent;
import io.facecard.domain.checkout.CheckoutEvents.ReceiptIssuedEvent;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A receipt bound to a member: what was bought, the points it earned and redeemed, and what was
 * returned. Returns are proportional and cumulative, so returning every unit in several steps
 * reverses exactly what was earned and restores exactly what was redeemed.
 */
public class Receipt {
    /** What a return means for the member's points. */
    /** @param checkoutId the sale's checkout (null for an offline till's purchase); {@code paid} what was paid in money */
    /** @param whole everything on the receipt has now been returned (an offer redeemed on it may be given back) */
    public record ReturnOutcome(MemberId memberId, UUID lotId, long pointsToReverse, long pointsToRestore, BigDecimal refund,
            UUID checkoutId, BigDecimal paid, boolean whole) {}

    private static final class Sku {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal amount = BigDecimal.ZERO;
        long earned;
        long redeemed;
        BigDecimal returned = BigDecimal.ZERO;

        // Value equality, so sourcing the same events twice gives equal states (Axon's fixture checks this).
        @Override
        public boolean equals(Object o) {
            return o instanceof Sku s && quantity.compareTo(s.quantity) == 0 && amount.compareTo(s.amount) == 0
                    && earned == s.earned && redeemed == s.redeemed && returned.compareTo(s.returned) == 0;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(earned);
        }
    }

    @AggregateIdentifier
    private ReceiptId id;
    private TenantId tenantId;
    private String receiptNumber;
    private MemberId memberId;
    private UUID lotId;
    private int scale;
    private BigDecimal total;
    private BigDecimal paid;
    private UUID checkoutId;
    private final Map<String, Sku> skus = new LinkedHashMap<>();

    protected Receipt() {}

    @CommandHandler
    public Receipt(IssueReceipt cmd) {
        apply(new ReceiptIssuedEvent(cmd.tenantId(), cmd.receiptId(), cmd.receiptNumber(), cmd.memberId(), cmd.checkoutId(),
                cmd.storeId(), cmd.currency(), cmd.lines(), cmd.total(), cmd.paid(), cmd.lotId(), cmd.pointsEarned(),
                cmd.pointsRedeemed(), cmd.occurredAt(), cmd.at()));
    }

    @CommandHandler
    public ReturnOutcome handle(ReturnLines cmd) {
        Map<String, BigDecimal> asked = new LinkedHashMap<>();
        for (Returned r : cmd.lines()) {
            if (!skus.containsKey(r.sku())) {
                throw new Refusal(CheckoutRule.NOT_ON_RECEIPT, "sku '" + r.sku() + "' is not on receipt " + receiptNumber);
            }
            asked.merge(r.sku(), r.quantity(), BigDecimal::add);
        }
        long reverse = 0;
        long restore = 0;
        BigDecimal refund = BigDecimal.ZERO;
        for (var e : asked.entrySet()) {
            Sku s = skus.get(e.getKey());
            BigDecimal after = s.returned.add(e.getValue());
            if (after.compareTo(s.quantity) > 0) {
                throw new Refusal(CheckoutRule.RETURN_EXCEEDS_PURCHASE, "only " + s.quantity.subtract(s.returned).stripTrailingZeros()
                        .toPlainString() + " of sku '" + e.getKey() + "' can still be returned");
            }
            reverse += share(s.earned, after, s.quantity) - share(s.earned, s.returned, s.quantity);
            restore += share(s.redeemed, after, s.quantity) - share(s.redeemed, s.returned, s.quantity);
            refund = refund.add(money(s.amount, after, s.quantity).subtract(money(s.amount, s.returned, s.quantity)));
        }
        // Before the event is applied (which counts the lines as returned).
        boolean whole = skus.entrySet().stream().allMatch(e -> e.getValue().returned.add(asked.getOrDefault(e.getKey(), BigDecimal.ZERO))
                .compareTo(e.getValue().quantity) >= 0);
        List<Returned> lines = new ArrayList<>();
        asked.forEach((sku, q) -> lines.add(new Returned(sku, q)));
        apply(new LinesReturnedEvent(tenantId, id, receiptNumber, memberId, cmd.returnId(), lines, refund, reverse, restore, cmd.at()));
        return new ReturnOutcome(memberId, lotId, reverse, restore, refund, checkoutId, paid, whole);
    }

    private static long share(long points, BigDecimal part, BigDecimal whole) {
        return BigDecimal.valueOf(points).multiply(part).divide(whole, 0, RoundingMode.FLOOR).longValueExact();
    }

    /** Money back is the part of the line paid in money; the part paid in points comes back as points. */
    private BigDecimal money(BigDecimal amount, BigDecimal part, BigDecimal whole) {
        if (total.signum() == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        return amount.multiply(paid).multiply(part).divide(total.multiply(whole), scale, RoundingMode.FLOOR);
    }

    @EventSourcingHandler
    void on(ReceiptIssuedEvent e) {
        id = e.receiptId();
        tenantId = e.tenantId();
        receiptNumber = e.receiptNumber();
        memberId = e.memberId();
        lotId = e.lotId();
        scale = e.total().scale();
        total = e.total();
        paid = e.paid();
        checkoutId = e.checkoutId() == null ? null : e.checkoutId().value();
        for (var l : e.lines()) {
            Sku s = skus.computeIfAbsent(l.sku(), k -> new Sku());
            s.quantity = s.quantity.add(l.quantity());
            s.amount = s.amount.add(l.amount());
            s.earned += l.pointsEarned();
            s.redeemed += l.pointsRedeemed();
        }
    }

    @EventSourcingHandler
    void on(LinesReturnedEvent e) {
        for (Returned r : e.lines()) {
            Sku s = skus.get(r.sku());
            s.returned = s.returned.add(r.quantity());
        }
    }
}
