package io.facecard.marketing.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.ExpiringPoints;
import io.facecard.marketing.port.MarketingTerms;
import io.facecard.marketing.port.Notice;
import io.facecard.marketing.port.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PointsExpiryNoticesTest {
    final TenantId tenant = new TenantId(UUID.randomUUID());
    final MemberId member = new MemberId(UUID.randomUUID());
    final Instant now = Instant.parse("2026-12-01T10:00:00Z");
    final List<Instant[]> asked = new ArrayList<>();
    final Set<String> keys = new HashSet<>();
    final List<Notice> queued = new ArrayList<>();
    Instant lotExpiry = now.plus(Duration.ofDays(10));

    final ExpiringPoints points = new ExpiringPoints() {
        @Override
        public List<Tenant> tenants() {
            return List.of(new Tenant(tenant, ZoneId.of("Asia/Shanghai")));
        }

        @Override
        public List<Lapsing> lapsing(TenantId t, Instant after, Instant until) {
            asked.add(new Instant[] {after, until});
            boolean in = lotExpiry.isAfter(after) && !lotExpiry.isAfter(until);
            return in ? List.of(new Lapsing(member, 30, lotExpiry, 80)) : List.of();
        }
    };
    final MarketingTerms terms = new MarketingTerms() {
        @Override
        public Optional<Terms> find(TenantId t) {
            return Optional.empty();
        }

        @Override
        public void save(TenantId t, Terms terms, Instant at) {}
    };
    final Outbox outbox = new Outbox() {
        @Override
        public int releaseHeld(TenantId tenant, Set<String> rules, Instant at) {
            return 0; // nothing here is held by a delivery rule
        }

        @Override
        public boolean queue(Notice n, Instant at) {
            if (keys.add(n.key())) {
                queued.add(n);
                return true;
            }
            return false;
        }

        @Override
        public int queueAll(List<Notice> all, Instant at) {
            return (int) all.stream().filter(n -> queue(n, at)).count();
        }

        @Override
        public List<Queued> claim(Instant n, int limit, Instant leaseUntil) {
            return List.of();
        }

        @Override
        public void sent(UUID id, String channel, Instant at) {}

        @Override
        public void retry(UUID id, Instant next, String reason) {}

        @Override
        public void ended(UUID id, String status, String channel, String reason, Instant at) {}

        @Override
        public void record(List<Outcome> outcomes, Instant at) {}
    };

    @Test
    void lotsWithinTheLeadTimeAreToldOnce() {
        PointsExpiryNotices job = new PointsExpiryNotices(points, terms, outbox);
        assertThat(job.scan(now)).isEqualTo(1);
        Notice n = queued.get(0);
        assertThat(n.type()).isEqualTo("POINTS_EXPIRING");
        assertThat(n.kind()).isEqualTo(Notice.Kind.SERVICE);
        assertThat(n.fields()).containsEntry("points", "30").containsEntry("expiresOn", "2026-12-11").containsEntry("balance", "80");
        assertThat(job.scan(now.plusSeconds(10))).isZero();
        // Every scan asks for the whole lead time from now.
        assertThat(asked.get(1)[0]).isEqualTo(now.plusSeconds(10));
        assertThat(asked.get(1)[1]).isEqualTo(now.plusSeconds(10).plus(Duration.ofDays(14)));
    }

    @Test
    void aLotEarnedWithLessTimeLeftThanTheLeadTimeIsToldAtTheNextScan() {
        lotExpiry = now.plus(Duration.ofDays(40));
        PointsExpiryNotices job = new PointsExpiryNotices(points, terms, outbox);
        assertThat(job.scan(now)).isZero();
        lotExpiry = now.plus(Duration.ofDays(10)); // earned after the first scan, lapsing inside what it looked at
        assertThat(job.scan(now.plusSeconds(10))).isEqualTo(1);
    }

    @Test
    void aRestartThatLooksAgainQueuesNothingTwice() {
        new PointsExpiryNotices(points, terms, outbox).scan(now);
        assertThat(new PointsExpiryNotices(points, terms, outbox).scan(now.plusSeconds(5))).isZero();
        assertThat(queued).hasSize(1);
    }

    @Test
    void lotsBeyondTheLeadTimeWaitUntilTheyEnterIt() {
        lotExpiry = now.plus(Duration.ofDays(20));
        PointsExpiryNotices job = new PointsExpiryNotices(points, terms, outbox);
        assertThat(job.scan(now)).isZero();
        assertThat(job.scan(now.plus(Duration.ofDays(6)).plusSeconds(1))).isEqualTo(1);
    }
}
