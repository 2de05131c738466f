package io.facecard.application.instore.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * What store analytics publishes to the till: whether a member is in the store now, as its cameras saw them (an open
 * visit last seen since {@code since}). Membership reads it to take a till's unsure face match without asking for
 * the phone's digits when the entrance already knew the member.
 */
public interface Presence {
    boolean seenSince(TenantId tenant, UUID store, MemberId member, Instant since);
}
