package io.facecard.application.instore.port;

import io.facecard.domain.instore.WatchListKind;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Watch lists and their entries; an entry holds either a member (their own templates find them) or a face from a photo. */
public interface WatchLists {
    record WatchList(UUID id, String name, WatchListKind kind, double falseAlertsPer10k, String createdBy, Instant createdAt) {}

    /** {@code staffAccount} and {@code consent} (the reference to what the person signed): a STAFF entry's, null otherwise. */
    record Entry(UUID id, UUID list, MemberId member, String label, String reason, String addedBy, Instant addedAt, Instant expiresAt,
            UUID staffAccount, String consent) {}

    /** The nearest live photo entry to a face, with its list. */
    record Hit(Entry entry, WatchList list, double score) {}

    /** False when the tenant has a list of that name already. */
    boolean create(TenantId tenant, WatchList list);

    List<WatchList> lists(TenantId tenant);

    Optional<WatchList> find(TenantId tenant, UUID list);

    void add(TenantId tenant, Entry entry, float[] embedding);

    List<Entry> entries(TenantId tenant, UUID list, Instant now);

    boolean remove(TenantId tenant, UUID list, UUID entry);

    /** Live photo entries of the tenant (what a face is compared with), for the thresholds' gallery size. */
    long photoEntries(TenantId tenant, Instant now);

    /** The nearest live photo entry; a STAFF entry whose account is no longer active is not live. */
    Optional<Hit> nearest(TenantId tenant, float[] embedding, Instant now);

    /** False when the list holds that staff account already. */
    boolean holdsStaff(TenantId tenant, UUID list, UUID staffAccount);

    /** Deletes entries that lapsed and STAFF entries of deactivated accounts, faces included; how many. */
    int purge(TenantId tenant, Instant now);

    /** The live lists a member is on (VIP entries and any other that names the member). */
    List<Hit> ofMember(TenantId tenant, MemberId member, Instant now);

    void forget(TenantId tenant, MemberId member);
}
