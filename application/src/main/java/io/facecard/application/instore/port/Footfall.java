package io.facecard.application.instore.port;

import io.facecard.domain.instore.AgeBand;
import io.facecard.domain.instore.MoodShift;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Hourly aggregates per store: the only trace passers-by leave. */
public interface Footfall {
    /** One person counted in: a member when {@code member}, new to the chain when {@code newMember}; mood from -1 to 1. */
    record Person(boolean member, boolean newMember, AgeBand age, boolean male, double mood) {}

    record Hour(Instant hour, long footfall, long members, long newMembers, long male, long female, long[] ageBands, long moodN,
            double moodSum, MoodShift shift) {}

    void count(TenantId tenant, UUID store, Instant hour, Person person);

    void shift(TenantId tenant, UUID store, Instant hour, MoodShift shift);

    /** The store's hours in [from, to), oldest first. */
    List<Hour> between(TenantId tenant, UUID store, Instant from, Instant to);
}
