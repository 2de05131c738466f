package io.facecard.domain.checkout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

/**
 * What a personal offer gives on a basket, and how effects stack: price discounts first (a
 * COUPON's amount off the basket, a DISCOUNT's percent off its SKUs or category), then the points
 * redemption cap on what is left, then earning on what was paid (tier and category multipliers),
 * then the offer's points: a POINTS_MULTIPLIER multiplies the points of the lines it names (all
 * lines when it names none), BONUS_POINTS adds its points when the basket has what it names.
 */
public final class OfferEffect {
    /** An offer as the checkout applies it. */
    public record Offer(UUID offerId, UUID campaignId, String title, String kind, BigDecimal value, String category, List<String> skus) {
        public Offer {
            skus = skus == null ? List.of() : List.copyOf(skus);
        }

        boolean names(String sku, String lineCategory) {
            if (category == null && skus.isEmpty()) {
                return true;
            }
            return (category != null && category.equals(lineCategory)) || skus.contains(sku);
        }
    }

    private OfferEffect() {}

    /** The money off this basket, at the basket's scale, never more than its total. */
    public static BigDecimal discount(Offer o, List<Basket.Line> lines, BigDecimal total) {
        BigDecimal off = switch (o.kind()) {
            case "COUPON" -> o.value();
            case "DISCOUNT" -> lines.stream().filter(l -> o.names(l.sku(), l.category())).map(Basket.Line::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add).multiply(o.value()).divide(BigDecimal.valueOf(100), total.scale(),
                            RoundingMode.HALF_UP);
            default -> BigDecimal.ZERO;
        };
        return off.min(total).setScale(total.scale(), RoundingMode.HALF_UP);
    }

    /** Points the offer adds to what the receipt's lines earned. */
    public static long extraPoints(Offer o, List<Basket.ReceiptLine> receipt) {
        return switch (o.kind()) {
            case "BONUS_POINTS" -> receipt.stream().anyMatch(l -> o.names(l.sku(), l.category()))
                    ? o.value().setScale(0, RoundingMode.FLOOR).longValueExact() : 0;
            case "POINTS_MULTIPLIER" -> BigDecimal.valueOf(receipt.stream().filter(l -> o.names(l.sku(), l.category()))
                    .mapToLong(Basket.ReceiptLine::pointsEarned).sum()).multiply(o.value().subtract(BigDecimal.ONE))
                    .setScale(0, RoundingMode.FLOOR).longValueExact();
            default -> 0;
        };
    }

    /** Whether the offer gives anything on this basket (a discount, or points on lines it names). */
    public static boolean applies(Offer o, List<Basket.Line> lines, BigDecimal total) {
        if (o.kind().equals("COUPON")) {
            return total.signum() > 0;
        }
        return lines.stream().anyMatch(l -> o.names(l.sku(), l.category()));
    }
}
