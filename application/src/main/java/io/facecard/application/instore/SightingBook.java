package io.facecard.application.instore;

import io.facecard.application.biometrics.port.FaceAnalysis;
import io.facecard.application.biometrics.port.FaceAnalysis.Observation;
import io.facecard.application.biometrics.port.FaceSettings;
import io.facecard.application.biometrics.port.FaceSettingsStore;
import io.facecard.application.biometrics.port.FaceTemplates;
import io.facecard.application.biometrics.port.FaceTemplates.Candidate;
import io.facecard.application.biometrics.port.Galleries;
import io.facecard.application.crm.port.CrmEventType;
import io.facecard.application.crm.port.CrmEvents;
import io.facecard.application.instore.SightingQueue.Sighting;
import io.facecard.application.instore.port.Alerts;
import io.facecard.application.instore.port.Alerts.Alert;
import io.facecard.application.instore.port.Footfall;
import io.facecard.application.instore.port.Visits;
import io.facecard.application.instore.port.Visits.Visit;
import io.facecard.application.instore.port.WatchLists;
import io.facecard.application.instore.port.WatchLists.Hit;
import io.facecard.domain.instore.AgeBand;
import io.facecard.domain.instore.MoodShift;
import io.facecard.domain.instore.Placement;
import io.facecard.domain.instore.WatchListKind;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What one face seen by a camera changes, in one transaction: staff on a STAFF list are neither counted nor followed; a
 * face on a watch list raises that list's alert episode; a consented member opens, keeps or closes their visit; anyone
 * else is counted once per window through {@link PassersBy}. Every counted person adds to the store's hour (age band,
 * gender, mood on the way in), and a way out paired with its way in adds a mood shift (an alert when markedly worse).
 */
@ApplicationScoped
@Transactional
public class SightingBook {
    static final String MOOD_DROP = "MOOD_DROP";

    private FaceTemplates templates;
    private Galleries galleries;
    private FaceSettingsStore settings;
    private FaceAnalysis faces;
    private WatchLists watchLists;
    private Visits visits;
    private Footfall footfall;
    private Alerts alerts;
    private PassersBy passersBy;
    private CrmEvents crm;
    private Clock clock;

    /** For the CDI client proxy only. */
    protected SightingBook() {}

    @Inject
    public SightingBook(FaceTemplates templates, Galleries galleries, FaceSettingsStore settings, FaceAnalysis faces,
            WatchLists watchLists, Visits visits, Footfall footfall, Alerts alerts, PassersBy passersBy, CrmEvents crm, Clock clock) {
        this.templates = templates;
        this.galleries = galleries;
        this.settings = settings;
        this.faces = faces;
        this.watchLists = watchLists;
        this.visits = visits;
        this.footfall = footfall;
        this.alerts = alerts;
        this.passersBy = passersBy;
        this.crm = crm;
        this.clock = clock;
    }

    /** Camera faces are smaller than a till's: half the tenant's minimum face width is read. */
    public int minFacePixels(TenantId tenant) {
        return Math.max(24, settings.of(tenant).minFacePixels() / 2);
    }

    /** Who a camera's face is, as far as this context may know: staff (not counted), a member, or nobody known. */
    public record Who(boolean staff, MemberId member) {
        static final Who STAFF = new Who(true, null);
    }

    /**
     * Who the face is, and the alerts that raises (watch lists, a listed member), first and in a transaction of its own:
     * an alert does not wait for the face's attributes to be read.
     */
    public Who identify(Sighting s, float[] embedding) {
        TenantId tenant = s.tenant();
        Instant now = clock.instant();
        FaceSettings.Effective bands = bands(tenant);
        Optional<Hit> listed = watchLists.nearest(tenant, embedding, now)
                .filter(h -> h.score() >= listThreshold(tenant, h, bands, now));
        if (listed.isPresent() && listed.get().list().kind() == WatchListKind.STAFF) {
            return Who.STAFF;
        }
        listed.ifPresent(h -> raise(s, h.list().kind().name(), h, null, "entry:" + h.entry().id(), h.entry().label()));
        Optional<MemberId> member = member(tenant, embedding, bands);
        if (member.isEmpty()) {
            return new Who(false, null);
        }
        List<Hit> lists = watchLists.ofMember(tenant, member.get(), now);
        if (lists.stream().anyMatch(h -> h.list().kind() == WatchListKind.STAFF)) {
            return Who.STAFF;
        }
        for (Hit h : lists) {
            raise(s, h.list().kind().name(), h, member.get(), "member:" + member.get().value(), h.entry().label());
        }
        return new Who(false, member.get());
    }

    /** What the face changes once its attributes are read: a member's visit, or a passer-by's count, and the store's hour. */
    public void record(Sighting s, Observation o, Who who) {
        if (who.staff()) {
            return;
        }
        double mood = o.attributes() == null ? 0 : o.attributes().mood();
        if (who.member() != null) {
            visit(s, o, who.member(), mood);
            return;
        }
        PassersBy.Outcome outcome = passersBy.see(s.tenant(), s.store(), o.embedding(), bands(s.tenant()).matchThreshold(), s.placement(),
                s.capturedAt(), mood);
        switch (outcome.seen()) {
            case NEW -> count(s, o, false, false, mood);
            case LEFT -> shift(s, null, outcome.entranceMood(), mood);
            case AGAIN -> { }
        }
    }

    private FaceSettings.Effective bands(TenantId tenant) {
        return settings.of(tenant).effective(galleries.of(tenant), faces.impostorTail());
    }

    /** A list's own threshold: the score at which strangers raise at most its false alerts per 10,000 passers-by. */
    private double listThreshold(TenantId tenant, Hit hit, FaceSettings.Effective bands, Instant now) {
        long entries = Math.max(1, watchLists.photoEntries(tenant, now));
        return Math.max(bands.matchThreshold(), faces.impostorTail().thresholdFor(entries, hit.list().falseAlertsPer10k()));
    }

    /**
     * A member is taken at the tenant's gallery-aware match threshold (its false-accept budget) with a clear lead over
     * the runner-up. Not at an admin's stricter confident threshold: that one decides when a till asks for the phone's
     * digits, and a camera cannot ask; the till's own decision stays the till's.
     */
    private Optional<MemberId> member(TenantId tenant, float[] embedding, FaceSettings.Effective bands) {
        List<Candidate> nearest = templates.nearest(tenant, embedding, 2);
        if (nearest.isEmpty() || nearest.get(0).score() < bands.matchThreshold()) {
            return Optional.empty();
        }
        if (nearest.size() > 1 && nearest.get(0).score() - nearest.get(1).score() < bands.ambiguityMargin()) {
            return Optional.empty();
        }
        return Optional.of(nearest.get(0).member());
    }

    private void visit(Sighting s, Observation o, MemberId member, double mood) {
        TenantId tenant = s.tenant();
        Optional<Visit> open = visits.open(tenant, s.store(), member);
        if (open.isEmpty()) {
            if (s.placement() == Placement.EXIT) {
                return; // seen only leaving: the visit's start is unknown, so it is not made up
            }
            boolean first = !visits.visitedBefore(tenant, member);
            UUID visit = UUID.randomUUID();
            visits.start(tenant, new Visit(visit, s.store(), member, s.capturedAt(), s.capturedAt(), null, null, first,
                    s.placement() == Placement.ENTRANCE ? mood : null, null, null));
            crm.happened(tenant, new CrmEvents.Happening(CrmEventType.VISIT, member, "visit:" + visit, s.capturedAt(),
                    Map.of("visitId", visit.toString(), "storeId", s.store().toString(), "firstVisit", first)));
            count(s, o, true, first, mood);
            return;
        }
        Visit v = open.get();
        if (s.placement() == Placement.EXIT) {
            visits.close(tenant, v.id(), s.capturedAt(), "EXIT", mood);
            if (v.entryMood() != null) {
                shift(s, member, v.entryMood(), mood);
            }
        } else {
            visits.seen(tenant, v.id(), s.capturedAt());
        }
    }

    private void count(Sighting s, Observation o, boolean member, boolean newMember, double mood) {
        var a = o.attributes();
        footfall.count(s.tenant(), s.store(), hour(s), new Footfall.Person(member, newMember,
                a == null ? null : AgeBand.of(a.age()), a != null && a.male() >= 0.5, a == null ? Double.NaN : mood));
    }

    private void shift(Sighting s, MemberId member, double entrance, double exit) {
        footfall.shift(s.tenant(), s.store(), hour(s), MoodShift.of(entrance, exit));
        if (MoodShift.markedDrop(entrance, exit)) {
            String subject = member == null ? "passer:" + UUID.randomUUID() : "member:" + member.value();
            Alert a = new Alert(0, s.store(), MOOD_DROP, null, null, member, subject + ":mood",
                    String.format(java.util.Locale.ROOT, "left markedly less happy than they came in (mood %+.2f to %+.2f)", entrance, exit),
                    exit - entrance, s.capturedAt(), clock.instant(), null, null);
            alerts.raise(s.tenant(), a, passersBy.window()).ifPresent(id -> told(s.tenant(), id, a));
        }
    }

    private void raise(Sighting s, String kind, Hit h, MemberId member, String subject, String label) {
        Alert a = new Alert(0, s.store(), kind, h.list().id(), h.entry().id(), member, subject, label, h.score(), s.capturedAt(),
                clock.instant(), null, null);
        alerts.raise(s.tenant(), a, passersBy.window()).ifPresent(id -> told(s.tenant(), id, a));
    }

    /** A new alert episode, told to the CRM by kind, store and member; a passer-by's alert names nobody, the label stays in. */
    private void told(TenantId tenant, long id, Alert a) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("alertId", id);
        data.put("kind", a.kind());
        data.put("storeId", a.store().toString());
        if (a.list() != null) {
            data.put("watchListId", a.list().toString());
        }
        crm.happened(tenant, new CrmEvents.Happening(CrmEventType.ALERT, a.member(), "alert:" + id, a.capturedAt(), data));
    }

    private static Instant hour(Sighting s) {
        return s.capturedAt().truncatedTo(ChronoUnit.HOURS);
    }
}
