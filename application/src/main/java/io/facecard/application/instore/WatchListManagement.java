package io.facecard.application.instore;

import static io.facecard.application.problem.Validation.requiredText;

import io.facecard.application.biometrics.port.FaceAnalysis;
import io.facecard.application.biometrics.port.FaceAnalysis.FaceScan;
import io.facecard.application.biometrics.port.FaceAnalysis.Outcome;
import io.facecard.application.biometrics.port.FaceAnalysis.ScanRules;
import io.facecard.application.biometrics.port.FaceTemplates;
import io.facecard.application.instore.port.InStoreAudit;
import io.facecard.application.instore.port.StaffRoster;
import io.facecard.application.instore.port.WatchLists;
import io.facecard.application.instore.port.WatchLists.Entry;
import io.facecard.application.instore.port.WatchLists.WatchList;
import io.facecard.application.security.Caller;
import io.facecard.domain.instore.InStoreRule;
import io.facecard.domain.instore.WatchListKind;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's watch lists. A VIP entry names a consented member (their own enrolled face finds them; a member without one
 * cannot be listed); every other entry is made from a photo (an incident photo for BANNED, the person's own for STAFF)
 * whose template is kept until the entry expires or is removed, and each is audited with its reason.
 */
@ApplicationScoped
@Transactional
public class WatchListManagement {
    /** A STAFF entry also names the staff account ({@code staffAccount}) and the person's signed consent ({@code consent}). */
    public record NewEntry(MemberId member, byte[] photo, String label, String reason, Instant expiresAt, UUID staffAccount,
            String consent) {
        public NewEntry(MemberId member, byte[] photo, String label, String reason, Instant expiresAt) {
            this(member, photo, label, reason, expiresAt, null, null);
        }
    }

    private WatchLists lists;
    private StaffRoster roster;
    private FaceAnalysis faces;
    private FaceTemplates templates;
    private InStoreAudit audit;
    private Clock clock;

    /** For the CDI client proxy only. */
    protected WatchListManagement() {}

    @Inject
    public WatchListManagement(WatchLists lists, StaffRoster roster, FaceAnalysis faces, FaceTemplates templates, InStoreAudit audit,
            Clock clock) {
        this.roster = roster;
        this.lists = lists;
        this.faces = faces;
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    public WatchList create(Caller caller, String name, WatchListKind kind, Double falseAlertsPer10k) {
        TenantId tenant = CameraPlacement.MANAGE.tenantOf(caller);
        String n = requiredText(name, "name", 100);
        if (kind == null) {
            throw Refusal.invalid("'kind' is required");
        }
        double rate = falseAlertsPer10k == null ? kind.falseAlertsPer10k() : falseAlertsPer10k;
        if (!(rate >= 0.001 && rate <= kind.falseAlertsPer10k() * 10)) {
            throw Refusal.invalid("'falseAlertsPer10k' must be between 0.001 and " + kind.falseAlertsPer10k() * 10 + " for a " + kind + " list");
        }
        WatchList list = new WatchList(UUID.randomUUID(), n, kind, rate, caller.actor(), clock.instant());
        if (!lists.create(tenant, list)) {
            throw new Refusal(InStoreRule.DUPLICATE_LIST, "the tenant has a watch list named '" + n + "'");
        }
        return list;
    }

    public List<WatchList> lists(Caller caller) {
        return lists.lists(CameraPlacement.MANAGE.tenantOf(caller));
    }

    public List<Entry> entries(Caller caller, UUID list) {
        TenantId tenant = CameraPlacement.MANAGE.tenantOf(caller);
        requireList(tenant, list);
        return lists.entries(tenant, list, clock.instant());
    }

    public Entry add(Caller caller, UUID listId, NewEntry draft) {
        TenantId tenant = CameraPlacement.MANAGE.tenantOf(caller);
        WatchList list = requireList(tenant, listId);
        String label = requiredText(draft.label(), "label", 200);
        String reason = requiredText(draft.reason(), "reason", 500);
        Instant now = clock.instant();
        Instant expires = draft.expiresAt() != null ? draft.expiresAt()
                : list.kind().defaultExpiry() == null ? null : now.plus(list.kind().defaultExpiry());
        if (expires != null && !expires.isAfter(now)) {
            throw Refusal.invalid("'expiresAt' must be in the future");
        }
        String consent = staffConsent(tenant, list, draft);
        float[] embedding = null;
        if (list.kind().fromPhoto()) {
            if (draft.photo() == null || draft.member() != null) {
                throw Refusal.invalid("a " + list.kind() + " entry is made from a 'photo' (and names no member)");
            }
            FaceScan scan = faces.scanFor(tenant, draft.photo(), ScanRules.probe(40));
            if (scan.outcome() != Outcome.FACE) {
                throw new Refusal(InStoreRule.NO_FACE_FOR_ENTRY, "the photo gives no usable face: " + scan.outcome());
            }
            embedding = scan.embedding();
        } else {
            if (draft.member() == null || draft.photo() != null) {
                throw Refusal.invalid("a VIP entry names a consented member ('memberId'), not a photo");
            }
            if (templates.of(tenant, draft.member()).isEmpty()) {
                throw new Refusal(InStoreRule.NO_FACE_FOR_ENTRY,
                        "member " + draft.member().value() + " has no enrolled face with consent: a camera could not know them");
            }
        }
        lists.purge(tenant, now);
        Entry entry = new Entry(UUID.randomUUID(), listId, draft.member(), label, reason, caller.actor(), now, expires,
                draft.staffAccount(), consent);
        lists.add(tenant, entry, embedding);
        audit.record(tenant, caller.actor(), "WATCH_ENTRY_ADDED:" + list.kind(), reason, draft.member(), 1, now);
        return entry;
    }

    public void remove(Caller caller, UUID listId, UUID entry) {
        TenantId tenant = CameraPlacement.MANAGE.tenantOf(caller);
        WatchList list = requireList(tenant, listId);
        if (!lists.remove(tenant, listId, entry)) {
            throw Refusal.notFound("entry " + entry + " of watch list " + listId);
        }
        audit.record(tenant, caller.actor(), "WATCH_ENTRY_REMOVED:" + list.kind(), "removed", null, 1, clock.instant());
    }

    /**
     * STAFF entries are people who work for the chain and agreed to be recognised (so cameras leave them out of the
     * counts): an active account of this tenant, once per list, with the reference to their consent. Other kinds name no
     * account.
     */
    private String staffConsent(TenantId tenant, WatchList list, NewEntry draft) {
        if (list.kind() != WatchListKind.STAFF) {
            if (draft.staffAccount() != null || draft.consent() != null) {
                throw Refusal.invalid("only a STAFF entry names 'staffAccountId' and 'consent'");
            }
            return null;
        }
        if (draft.staffAccount() == null) {
            throw Refusal.invalid("a STAFF entry names the person's staff account ('staffAccountId')");
        }
        String consent = requiredText(draft.consent(), "consent", 200);
        if (!roster.isActive(tenant, draft.staffAccount())) {
            throw Refusal.invalid("'staffAccountId' names no active staff account of this tenant");
        }
        if (lists.holdsStaff(tenant, list.id(), draft.staffAccount())) {
            throw new Refusal(InStoreRule.DUPLICATE_STAFF_ENTRY, "staff account " + draft.staffAccount() + " is on this list already");
        }
        return consent;
    }

    private WatchList requireList(TenantId tenant, UUID list) {
        return lists.find(tenant, list).orElseThrow(() -> Refusal.notFound("watch list " + list));
    }
}
