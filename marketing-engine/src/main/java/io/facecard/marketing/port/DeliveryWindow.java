package io.facecard.marketing.port;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a push may go out to one member: outside the tenant's quiet hours (in the member's or
 * store's zone) and under the frequency cap over a rolling window. The first rule of the
 * marketing engine; campaigns and segments build on it.
 */
public record DeliveryWindow(LocalTime quietFrom, LocalTime quietUntil, int maxPerWindow, Duration window) {
    public DeliveryWindow {
        Objects.requireNonNull(quietFrom, "quietFrom");
        Objects.requireNonNull(quietUntil, "quietUntil");
        if (maxPerWindow < 1) {
            throw new IllegalArgumentException("maxPerWindow must be at least 1");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
    }

    /** The earliest instant at or after {@code wanted} when a push may be delivered, if any within a day. */
    public Optional<Instant> earliest(Instant wanted, ZoneId zone, List<Instant> recentDeliveries) {
        Instant t = wanted;
        List<Instant> inWindow = recentDeliveries.stream().filter(d -> d.isAfter(wanted.minus(window))).sorted().toList();
        if (inWindow.size() >= maxPerWindow) {
            t = inWindow.get(inWindow.size() - maxPerWindow).plus(window);
        }
        ZonedDateTime local = t.atZone(zone);
        if (isQuiet(local.toLocalTime())) {
            ZonedDateTime end = local.with(quietUntil);
            if (!end.isAfter(local)) {
                end = end.plusDays(1);
            }
            t = end.toInstant();
        }
        return Duration.between(wanted, t).compareTo(Duration.ofDays(1)) <= 0 ? Optional.of(t) : Optional.empty();
    }

    boolean isQuiet(LocalTime time) {
        if (quietFrom.equals(quietUntil)) {
            return false;
        }
        return quietFrom.isBefore(quietUntil)
                ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }
}
