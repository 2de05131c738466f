package io.facecard.adapters.outbound.membership;

import io.facecard.adapters.outbound.axon.Projection;
import io.facecard.adapters.outbound.persistence.Constraints;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.biometrics.port.FaceTemplates;
import io.facecard.application.membership.Sealing;
import io.facecard.application.membership.port.MemberKeys;
import io.facecard.domain.membership.MemberEvents.ConsentRecordedEvent;
import io.facecard.domain.membership.MemberEvents.FacesRemovedEvent;
import io.facecard.domain.membership.MemberEvents.MemberErasedEvent;
import io.facecard.domain.membership.MemberEvents.MemberProfileChangedEvent;
import io.facecard.domain.membership.MemberEvents.MemberRegisteredEvent;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.membership.MembershipRule;
import io.facecard.domain.membership.SealedPersonalData;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Keeps the member read model and removes face templates, inside the command's transaction:
 * a withdrawn consent or an erasure has deleted the templates before the response returns.
 * Personal data is opened with the member's key; once the key is destroyed a replay shows the
 * member as erased.
 */
@Dependent
@ProcessingGroup(MemberDirectoryProjection.PROCESSOR)
@TenantBound
public class MemberDirectoryProjection implements Projection {
    public static final String PROCESSOR = "member-directory";

    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    MemberKeys keys;
    @Inject
    FaceTemplates templates;

    @EventHandler
    void on(MemberRegisteredEvent e) {
        MemberViewRow row = em.find(MemberViewRow.class, e.memberId().value());
        boolean fresh = row == null;
        if (fresh) {
            row = new MemberViewRow(e.memberId().value(), e.tenantId().value(), e.at());
        }
        show(row, e.tenantId(), e.memberId(), e.data(), e.at());
        if (fresh) {
            em.persist(row);
        }
        Constraints.flushUnique(em, MembershipRule.DUPLICATE_IDENTIFIER, "another member has this phone, e-mail or card number");
    }

    @EventHandler
    void on(MemberProfileChangedEvent e) {
        show(em.find(MemberViewRow.class, e.memberId().value()), e.tenantId(), e.memberId(), e.data(), e.at());
        Constraints.flushUnique(em, MembershipRule.DUPLICATE_IDENTIFIER, "another member has this phone, e-mail or card number");
    }

    @EventHandler
    void on(ConsentRecordedEvent e, @SequenceNumber long seq) {
        em.createNativeQuery("insert into member_consent (member_id, sequence, tenant_id, purpose, granted, policy_version, source, actor, at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (member_id, sequence) do nothing")
                .setParameter(1, e.memberId().value()).setParameter(2, seq).setParameter(3, e.tenantId().value())
                .setParameter(4, e.purpose().name()).setParameter(5, e.granted()).setParameter(6, e.policyVersion())
                .setParameter(7, e.source().name()).setParameter(8, e.actor()).setParameter(9, e.at())
                .executeUpdate();
    }

    @EventHandler
    void on(FacesRemovedEvent e) {
        templates.remove(e.tenantId(), e.faceIds());
    }

    @EventHandler
    void on(MemberErasedEvent e) {
        MemberViewRow row = em.find(MemberViewRow.class, e.memberId().value());
        row.forget();
        row.updatedAt = e.at();
        em.createQuery("delete from ConsentRow c where c.memberId = :m").setParameter("m", e.memberId().value()).executeUpdate();
    }

    private void show(MemberViewRow row, TenantId tenant, MemberId member, SealedPersonalData data, Instant at) {
        var opened = Sealing.open(data, keys.find(tenant, member));
        if (opened.isPresent()) {
            row.show(opened.get());
        } else {
            row.forget();
        }
        row.updatedAt = at;
    }

}
