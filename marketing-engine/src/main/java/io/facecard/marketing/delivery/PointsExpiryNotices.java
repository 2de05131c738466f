package io.facecard.marketing.delivery;

import io.facecard.marketing.port.ExpiringPoints;
import io.facecard.marketing.port.MarketingTerms;
import io.facecard.marketing.port.Notice;
import io.facecard.marketing.port.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Tells members that points lapse within the tenant's lead time (a service notice: their own
 * account, sent whatever the hour). Each scan looks at every lot lapsing within the lead time,
 * new ones included (a lot can be earned with less time left than the lead time); the port
 * leaves out members already told of that day, and a notice's key (member and expiry day) queues
 * it once however often, and on however many replicas, the scan runs.
 */
final class PointsExpiryNotices {
    private final ExpiringPoints points;
    private final MarketingTerms terms;
    private final Outbox outbox;

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
            for (ExpiringPoints.Lapsing l : points.lapsing(t.id(), now, until)) {
                LocalDate day = l.firstExpiry().atZone(t.zone()).toLocalDate();
                Notice n = new Notice(t.id(), l.member(), "POINTS_EXPIRING", Notice.Kind.SERVICE, Map.of("points", Long.toString(l.points()),
                        "expiresOn", day.toString(), "balance", Long.toString(l.balance())), "points-expiring-" + l.member().value() + "-" + day);
                if (outbox.queue(n, now)) {
                    queued++;
                }
            }
        }
        return queued;
    }
}
