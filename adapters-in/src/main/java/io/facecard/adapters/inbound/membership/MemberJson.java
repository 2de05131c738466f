package io.facecard.adapters.inbound.membership;

import io.facecard.adapters.inbound.instore.InStoreJson;
import io.facecard.adapters.inbound.messaging.ChannelResource;
import io.facecard.application.biometrics.port.FaceSettings;
import io.facecard.application.biometrics.port.FaceTemplates;
import io.facecard.application.membership.Faces;
import io.facecard.application.membership.port.Identification;
import io.facecard.application.membership.port.MemberDirectory;
import io.facecard.application.membership.port.MemberView;
import io.facecard.application.membership.port.PersonalData;
import io.facecard.domain.membership.ConsentPurpose;
import io.facecard.domain.membership.ConsentSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** JSON shapes of members, consents and faces. Never a vector, never an image. */
public final class MemberJson {
    private MemberJson() {}

    public record MemberDraft(String name, String phone, String email, String cardNumber, LocalDate birthDate, String gender, String locale,
            String externalId, String timezone, UUID homeStoreId) {
        public PersonalData data() {
            return new PersonalData(name, phone, email, cardNumber, birthDate, gender, locale, externalId, timezone,
                    homeStoreId == null ? null : homeStoreId.toString());
        }
    }

    public record MemberBody(UUID id, String name, String phone, String email, String cardNumber, LocalDate birthDate,
            String gender, String locale, String externalId, String timezone, UUID homeStoreId, String tier, boolean erased, Instant createdAt, Instant updatedAt) {
        public static MemberBody of(MemberView v) {
            PersonalData d = v.data() == null ? new PersonalData(null, null, null, null, null, null, null) : v.data();
            return new MemberBody(v.id().value(), d.name(), d.phone(), d.email(), d.cardNumber(), d.birthDate(), d.gender(),
                    d.locale(), d.externalId(), d.timezone(),
                    d.homeStoreId() == null ? null : UUID.fromString(d.homeStoreId()), v.tier(), v.erased(), v.createdAt(), v.updatedAt());
        }
    }

    public record ConsentDraft(ConsentPurpose purpose, Boolean granted, String policyVersion, ConsentSource source) {}

    public record ConsentBody(String purpose, boolean granted, String policyVersion, String source, String actor, Instant at) {
        public static ConsentBody of(MemberDirectory.ConsentEntry e) {
            return new ConsentBody(e.purpose().name(), e.granted(), e.policyVersion(), e.source().name(), e.actor(), e.at());
        }
    }

    public record Consents(Map<String, ConsentBody> current, List<ConsentBody> history) {
        public static Consents of(List<MemberDirectory.ConsentEntry> entries) {
            Map<String, ConsentBody> current = new LinkedHashMap<>();
            for (ConsentPurpose p : ConsentPurpose.values()) {
                current.put(p.name(), null);
            }
            List<ConsentBody> history = entries.stream().map(ConsentBody::of).toList();
            history.forEach(c -> current.put(c.purpose(), c));
            return new Consents(current, history);
        }
    }

    /** {@code source}: ENROLMENT, or TILL for a template refreshed from a confident till match. */
    public record FaceBody(UUID faceId, double quality, Instant createdAt, String source) {
        public static FaceBody of(FaceTemplates.FaceRecord f) {
            return new FaceBody(f.faceId(), f.quality(), f.createdAt(), f.source().name());
        }
    }

    /** {@code anotherPhotoHelps}: the member has fewer templates than identification of real till photos needs. */
    public record Enrolled(UUID faceId, double quality, int templates, boolean anotherPhotoHelps) {
        public static Enrolled of(Faces.Enrolled e) {
            return new Enrolled(e.faceId(), Math.round(e.quality() * 1000) / 1000.0, e.templates(), e.anotherPhotoHelps());
        }
    }

    public record MemberRef(UUID id, String name, String tier) {}

    /** {@code member} is null unless MATCH; a CONFIRM carries only its token (no personal data before the digits). */
    public record Identified(String decision, MemberRef member, double score, String candidateToken, String hint,
            Integer triesLeft, Double liveness, long tookMs) {
        public static Identified of(Identification i, long tookMs) {
            return new Identified(i.decision().name(), ref(i.member()), Math.round(i.score() * 10000) / 10000.0, i.candidateToken(),
                    i.hint(), i.triesLeft(), i.liveness(), tookMs);
        }
    }

    public static MemberRef ref(MemberView m) {
        return m == null ? null : new MemberRef(m.id().value(), m.data() == null ? null : m.data().name(), m.tier());
    }

    public record Verified(boolean verified, double score) {}

    /** Exactly one of: up to five base64 frames of the customer, a card, a phone, or a CONFIRM's token with the last four phone digits. */
    public record IdentifierProbe(List<String> frames, String cardNumber, String phone, String candidateToken, String phoneLast4) {}

    /** The app's enrolment burst as JSON: up to five base64 photos of the member. */
    public record PhotoBurst(List<String> photos) {}

    public record RefusedPhoto(int index, String reason, String detail) {}

    public record EnrolledBurst(List<Enrolled> enrolled, List<RefusedPhoto> refused, int templates, boolean anotherPhotoHelps) {
        public static EnrolledBurst of(Faces.EnrolledBurst b) {
            return new EnrolledBurst(b.enrolled().stream().map(Enrolled::of).toList(),
                    b.refused().stream().map(r -> new RefusedPhoto(r.index(), r.reason(), r.detail())).toList(),
                    b.templates(), b.anotherPhotoHelps());
        }
    }

    /** Everything held of the member (GDPR art. 15 and 20): profile, consents, faces (never a vector), messenger bindings. */
    /** @param visits the member's store visits, newest first; @param searches the searches by photo that found them */
    public record Export(MemberBody member, Consents consents, List<FaceBody> faces, List<ChannelResource.BindingBody> channels,
            List<InStoreJson.VisitBody> visits, List<InStoreJson.AuditBody> searches) {}

    public record Settings(Double matchThreshold, Double confidentThreshold, Double ambiguityMargin, Integer minFacePixels,
            Double falseAcceptsPer10k, Boolean livenessForLoyalty, Boolean livenessForPayments, Double minLiveness,
            Boolean refreshFromTill) {}

    /**
     * The settings as set, and {@code effective}: the thresholds the till uses for the gallery's
     * current size, with the false accepts per 10,000 identifications they are expected to let
     * through (extrapolated from the model's fitted impostor tail).
     */
    public record SettingsBody(double matchThreshold, Double confidentThreshold, double ambiguityMargin, int minFacePixels,
            double falseAcceptsPer10k, boolean livenessForLoyalty, boolean livenessForPayments, double minLiveness,
            boolean refreshFromTill, EffectiveBody effective) {
        public static SettingsBody of(Faces.SettingsView v) {
            var s = v.settings();
            var e = v.effective();
            return new SettingsBody(s.matchThreshold(), s.confidentThreshold(), s.ambiguityMargin(), s.minFacePixels(),
                    s.falseAcceptsPer10k(), s.livenessForLoyalty(), s.livenessForPayments(), s.minLiveness(), s.refreshFromTill(),
                    new EffectiveBody(round(e.matchThreshold()), round(e.confidentThreshold()), round(e.stepUpThreshold()),
                            round(e.paymentThreshold()), e.templates(), e.falseAcceptsPer10k(), e.falseMatchesPer10k(),
                            e.stepUpsPer10k(), e.stepUpFalseAcceptsPer10k(), e.paymentFalseAcceptsPer10k(),
                            FaceSettings.DIGIT_GUESS_CHANCE, "EXTRAPOLATED"));
        }
    }

    /**
     * The bands the till uses now: MATCH from {@code confidentThreshold} (the match threshold unless the admin
     * asked for more), CONFIRM (phone digits) from {@code stepUpThreshold}, face-pay by our own match from
     * {@code paymentThreshold}; each with the strangers it is expected to let through per 10,000 identifications.
     */
    public record EffectiveBody(double matchThreshold, double confidentThreshold, double stepUpThreshold, double paymentThreshold,
            long templates, double expectedFalseAcceptsPer10k, double expectedFalseMatchesPer10k, double expectedStepUpsPer10k,
            double expectedStepUpFalseAcceptsPer10k, double expectedPaymentFalseAcceptsPer10k, double digitGuessChance,
            String rateBasis) {}

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
