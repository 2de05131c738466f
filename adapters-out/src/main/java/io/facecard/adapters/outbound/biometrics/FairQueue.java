package io.facecard.adapters.outbound.biometrics;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Work of many owners (tenants) for a few workers, served in turn: each owner with work waiting
 * gets one task per round, however many it queued, so a flooding owner's backlog delays another's
 * task by at most one task per worker. Each owner may hold at most its cap of tasks (waiting or
 * running), and all owners together at most {@code capacity} waiting ones.
 */
final class FairQueue {
    enum Admission { ADMITTED, OWNER_FULL, QUEUE_FULL }

    private final int capacity;
    private final Map<Object, ArrayDeque<Runnable>> waiting = new HashMap<>();
    private final Map<Object, Integer> held = new HashMap<>();
    private final ArrayDeque<Object> turns = new ArrayDeque<>();
    private int size;
    private boolean closed;

    FairQueue(int capacity) {
        this.capacity = capacity;
    }

    synchronized Admission offer(Object owner, int cap, Runnable task) {
        if (held.getOrDefault(owner, 0) >= cap) {
            return Admission.OWNER_FULL;
        }
        if (size >= capacity) {
            return Admission.QUEUE_FULL;
        }
        held.merge(owner, 1, Integer::sum);
        ArrayDeque<Runnable> own = waiting.computeIfAbsent(owner, o -> new ArrayDeque<>());
        if (own.isEmpty()) {
            turns.addLast(owner);
        }
        own.addLast(task);
        size++;
        notifyAll();
        return Admission.ADMITTED;
    }

    /** The next owner's next task; the owner goes to the back of the round if it has more. */
    synchronized Map.Entry<Object, Runnable> take() throws InterruptedException {
        while (turns.isEmpty()) {
            if (closed) {
                throw new InterruptedException("closed");
            }
            wait();
        }
        Object owner = turns.pollFirst();
        ArrayDeque<Runnable> own = waiting.get(owner);
        Runnable task = own.pollFirst();
        size--;
        if (own.isEmpty()) {
            waiting.remove(owner);
        } else {
            turns.addLast(owner);
        }
        return Map.entry(owner, task);
    }

    /** A task of this owner has finished: it may queue another. */
    synchronized void done(Object owner) {
        held.computeIfPresent(owner, (o, n) -> n <= 1 ? null : n - 1);
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
