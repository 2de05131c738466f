package io.facecard.domain.loyalty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A member's lots, oldest first, as a value: the arithmetic of the ledger (what is usable, what
 * a debit takes first in first out, what expires while holds still need it) without any decision
 * or event. Every change answers a new {@code Lots}; {@link BonusAccount} decides and records.
 */
public final class Lots {
    public static final Lots NONE = new Lots(List.of());

    /** Which lots pay for a debit, in the order taken, and how much could not be found. */
    public record Taking(Map<UUID, Long> fromLots, long missing) {
        public long taken() {
            return fromLots.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Points of one lot that expire now. */
    public record Expiring(UUID lotId, long points, Instant at) {}

    private List<Lot> lots;

    private Lots() {} // for account snapshots

    private Lots(List<Lot> lots) {
        this.lots = List.copyOf(lots);
    }

    public Lots plus(UUID lotId, long points, Instant availableAt, Instant expiresAt) {
        List<Lot> next = new ArrayList<>(lots);
        next.add(new Lot(lotId, points, availableAt, expiresAt));
        return new Lots(next);
    }

    /** Takes what a debit recorded from each lot; emptied lots leave. */
    public Lots less(Map<UUID, Long> fromLots) {
        List<Lot> next = new ArrayList<>(lots.size());
        for (Lot lot : lots) {
            Lot after = fromLots.containsKey(lot.id()) ? lot.less(fromLots.get(lot.id())) : lot;
            if (after.remaining() > 0) {
                next.add(after);
            }
        }
        return new Lots(next);
    }

    /** Points in every lot, pending and expired-but-held included. */
    public long total() {
        return lots.stream().mapToLong(Lot::remaining).sum();
    }

    /** Points redeemable at {@code at}, before holds. */
    public long usable(Instant at) {
        return lots.stream().filter(l -> l.usableAt(at)).mapToLong(Lot::remaining).sum();
    }

    /**
     * First in, first out over the lots usable at {@code at}. A capture ({@code heldAlready}) may
     * also use lots that expired since its hold reserved them: those points were promised.
     */
    public Taking take(long points, Instant at, boolean heldAlready) {
        Predicate<Lot> usable = heldAlready ? l -> !l.pendingAt(at) : l -> l.usableAt(at);
        return takeFrom(lots, points, usable);
    }

    /**
     * A return takes back up to {@code points}, from the lot its sale created first and then the
     * oldest, never more than the lots hold beyond what holds reserve.
     */
    public Taking takeBack(long points, UUID firstLot, long held) {
        long room = Math.max(0, total() - held);
        List<Lot> order = new ArrayList<>(lots.size());
        lots.stream().filter(l -> l.id().equals(firstLot)).forEach(order::add);
        lots.stream().filter(l -> !l.id().equals(firstLot)).forEach(order::add);
        Taking t = takeFrom(order, Math.min(points, room), l -> true);
        return new Taking(t.fromLots(), points - t.taken());
    }

    /**
     * What expires at {@code at}: each expired lot's points, except those that open holds still
     * need and the other usable lots cannot cover; lot by lot, as the account records them.
     */
    public List<Expiring> expiringAt(Instant at, long held) {
        List<Expiring> out = new ArrayList<>();
        Lots state = this;
        for (Lot lot : lots) {
            Lot now = state.find(lot.id());
            if (now == null || now.remaining() <= 0 || !now.expiredAt(at)) {
                continue;
            }
            long cover = state.lots.stream().filter(l -> l != now && l.usableAt(at)).mapToLong(Lot::remaining).sum();
            long expiring = now.remaining() - Math.max(0, Math.min(now.remaining(), held - cover));
            if (expiring > 0) {
                out.add(new Expiring(now.id(), expiring, now.expiresAt()));
                state = state.less(Map.of(now.id(), expiring));
            }
        }
        return out;
    }

    /** When lot {@code lotId} expires, if it is still here and expires at all. */
    public Optional<Instant> expiryOf(UUID lotId) {
        Lot l = find(lotId);
        return l == null ? Optional.empty() : Optional.ofNullable(l.expiresAt());
    }

    private Lot find(UUID id) {
        for (Lot l : lots) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        return null;
    }

    private static Taking takeFrom(List<Lot> order, long points, Predicate<Lot> usable) {
        Map<UUID, Long> from = new LinkedHashMap<>();
        long left = points;
        for (Lot lot : order) {
            long t = usable.test(lot) ? Math.min(left, lot.remaining()) : 0;
            if (t > 0) {
                from.put(lot.id(), t);
                left -= t;
            }
        }
        return new Taking(from, left);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lots l && lots.equals(l.lots);
    }

    @Override
    public int hashCode() {
        return lots.hashCode();
    }
}
