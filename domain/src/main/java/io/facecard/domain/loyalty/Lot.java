package io.facecard.domain.loyalty;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Points from one credit: pending until {@code availableAt}, gone at {@code expiresAt} (null: never). */
final class Lot {
    // Not final, with a no-argument constructor: account snapshots write and read fields directly.
    private UUID id;
    private Instant availableAt;
    private Instant expiresAt;
    private long remaining;

    private Lot() {}

    Lot(UUID id, long remaining, Instant availableAt, Instant expiresAt) {
        this.id = id;
        this.remaining = remaining;
        this.availableAt = availableAt;
        this.expiresAt = expiresAt;
    }

    UUID id() {
        return id;
    }

    long remaining() {
        return remaining;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Lot less(long points) {
        return new Lot(id, remaining - points, availableAt, expiresAt);
    }

    boolean expiredAt(Instant t) {
        return expiresAt != null && !expiresAt.isAfter(t);
    }

    boolean pendingAt(Instant t) {
        return availableAt.isAfter(t);
    }

    /** Redeemable at {@code t}: no longer pending and not yet expired. */
    boolean usableAt(Instant t) {
        return !pendingAt(t) && !expiredAt(t);
    }

    // Value equality, so sourcing the same events twice gives equal states (Axon's fixture checks this).
    @Override
    public boolean equals(Object o) {
        return o instanceof Lot l && id.equals(l.id) && remaining == l.remaining && availableAt.equals(l.availableAt)
                && Objects.equals(expiresAt, l.expiresAt);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
