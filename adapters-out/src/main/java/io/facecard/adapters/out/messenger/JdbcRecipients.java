package io.facecard.adapters.out.messenger;

import io.facecard.adapters.out.persistence.Jdbc;
import io.facecard.application.loyalty.port.Programs;
import io.facecard.application.membership.port.MemberDirectory;
import io.facecard.application.messaging.port.ChannelBindings;
import io.facecard.domain.membership.ConsentPurpose;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.messaging.Channel;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.Recipients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What delivery knows of a member, through the membership and messenger contexts' ports: consents, active bindings, zone. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JdbcRecipients implements Recipients {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    MemberDirectory directory;
    @Inject
    ChannelBindings bindings;
    @Inject
    Programs programs;
    @Inject
    io.facecard.adapters.out.persistence.TenantBinding binding;

    @Override
    public Recipient of(TenantId tenant, MemberId member) {
        boolean notices = false;
        boolean marketing = false;
        for (MemberDirectory.ConsentEntry e : directory.consents(tenant, member)) {
            if (e.purpose() == ConsentPurpose.MESSENGER_NOTICES) {
                notices = e.granted();
            } else if (e.purpose() == ConsentPurpose.MARKETING_PUSH) {
                marketing = e.granted();
            }
        }
        List<Recipient.Bound> channels = bindings.of(tenant, member).stream().filter(ChannelBindings.Binding::active)
                .map(b -> new Recipient.Bound(b.channel().name(), b.externalId())).toList();
        binding.bind(em, tenant);
        List<Instant> recent = Jdbc.query(em, "select sent_at from outbox_message where tenant_id = ? and member_id = ? and kind = 'MARKETING' "
                + "and status = 'SENT' and sent_at > ?", r -> Jdbc.instant(r, 1), tenant.value(), member.value(),
                Instant.now().minus(Duration.ofDays(30)));
        return new Recipient(notices, marketing, channels, programs.terms(tenant).zone(), recent, "en");
    }

    @Override
    public void blocked(TenantId tenant, MemberId member, String channel) {
        // Kept, inactive: the member may unblock; a new binding makes it active again.
        binding.bind(em, tenant);
        Jdbc.update(em, "update channel_binding set active = false where tenant_id = ? and member_id = ? and channel = ?", tenant.value(),
                member.value(), Channel.valueOf(channel).name());
    }
}
