package io.facecard.domain.checkout;

import io.facecard.domain.checkout.Basket.Line;
import io.facecard.domain.checkout.Basket.ReceiptLine;
import io.facecard.domain.loyalty.LoyaltyProgram;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Points are earned on what was actually paid: each line's paid share is its amount less its part
 * of the redeemed value. Redeemed points are spread over the lines in proportion too (the last line
 * takes the remainder), so a return can give back exactly the part of a line.
 */
public final class Earning {
    private Earning() {}

    public static List<ReceiptLine> receiptLines(LoyaltyProgram program, Optional<LoyaltyProgram.Tier> tier, List<Line> lines,
            BigDecimal total, BigDecimal paid, long redeemed) {
        List<ReceiptLine> out = new ArrayList<>();
        long redeemedLeft = redeemed;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            boolean last = i == lines.size() - 1;
            BigDecimal linePaid = total.signum() == 0 ? BigDecimal.ZERO
                    : l.amount().multiply(paid).divide(total, total.scale() + 4, RoundingMode.FLOOR);
            long lineRedeemed = last ? redeemedLeft : total.signum() == 0 ? 0
                    : BigDecimal.valueOf(redeemed).multiply(l.amount()).divide(total, 0, RoundingMode.FLOOR).longValueExact();
            redeemedLeft -= lineRedeemed;
            out.add(new ReceiptLine(l.sku(), l.category(), l.quantity(), l.amount(),
                    program.pointsFor(linePaid, l.category(), tier), lineRedeemed));
        }
        return out;
    }

    public static long earned(List<ReceiptLine> lines) {
        return lines.stream().mapToLong(ReceiptLine::pointsEarned).sum();
    }
}
