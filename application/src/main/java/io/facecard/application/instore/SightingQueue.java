package io.facecard.application.instore;

import io.facecard.domain.instore.Placement;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Camera images waiting for the face pipeline, in memory: tenants are served in turn, each tenant's newest image first
 * (an alert is worth most while the person is still at the door; under load the older crops wait, not the fresh one),
 * and a tenant holding its share is refused at once (the camera retries or drops the crop; a lost crop loses a count,
 * never stores a face).
 */
public final class SightingQueue {
    public record Sighting(TenantId tenant, UUID store, UUID camera, Placement placement, Instant capturedAt, Instant receivedAt,
            byte[] image) {}

    private final int perTenant;
    private final int total;
    private final Map<TenantId, Deque<Sighting>> waiting = new LinkedHashMap<>();
    private int size;

    public SightingQueue(int perTenant, int total) {
        this.perTenant = perTenant;
        this.total = total;
    }

    /** False when the tenant holds its share or the queue is full. */
    public synchronized boolean offer(Sighting s) {
        Deque<Sighting> mine = waiting.computeIfAbsent(s.tenant(), t -> new ArrayDeque<>());
        if (mine.size() >= perTenant || size >= total) {
            return false;
        }
        mine.addLast(s);
        size++;
        notifyAll();
        return true;
    }

    /** The next tenant's newest sighting, tenants in turn; waits up to {@code millis}. */
    public synchronized Optional<Sighting> take(long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (size == 0) {
            long left = until - System.currentTimeMillis();
            if (left <= 0) {
                return Optional.empty();
            }
            wait(left);
        }
        Iterator<Map.Entry<TenantId, Deque<Sighting>>> it = waiting.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<TenantId, Deque<Sighting>> e = it.next();
            Sighting s = e.getValue().pollLast();
            if (s != null) {
                it.remove();
                if (!e.getValue().isEmpty()) {
                    waiting.put(e.getKey(), e.getValue()); // to the back of the turn
                }
                size--;
                return Optional.of(s);
            }
            it.remove();
        }
        return Optional.empty();
    }

    public synchronized int size() {
        return size;
    }

    public synchronized void forgetTenant(TenantId tenant) {
        Deque<Sighting> mine = waiting.remove(tenant);
        if (mine != null) {
            size -= mine.size();
        }
    }
}
