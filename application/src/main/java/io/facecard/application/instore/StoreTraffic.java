package io.facecard.application.instore;

import static io.facecard.application.problem.Validation.requiredText;

import io.facecard.application.biometrics.port.FaceAnalysis;
import io.facecard.application.biometrics.port.FaceAnalysis.FaceScan;
import io.facecard.application.biometrics.port.FaceAnalysis.Outcome;
import io.facecard.application.biometrics.port.FaceAnalysis.ScanRules;
import io.facecard.application.biometrics.port.FaceSettings;
import io.facecard.application.biometrics.port.FaceSettingsStore;
import io.facecard.application.biometrics.port.FaceTemplates;
import io.facecard.application.biometrics.port.FaceTemplates.Candidate;
import io.facecard.application.biometrics.port.Galleries;
import io.facecard.application.instore.port.Footfall;
import io.facecard.application.instore.port.InStoreAudit;
import io.facecard.application.instore.port.Visits;
import io.facecard.application.instore.port.Visits.Visit;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.application.security.Role;
import io.facecard.application.security.TerminalKind;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.application.instore.port.Cameras;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What store analytics answers: a store's hours (aggregates only, for the dashboards), a member's visits, a search of
 * visits by photo (only consented members can be found, and every search is audited with its reason) and that audit.
 */
@ApplicationScoped
@Transactional
public class StoreTraffic {
    /** Aggregates carry no person: marketers read them too. */
    public static final Permit DASHBOARDS = new Permit(Set.of(Role.TENANT_ADMIN, Role.STORE_MANAGER, Role.MARKETER), Set.of());
    /** A person's visits: those who run stores, not those who market to customers. */
    public static final Permit PEOPLE = new Permit(Set.of(Role.TENANT_ADMIN, Role.STORE_MANAGER), Set.of());
    public static final Permit AUDIT = new Permit(Set.of(Role.TENANT_ADMIN), Set.of());
    /** The member's export: whoever may export the member (admins, managers, the member's own app). */
    public static final Permit EXPORT = new Permit(Set.of(Role.TENANT_ADMIN, Role.STORE_MANAGER), Set.of(TerminalKind.APP));

    /** What store analytics holds of a member: their visits, and the searches by photo that found them. */
    public record Trail(List<Visit> visits, List<InStoreAudit.Entry> searches) {}
    static final Duration LONGEST_PERIOD = Duration.ofDays(400);

    public record Found(MemberId member, double score, List<Visit> visits) {}

    private Footfall footfall;
    private Visits visits;
    private Cameras stores;
    private FaceAnalysis faces;
    private FaceTemplates templates;
    private Galleries galleries;
    private FaceSettingsStore settings;
    private InStoreAudit audit;
    private Clock clock;

    /** For the CDI client proxy only. */
    protected StoreTraffic() {}

    @Inject
    public StoreTraffic(Footfall footfall, Visits visits, Cameras stores, FaceAnalysis faces, FaceTemplates templates,
            Galleries galleries, FaceSettingsStore settings, InStoreAudit audit, Clock clock) {
        this.footfall = footfall;
        this.visits = visits;
        this.stores = stores;
        this.faces = faces;
        this.templates = templates;
        this.galleries = galleries;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Footfall.Hour> hours(Caller caller, UUID store, Instant from, Instant to) {
        TenantId tenant = DASHBOARDS.tenantOf(caller);
        period(caller, tenant, store, from, to);
        return footfall.between(tenant, store, from, to);
    }

    /** The zone a report counts its days and weeks in: the store's, else the tenant's (store null: the whole chain's). */
    public ZoneId zone(Caller caller, UUID store) {
        TenantId tenant = DASHBOARDS.tenantOf(caller);
        if (store == null) {
            requireChainWide(caller);
        } else if (!caller.worksIn(store)) {
            throw Refusal.notFound("store " + store);
        }
        return stores.zoneOf(tenant, store).orElseThrow(() -> Refusal.notFound("store " + store));
    }

    /** The chain's figures sum every store: an account bound to some stores asks for each of them instead. */
    private static void requireChainWide(Caller caller) {
        if (caller instanceof Caller.Staff s && !s.stores().isEmpty()) {
            throw Refusal.forbidden("this account works in some stores only: ask for their reports one by one");
        }
    }

    public List<Visit> visits(Caller caller, UUID store, Instant from, Instant to) {
        TenantId tenant = DASHBOARDS.tenantOf(caller);
        period(caller, tenant, store, from, to);
        return visits.between(tenant, store, from, to);
    }

    public List<Visit> ofMember(Caller caller, MemberId member) {
        TenantId tenant = PEOPLE.tenantOf(caller);
        if (!visits.knows(tenant, member)) {
            throw Refusal.notFound("member " + member.value());
        }
        return visits.ofMember(tenant, member, 50).stream().filter(v -> caller.worksIn(v.store())).toList();
    }

    /** Finds the member in the photo among consented members and lists their visits; audited whatever it found. */
    public Found search(Caller caller, byte[] photo, String reason) {
        TenantId tenant = PEOPLE.tenantOf(caller);
        String why = requiredText(reason, "reason", 500);
        FaceScan scan = faces.scanFor(tenant, photo, ScanRules.probe(40));
        Optional<Candidate> best = Optional.empty();
        if (scan.outcome() == Outcome.FACE) {
            FaceSettings.Effective bands = settings.of(tenant).effective(galleries.of(tenant), faces.impostorTail());
            best = templates.nearest(tenant, scan.embedding(), 1).stream().filter(c -> c.score() >= bands.confidentThreshold()).findFirst();
        }
        List<Visit> found = best.map(c -> visits.ofMember(tenant, c.member(), 50)).orElse(List.of()).stream()
                .filter(v -> caller.worksIn(v.store())).toList();
        audit.record(tenant, caller.actor(), "VISIT_SEARCH_BY_PHOTO", why, best.map(Candidate::member).orElse(null), found.size(),
                clock.instant());
        return new Found(best.map(Candidate::member).orElse(null), best.map(Candidate::score).orElse(Double.NaN), found);
    }

    public Trail export(Caller caller, MemberId member) {
        TenantId tenant = EXPORT.tenantOf(caller);
        return new Trail(visits.ofMember(tenant, member, 1000), audit.ofMember(tenant, member));
    }

    public List<InStoreAudit.Entry> audit(Caller caller) {
        return audit.recent(AUDIT.tenantOf(caller), 200);
    }

    private void period(Caller caller, TenantId tenant, UUID store, Instant from, Instant to) {
        if (from == null || to == null || !to.isAfter(from)) {
            throw Refusal.invalid("'from' must come before 'to'");
        }
        if (Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
            throw Refusal.invalid("a period is at most " + LONGEST_PERIOD.toDays() + " days");
        }
        if (store == null) {
            requireChainWide(caller);
        } else if (!caller.worksIn(store) || !stores.hasStore(tenant, store)) {
            throw Refusal.notFound("store " + store);
        }
    }
}
