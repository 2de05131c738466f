package io.facecard.application.instore;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.domain.instore.Placement;
import io.facecard.domain.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PassersByTest {
    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final UUID store = UUID.randomUUID();
    private final Instant t0 = Instant.parse("2026-12-07T09:00:00Z");

    private static float[] face(int axis) {
        float[] v = new float[8];
        v[axis] = 1;
        return v;
    }

    @Test
    void aPersonIsCountedOnceAndTheirWayOutPairsWithTheirWayIn() {
        PassersBy p = new PassersBy(Duration.ofHours(2), 100);
        assertThat(p.see(tenant, store, face(0), 0.5, Placement.ENTRANCE, t0, 0.8).seen()).isEqualTo(PassersBy.Seen.NEW);
        assertThat(p.see(tenant, store, face(0), 0.5, Placement.FLOOR, t0.plusSeconds(60), 0).seen()).isEqualTo(PassersBy.Seen.AGAIN);
        PassersBy.Outcome out = p.see(tenant, store, face(0), 0.5, Placement.EXIT, t0.plusSeconds(600), -0.2);
        assertThat(out.seen()).isEqualTo(PassersBy.Seen.LEFT);
        assertThat(out.entranceMood()).isEqualTo(0.8);
        assertThat(p.see(tenant, store, face(0), 0.5, Placement.EXIT, t0.plusSeconds(610), -0.2).seen()).as("paired once")
                .isEqualTo(PassersBy.Seen.AGAIN);
        assertThat(p.see(tenant, store, face(1), 0.5, Placement.ENTRANCE, t0.plusSeconds(5), 0).seen()).isEqualTo(PassersBy.Seen.NEW);
    }

    @Test
    void facesAreForgottenAfterTheWindowAndWithTheirTenant() {
        PassersBy p = new PassersBy(Duration.ofHours(2), 100);
        p.see(tenant, store, face(0), 0.5, Placement.ENTRANCE, t0, 0);
        assertThat(p.held(t0.plus(Duration.ofMinutes(119)))).isEqualTo(1);
        assertThat(p.held(t0.plus(Duration.ofMinutes(121)))).isZero();
        assertThat(p.see(tenant, store, face(0), 0.5, Placement.ENTRANCE, t0.plus(Duration.ofHours(3)), 0).seen())
                .as("a new visit after the window is counted again").isEqualTo(PassersBy.Seen.NEW);
        p.forgetTenant(tenant);
        assertThat(p.held(t0.plus(Duration.ofHours(3)))).isZero();
    }

    @Test
    void aStoreHoldsAtMostItsShareOfFaces() {
        PassersBy p = new PassersBy(Duration.ofHours(2), 3);
        for (int i = 0; i < 5; i++) {
            p.see(tenant, store, face(i), 0.5, Placement.ENTRANCE, t0, 0);
        }
        assertThat(p.held(t0)).isEqualTo(3);
    }

    @Test
    void theQueueServesTenantsInTurnAndRefusesATenantBeyondItsShare() throws Exception {
        SightingQueue q = new SightingQueue(2, 10);
        TenantId other = new TenantId(UUID.randomUUID());
        assertThat(q.offer(sighting(tenant))).isTrue();
        assertThat(q.offer(sighting(tenant))).isTrue();
        assertThat(q.offer(sighting(tenant))).isFalse();
        assertThat(q.offer(sighting(other))).isTrue();
        assertThat(q.take(10).orElseThrow().tenant()).isEqualTo(tenant);
        assertThat(q.take(10).orElseThrow().tenant()).isEqualTo(other);
        assertThat(q.take(10).orElseThrow().tenant()).isEqualTo(tenant);
        assertThat(q.take(10)).isEmpty();
    }

    @Test
    void aTenantsNewestImageGoesFirst() throws Exception {
        SightingQueue q = new SightingQueue(5, 10);
        q.offer(new SightingQueue.Sighting(tenant, store, UUID.randomUUID(), Placement.ENTRANCE, t0, t0, new byte[0]));
        q.offer(new SightingQueue.Sighting(tenant, store, UUID.randomUUID(), Placement.ENTRANCE, t0.plusSeconds(1), t0, new byte[0]));
        assertThat(q.take(10).orElseThrow().capturedAt()).isEqualTo(t0.plusSeconds(1));
        assertThat(q.take(10).orElseThrow().capturedAt()).isEqualTo(t0);
    }

    private SightingQueue.Sighting sighting(TenantId t) {
        return new SightingQueue.Sighting(t, store, UUID.randomUUID(), Placement.ENTRANCE, t0, t0, new byte[0]);
    }
}
