package io.facecard.domain.membership;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.facecard.domain.membership.MemberCommands.ChangeProfile;
import io.facecard.domain.membership.MemberCommands.EnrolFace;
import io.facecard.domain.membership.MemberCommands.EraseMember;
import io.facecard.domain.membership.MemberCommands.RecordConsent;
import io.facecard.domain.membership.MemberCommands.RegisterMember;
import io.facecard.domain.membership.MemberCommands.RemoveFaces;
import io.facecard.domain.membership.MemberEvents.ConsentRecordedEvent;
import io.facecard.domain.membership.MemberEvents.FaceEnrolledEvent;
import io.facecard.domain.membership.MemberEvents.FacesRemovedEvent;
import io.facecard.domain.membership.MemberEvents.MemberErasedEvent;
import io.facecard.domain.membership.MemberEvents.MemberProfileChangedEvent;
import io.facecard.domain.membership.MemberEvents.MemberRegisteredEvent;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A loyalty member of one chain. Face templates exist only while biometric consent is granted:
 * withdrawing it removes every face in the same decision, and enrolment without it is refused.
 */
public class Member {
    public static final int MAX_FACES = 5;

    @AggregateIdentifier
    private MemberId id;
    private TenantId tenantId;
    private final Map<ConsentPurpose, Boolean> consents = new EnumMap<>(ConsentPurpose.class);
    private final List<UUID> faces = new ArrayList<>();
    private boolean erased;

    protected Member() {}

    @CommandHandler
    public Member(RegisterMember cmd) {
        apply(new MemberRegisteredEvent(cmd.tenantId(), cmd.memberId(), cmd.data(), cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(ChangeProfile cmd) {
        requireNotErased();
        apply(new MemberProfileChangedEvent(tenantId, id, cmd.data(), cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(RecordConsent cmd) {
        requireNotErased();
        apply(new ConsentRecordedEvent(tenantId, id, cmd.purpose(), cmd.granted(), cmd.policyVersion(), cmd.source(),
                cmd.actor(), cmd.at()));
        if (cmd.purpose() == ConsentPurpose.BIOMETRIC_IDENTIFICATION && !cmd.granted() && !faces.isEmpty()) {
            apply(new FacesRemovedEvent(tenantId, id, List.copyOf(faces), "CONSENT_WITHDRAWN", cmd.actor(), cmd.at()));
        }
    }

    @CommandHandler
    public void handle(EnrolFace cmd) {
        requireNotErased();
        if (!consents.getOrDefault(ConsentPurpose.BIOMETRIC_IDENTIFICATION, false)) {
            throw new Refusal(MembershipRule.CONSENT_REQUIRED, "the member has not granted BIOMETRIC_IDENTIFICATION consent");
        }
        if (faces.size() >= MAX_FACES) {
            throw new Refusal(MembershipRule.TOO_MANY_FACES, "a member has at most " + MAX_FACES + " face templates");
        }
        apply(new FaceEnrolledEvent(tenantId, id, cmd.faceId(), cmd.actor(), cmd.at()));
    }

    @CommandHandler
    public void handle(RemoveFaces cmd) {
        requireNotErased();
        List<UUID> present = cmd.faceIds().stream().filter(faces::contains).toList();
        if (!present.isEmpty()) {
            apply(new FacesRemovedEvent(tenantId, id, present, cmd.reason(), cmd.actor(), cmd.at()));
        }
    }

    @CommandHandler
    public void handle(EraseMember cmd) {
        if (erased) {
            return;
        }
        if (!faces.isEmpty()) {
            apply(new FacesRemovedEvent(tenantId, id, List.copyOf(faces), "ERASURE", cmd.actor(), cmd.at()));
        }
        apply(new MemberErasedEvent(tenantId, id, cmd.actor(), cmd.at()));
    }

    private void requireNotErased() {
        if (erased) {
            throw new Refusal(MembershipRule.MEMBER_ERASED, "the member has been erased");
        }
    }

    @EventSourcingHandler
    void on(MemberRegisteredEvent e) {
        id = e.memberId();
        tenantId = e.tenantId();
    }

    @EventSourcingHandler
    void on(ConsentRecordedEvent e) {
        consents.put(e.purpose(), e.granted());
    }

    @EventSourcingHandler
    void on(FaceEnrolledEvent e) {
        faces.add(e.faceId());
    }

    @EventSourcingHandler
    void on(FacesRemovedEvent e) {
        faces.removeAll(e.faceIds());
    }

    @EventSourcingHandler
    void on(MemberErasedEvent e) {
        erased = true;
    }
}
