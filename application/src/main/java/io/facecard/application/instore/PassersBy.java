package io.facecard.application.instore;

import io.facecard.domain.instore.Placement;
import io.facecard.domain.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faces of people who are not consented members, held in memory only and only for {@code window} after they were
 * last seen (the length of a visit): enough not to count one person twice and to pair their way in with their way out,
 * and then forgotten. Nothing here is written anywhere; a restart forgets everyone (at worst a person is counted twice).
 * At most {@code perStore} faces a store: beyond, the oldest is forgotten first.
 */
public final class PassersBy {
    public enum Seen {
        /** Not seen in the window: count them. */
        NEW,
        /** Seen already: counted. */
        AGAIN,
        /** Seen leaving after being seen coming in: {@code entranceMood} pairs with the exit's. */
        LEFT
    }

    public record Outcome(Seen seen, Double entranceMood) {}

    private record Store(TenantId tenant, UUID store) {}

    private static final class Passer {
        final float[] embedding;
        Instant lastSeen;
        Double entranceMood;
        boolean left;

        Passer(float[] embedding, Instant at) {
            this.embedding = embedding;
            this.lastSeen = at;
        }
    }

    private final Duration window;
    private final int perStore;
    private final Map<Store, Deque<Passer>> stores = new ConcurrentHashMap<>();

    public PassersBy(Duration window, int perStore) {
        this.window = window;
        this.perStore = perStore;
    }

    public Duration window() {
        return window;
    }

    public Outcome see(TenantId tenant, UUID store, float[] embedding, double sameThreshold, Placement placement, Instant at, double mood) {
        Deque<Passer> passers = stores.computeIfAbsent(new Store(tenant, store), s -> new ArrayDeque<>());
        synchronized (passers) {
            forgetBefore(passers, at.minus(window));
            Passer best = null;
            double bestScore = sameThreshold;
            for (Passer p : passers) {
                double score = dot(p.embedding, embedding);
                if (score >= bestScore) {
                    best = p;
                    bestScore = score;
                }
            }
            if (best == null) {
                Passer p = new Passer(embedding, at);
                if (placement == Placement.ENTRANCE) {
                    p.entranceMood = mood;
                }
                p.left = placement == Placement.EXIT;
                passers.addLast(p);
                while (passers.size() > perStore) {
                    passers.removeFirst();
                }
                return new Outcome(Seen.NEW, null);
            }
            best.lastSeen = at.isAfter(best.lastSeen) ? at : best.lastSeen;
            if (placement == Placement.ENTRANCE && best.entranceMood == null) {
                best.entranceMood = mood;
            }
            if (placement == Placement.EXIT && !best.left && best.entranceMood != null) {
                best.left = true;
                return new Outcome(Seen.LEFT, best.entranceMood);
            }
            return new Outcome(Seen.AGAIN, null);
        }
    }

    /** How many faces are held now, over all stores (for the README's claim and the tests). */
    public int held(Instant now) {
        int n = 0;
        for (Deque<Passer> passers : stores.values()) {
            synchronized (passers) {
                forgetBefore(passers, now.minus(window));
                n += passers.size();
            }
        }
        return n;
    }

    public void forgetTenant(TenantId tenant) {
        stores.keySet().removeIf(s -> s.tenant().equals(tenant));
    }

    private static void forgetBefore(Deque<Passer> passers, Instant cutoff) {
        Iterator<Passer> it = passers.iterator();
        while (it.hasNext()) {
            Passer p = it.next();
            if (p.lastSeen.isBefore(cutoff)) {
                java.util.Arrays.fill(p.embedding, 0f);
                it.remove();
            }
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
