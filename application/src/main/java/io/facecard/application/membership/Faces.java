package io.facecard.application.membership;

import io.facecard.application.biometrics.port.Bursts;
import io.facecard.application.biometrics.port.FaceAnalysis.FaceScan;
import io.facecard.application.biometrics.port.FaceAnalysis.Outcome;
import io.facecard.application.biometrics.port.FaceAnalysis;
import io.facecard.application.biometrics.port.FaceSettings;
import io.facecard.application.biometrics.port.FaceSettingsStore;
import io.facecard.application.biometrics.port.FaceTemplates;
import io.facecard.application.biometrics.port.Galleries;
import io.facecard.application.instore.port.Presence;
import io.facecard.application.membership.port.FaceIdentification;
import io.facecard.application.membership.port.Identification.Decision;
import io.facecard.application.membership.port.Identification;
import io.facecard.application.membership.port.MemberDirectory;
import io.facecard.application.membership.port.MemberView;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.application.security.Role;
import io.facecard.application.security.TerminalKind;
import io.facecard.domain.biometrics.MatchPolicy;
import io.facecard.domain.checkout.FaceProof;
import io.facecard.domain.membership.MemberCommands;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.membership.MembershipRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Face enrolment, 1:N identification and 1:1 verification inside one tenant. */
@ApplicationScoped
@Transactional
public class Faces implements FaceIdentification {
    public static final Permit IDENTIFY = new Permit(
            Set.of(Role.TENANT_ADMIN, Role.STORE_MANAGER, Role.CASHIER),
            Set.of(TerminalKind.POS, TerminalKind.KIOSK, TerminalKind.CAMERA));

    private static final Permit ADMIN = new Permit(Set.of(Role.TENANT_ADMIN), Set.of());

    /** CONFIRM: the customer confirms with their phone's last digits (a candidate token, no member shown). */
    /** A till probe below this quality is never taken without asking (at the till quality is detector confidence damped by blur). */
    static final double SURE_QUALITY = 0.3;
    /** How recently a store camera must have seen a member for the till to take their unsure match. */
    static final Duration PRESENCE = Duration.ofMinutes(15);
    /** A MATCH taken from the CONFIRM band because the member was seen in the store. */
    static final String SEEN_IN_STORE = "SEEN_IN_STORE";

    /** Below this many templates the app is told another photo helps (AccuracyBenchmark: 3 photos, wild 59 % → 93 % at 1k). */
    static final int HELPFUL_TEMPLATES = 3;

    /** @param anotherPhotoHelps the member has fewer than {@link #HELPFUL_TEMPLATES} templates */
    public record Enrolled(UUID faceId, double quality, int templates, boolean anotherPhotoHelps) {}

    private CommandGateway commands;
    private FaceAnalysis analysis;
    private FaceTemplates templates;
    private FaceSettingsStore settings;
    private Members members;
    private MemberDirectory directory;
    private Clock clock;
    private Galleries galleries;
    private StepUp stepUp;
    private TemplateRefresh refresh;
    private Bursts bursts;
    private Presence presence;

    /** For the CDI client proxy only. */
    protected Faces() {}

    @Inject
    public Faces(CommandGateway commands, FaceAnalysis analysis, FaceTemplates templates, FaceSettingsStore settings,
            Members members, MemberDirectory directory, Clock clock, Galleries galleries, StepUp stepUp, TemplateRefresh refresh,
            Bursts bursts, Presence presence) {
        this.bursts = bursts;
        this.presence = presence;
        this.galleries = galleries;
        this.stepUp = stepUp;
        this.refresh = refresh;
        this.commands = commands;
        this.analysis = analysis;
        this.templates = templates;
        this.settings = settings;
        this.members = members;
        this.directory = directory;
        this.clock = clock;
    }

    public Enrolled enrol(Caller caller, MemberId member, byte[] image) {
        TenantId tenant = Members.PERMIT.tenantOf(caller);
        members.living(tenant, member);
        return enrolScanned(caller, member, inspect(caller, image));
    }

    /** A photo of a burst that enrolment refused: its place in the burst (from 0) and why. */
    public record RefusedPhoto(int index, String reason, String detail) {}

    /** What a burst enrolled, and which of its photos were refused. */
    public record EnrolledBurst(List<Enrolled> enrolled, List<RefusedPhoto> refused, int templates, boolean anotherPhotoHelps) {}

    /**
     * The app's short burst (a few photos with small head movements): every good photo becomes a template.
     * Photos enrolment refuses are named and skipped; none good, photos of different people, or a face that is
     * not the member's refuse the whole call, which then changes nothing.
     */
    public EnrolledBurst enrolBurst(Caller caller, MemberId member, List<byte[]> photos) {
        TenantId tenant = Members.PERMIT.tenantOf(caller);
        bursts.checkCount(photos.size());
        members.living(tenant, member);
        List<FaceScan> good = new ArrayList<>();
        List<RefusedPhoto> refused = new ArrayList<>();
        Refusal first = null;
        for (int i = 0; i < photos.size(); i++) {
            try {
                good.add(inspect(caller, photos.get(i)));
            } catch (Refusal r) {
                refused.add(new RefusedPhoto(i, r.reason() != null ? r.reason() : r.type(), r.getMessage()));
                first = first == null ? r : first;
            }
        }
        if (good.isEmpty()) {
            throw first;
        }
        bursts.requireOnePerson(good, samePerson(tenant));
        List<Enrolled> enrolled = good.stream().map(scan -> enrolScanned(caller, member, scan)).toList();
        Enrolled last = enrolled.get(enrolled.size() - 1);
        return new EnrolledBurst(enrolled, refused, last.templates(), last.anotherPhotoHelps());
    }

    /** The photo's one face, scanned as for enrolment; refused as an enrolment would refuse it. Stores nothing. */
    public FaceScan inspect(Caller caller, byte[] image) {
        TenantId tenant = Members.PERMIT.tenantOf(caller);
        return oneFace(tenant, image, FaceAnalysis.ScanRules.enrolment(settings.of(tenant).minFacePixels()));
    }

    /** {@link #inspect} on the face pipeline's background lane: for imports, which must leave the cores to the tills. */
    public FaceScan inspectInBackground(Caller caller, byte[] image) {
        TenantId tenant = Members.PERMIT.tenantOf(caller);
        FaceScan scan = analysis.scanInBackground(tenant, image,
                FaceAnalysis.ScanRules.enrolment(settings.of(tenant).minFacePixels()));
        return requireOneFace(scan);
    }

    /** Enrols a face {@link #inspect} found (an import checks the photo before it registers the member). */
    public Enrolled enrolScanned(Caller caller, MemberId member, FaceScan scan) {
        TenantId tenant = Members.PERMIT.tenantOf(caller);
        members.living(tenant, member);
        guardIdentity(tenant, member, scan.embedding());
        UUID faceId = UUID.randomUUID();
        commands.sendAndWait(new MemberCommands.EnrolFace(member, faceId, caller.actor(), clock.instant()));
        templates.add(tenant, member, faceId, scan.embedding(), scan.quality(), clock.instant(), FaceTemplates.Source.ENROLMENT);
        int count = templates.of(tenant, member).size();
        return new Enrolled(faceId, scan.quality(), count, count < HELPFUL_TEMPLATES);
    }

    /**
     * One face, one account, one person: a face that already matches another member is not enrolled again, and
     * a further template must verify against the member's own and be nearer the member than anyone else
     * (else a second photo of another person would make that person a candidate for this member).
     */
    private void guardIdentity(TenantId tenant, MemberId member, float[] embedding) {
        FaceSettings settings = this.settings.of(tenant);
        FaceSettings.Effective s = settings.effective(galleries.of(tenant), analysis.impostorTail());
        OptionalDouble own = templates.bestOf(tenant, member, embedding);
        for (FaceTemplates.Candidate c : templates.nearest(tenant, embedding, MatchPolicy.MAX_CANDIDATES)) {
            if (c.member().equals(member)) {
                continue;
            }
            if (c.score() >= s.matchThreshold()) {
                throw new Refusal(MembershipRule.FACE_BELONGS_TO_ANOTHER_MEMBER, "this face already matches another member of the chain");
            }
            if (own.isPresent() && c.score() >= own.getAsDouble()) {
                throw new Refusal(MembershipRule.FACE_REJECTED, "NOT_SAME_PERSON", String.format(
                        "this face is nearer another member (%.2f) than the member's own photos (%.2f)", c.score(), own.getAsDouble()));
            }
        }
        double same = samePerson(settings);
        if (own.isPresent() && own.getAsDouble() < same) {
            throw new Refusal(MembershipRule.FACE_REJECTED, "NOT_SAME_PERSON", String.format(
                    "this face does not verify against the member's photos (similarity %.2f, %.2f needed)", own.getAsDouble(), same));
        }
    }

    /** The score at which two templates are taken for one person: a gallery of one template's match threshold. */
    private double samePerson(TenantId tenant) {
        return samePerson(settings.of(tenant));
    }

    private double samePerson(FaceSettings s) {
        return s.effective(1, analysis.impostorTail()).matchThreshold();
    }

    public List<FaceTemplates.FaceRecord> list(Caller caller, MemberId member) {
        TenantId tenant = Members.PERMIT.tenantOf(caller);
        members.get(caller, member);
        return templates.of(tenant, member);
    }

    public void remove(Caller caller, MemberId member, Optional<UUID> face) {
        TenantId tenant = Members.PERMIT.tenantOf(caller);
        members.living(tenant, member);
        List<UUID> all = templates.of(tenant, member).stream().map(FaceTemplates.FaceRecord::faceId).toList();
        if (face.isPresent() && !all.contains(face.get())) {
            throw Refusal.notFound("face " + face.get());
        }
        List<UUID> ids = face.map(List::of).orElse(all);
        if (!ids.isEmpty()) {
            commands.sendAndWait(new MemberCommands.RemoveFaces(member, ids, "REQUESTED", caller.actor(), clock.instant()));
        }
    }

    @Override
    public Identification identify(Caller caller, byte[] image) {
        return identify(caller, List.of(image));
    }

    /** 1:N identification of one customer from 1 to {@link Bursts#MAX} frames, fused into one probe. */
    @Override
    public Identification identify(Caller caller, List<byte[]> frames) {
        TenantId tenant = IDENTIFY.tenantOf(caller);
        bursts.checkCount(frames.size());
        FaceSettings s = settings.of(tenant);
        FaceAnalysis.ScanRules rules = FaceAnalysis.ScanRules.probe(s.minFacePixels());
        // Liveness is scored when loyalty refuses spoofs, or when a payment by face may follow and needs it.
        boolean live = s.livenessForLoyalty() || s.livenessForPayments();
        FaceAnalysis.ScanRules used = live ? rules.withLiveness() : rules;
        List<FaceScan> scans = frames.stream().map(f -> analysis.scanFor(tenant, f, used)).toList();
        FaceScan scan = scans.size() == 1 ? scans.get(0) : bursts.fuse(scans, samePerson(s));
        Identification i = decide(tenant, caller, s, scan, live ? scan.checks().liveness() : null);
        if (i.decision() == Decision.MATCH && s.refreshFromTill()) {
            refresh.afterMatch(tenant, i.member().id(), scan.embedding(), scan.quality(), caller.actor());
        }
        return live ? i.withLiveness(scan.checks().liveness()) : i;
    }

    private Identification decide(TenantId tenant, Caller caller, FaceSettings s, FaceScan scan, Double liveness) {
        switch (scan.outcome()) {
            case NO_FACE, FACE_TOO_SMALL:
                return new Identification(Decision.NO_FACE, null, 0);
            case MULTIPLE_FACES:
                return new Identification(Decision.MULTIPLE_FACES, null, 0);
            case FACE:
                break;
            default:
                return new Identification(Decision.LOW_QUALITY, null, 0);
        }
        // A photo or a screen held up to the camera is refused before anyone is searched for.
        if (s.livenessForLoyalty() && !(scan.checks().liveness() >= s.minLiveness())) {
            return new Identification(Decision.SPOOF, null, 0);
        }
        FaceSettings.Effective e = s.effective(galleries.of(tenant), analysis.impostorTail());
        List<FaceTemplates.Candidate> best = templates.nearest(tenant, scan.embedding(), MatchPolicy.MAX_CANDIDATES);
        double top = best.isEmpty() ? Double.NaN : best.get(0).score();
        double runnerUp = best.size() > 1 ? best.get(1).score() : Double.NaN;
        switch (e.policy().decide(top, runnerUp, scan.quality() >= SURE_QUALITY)) {
            case NO_MATCH:
                return new Identification(Decision.NO_MATCH, null, best.isEmpty() ? 0 : top);
            case CONFIRM:
                if (presentAtTill(tenant, caller, best, e)) {
                    MemberView seen = directory.find(tenant, best.get(0).member()).orElse(null);
                    if (seen != null && !seen.erased()) {
                        return new Identification(Decision.MATCH, seen, top, null, SEEN_IN_STORE, null, null);
                    }
                }
                int offered = e.policy().candidates(best.stream().map(FaceTemplates.Candidate::score).toList());
                return stepUp.offer(tenant, best.subList(0, offered), top, liveness, s.refreshFromTill() ? scan.embedding() : null);
            default:
                break;
        }
        MemberView m = directory.find(tenant, best.get(0).member()).orElse(null);
        return m == null || m.erased() ? new Identification(Decision.NO_MATCH, null, top) : new Identification(Decision.MATCH, m, top);
    }

    /**
     * An unsure till match (the CONFIRM band) is taken without the phone's digits when the entrance camera of this
     * till's store saw that member, and only that member of the candidates clearly leads: presence in the store is the
     * second factor instead of the digits. A stranger would have to resemble a member who is in the same store within
     * {@link #PRESENCE} (a few of a gallery's thousands) rather than guess four digits (15 in 10,000).
     */
    private boolean presentAtTill(TenantId tenant, Caller caller, List<FaceTemplates.Candidate> best, FaceSettings.Effective e) {
        if (!(caller instanceof Caller.Terminal till) || best.isEmpty()) {
            return false;
        }
        if (best.size() > 1 && best.get(0).score() - best.get(1).score() < e.ambiguityMargin()) {
            return false;
        }
        return presence.seenSince(tenant, till.storeId(), best.get(0).member(), clock.instant().minus(PRESENCE));
    }

    /** The customer's phone digits against a CONFIRM's token. */
    @Override
    public Identification confirm(Caller caller, String candidateToken, String phoneLast4) {
        TenantId tenant = IDENTIFY.tenantOf(caller);
        return stepUp.confirm(tenant, candidateToken, phoneLast4, (member, probe) -> {
            if (probe != null && settings.of(tenant).refreshFromTill()) {
                // The probe's own quality is not kept with the token: what is known is that it was good enough to search.
                refresh.afterMatch(tenant, member, probe, SURE_QUALITY, caller.actor());
            }
        });
    }

    /** The till's fallback: a card or a phone instead of a face. */
    @Override
    public Identification identifyBy(Caller caller, String field, String value) {
        TenantId tenant = IDENTIFY.tenantOf(caller);
        String normalised = field.equals("phone") ? MemberRules.phone(value) : MemberRules.card(value);
        return directory.findBy(tenant, field, normalised).filter(m -> !m.erased())
                .map(m -> new Identification(Decision.MATCH, m, 1.0))
                .orElse(new Identification(Decision.NO_MATCH, null, 0));
    }

    public Identification verify(Caller caller, MemberId member, byte[] image) {
        TenantId tenant = IDENTIFY.tenantOf(caller);
        MemberView m = members.living(tenant, member);
        FaceSettings settings = this.settings.of(tenant);
        FaceScan scan = oneFace(tenant, image, FaceAnalysis.ScanRules.probe(settings.minFacePixels()));
        double score = templates.bestOf(tenant, member, scan.embedding()).orElse(0);
        // One claimed member: a gallery of one template's threshold.
        return new Identification(score >= samePerson(settings) ? Decision.MATCH : Decision.NO_MATCH, m, score);
    }

    public record SettingsView(FaceSettings settings, FaceSettings.Effective effective) {}

    public SettingsView settings(Caller caller) {
        TenantId tenant = ADMIN.tenantOf(caller);
        FaceSettings s = settings.of(tenant);
        return new SettingsView(s, s.effective(galleries.of(tenant), analysis.impostorTail()));
    }

    public SettingsView changeSettings(Caller caller, FaceSettings next) {
        TenantId tenant = ADMIN.tenantOf(caller);
        settings.put(tenant, next);
        return settings(caller);
    }

    /**
     * What a payment by our own face match needs of the checkout's identification: the given score,
     * else the tenant's payment threshold; liveness at the tenant's minimum when payments require it.
     */
    @Override
    public FaceProof.Needed paymentNeeds(TenantId tenant, Double threshold) {
        FaceSettings s = settings.of(tenant);
        double score = threshold != null ? threshold : s.effective(galleries.of(tenant), analysis.impostorTail()).paymentThreshold();
        return new FaceProof.Needed(score, s.livenessForPayments() ? s.minLiveness() : null);
    }

    /** Enrolment and verification need exactly one usable face; anything else is the caller's to fix. */
    private FaceScan oneFace(TenantId tenant, byte[] image, FaceAnalysis.ScanRules rules) {
        return requireOneFace(analysis.scanFor(tenant, image, rules));
    }

    private FaceScan requireOneFace(FaceScan scan) {
        if (scan.outcome() != Outcome.FACE) {
            throw new Refusal(MembershipRule.FACE_REJECTED, scan.outcome().name(), describe(scan));
        }
        return scan;
    }

    private static String describe(FaceScan scan) {
        return switch (scan.outcome()) {
            case NO_FACE -> "no face was found in the image";
            case MULTIPLE_FACES -> scan.facesFound() + " faces were found; the photo must show one person";
            case FACE_TOO_SMALL -> "the face is " + scan.faceWidth() + " pixels wide, too small for a reliable template";
            case LOW_QUALITY -> String.format("the face is too blurred or occluded (quality %.2f)", scan.quality());
            case POSE -> String.format("the head is turned %.0f degrees away; look straight into the camera", scan.checks().turn());
            case EYES_CLOSED -> "the eyes are closed or covered; open them and take off sunglasses";
            case BLUR -> String.format("the photo is blurred (sharpness %.0f); hold the camera still and focus on the face", scan.checks().sharpness());
            case FACE -> "a face was found";
        };
    }
}
