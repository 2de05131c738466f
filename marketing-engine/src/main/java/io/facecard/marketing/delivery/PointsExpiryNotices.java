package io.facecard.marketing.delivery;

import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.ExpiringPoints;
import io.facecard.marketing.port.MarketingTerms;
import io.facecard.marketing.port.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells members that points lapse within the tenant's lead time (a service notice: their own
 * account, sent whatever the hour). Each scan looks only at lots whose expiry entered the lead
 * time since the last one, and a notice's key (member and expiry day) queues it once however
 * often, and on however many replicas, the scan runs.
 */
final class PointsExpiryNotices {
    private final ExpiringPoints points;
    private final MarketingTerms terms;
    private final Outbox outbox;
    /** Per tenant, the expiry up to which lots were looked at; a restart looks again from now (keys keep it once). */
    private final Map<TenantId, Instant> horizon = new ConcurrentHashMap<>();

    PointsExpiryNotices(ExpiringPoints points, MarketingTerms terms, Outbox outbox) {
        this.points = points;
        this.terms = terms;
        this.outbox = outbox;
    }

    /** @return notices queued */
    int scan(Instant now) {
        int queued = 0;
        for (ExpiringPoints.Tenant t : points.tenants()) {
            int days = terms.find(t.id()).orElse(MarketingTerms.Terms.DEFAULT).pointsExpiringDays();
            Instant until = now.plus(Duration.ofDays(days));
            Instant after = horizon.getOrDefault(t.id(), now);
            if (!until.isAfter(after)) {
                continue;
            }
            for (ExpiringPoints.Lapsing l : points.lapsing(t.id(), now, after, until)) {
                LocalDate day = l.firstExpiry().atZone(t.zone()).toLocalDate();
                Notice n = new Notice(t.id(), l.member(), "POINTS_EXPIRING", Notice.Kind.SERVICE, Map.of("points", Long.toString(l.points()),
                        "expiresOn", day.toString(), "balance", Long.toString(l.balance())), "points-expiring-" + l.member().value() + "-" + day);
                if (outbox.queue(n, now)) {
                    queued++;
                }
            }
            horizon.put(t.id(), until);
        }
        return queued;
    }
}
