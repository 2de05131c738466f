package io.facecard.adapters.outbound.messaging;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBinding;
import io.facecard.application.loyalty.port.Programs;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.messaging.Channel;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.Recipients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What delivery knows of a member, through the membership and messenger contexts' ports: consents, active bindings, zone. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JdbcRecipients implements Recipients {
    /** WeChat counts a follower's four mass sends a month in China's time. */
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    Programs programs;
    @Inject
    TenantBinding binding;

    @Override
    public Map<MemberId, Recipient> of(TenantId tenant, Collection<MemberId> members) {
        Map<MemberId, Recipient> out = new HashMap<>();
        if (members.isEmpty()) {
            return out;
        }
        binding.bind(em, tenant);
        List<MemberId> list = List.copyOf(members);
        String in = String.join(", ", Collections.nCopies(list.size(), "?"));
        Object[] ids = new Object[list.size() + 1];
        ids[0] = tenant.value();
        for (int i = 0; i < list.size(); i++) {
            ids[i + 1] = list.get(i).value();
        }
        Map<UUID, boolean[]> consent = new HashMap<>();
        // The latest entry per member and purpose decides (a withdrawal after a grant wins).
        for (Object[] r : Jdbc.query(em, "select distinct on (member_id, purpose) member_id, purpose, granted from member_consent "
                + "where tenant_id = ? and member_id in (" + in + ") and purpose in ('MESSENGER_NOTICES', 'MARKETING_PUSH') "
                + "order by member_id, purpose, sequence desc", r -> new Object[] {Jdbc.uuid(r, 1), r.getString(2), r.getBoolean(3)}, ids)) {
            boolean[] c = consent.computeIfAbsent((UUID) r[0], k -> new boolean[2]);
            c["MESSENGER_NOTICES".equals(r[1]) ? 0 : 1] = (Boolean) r[2];
        }
        Map<UUID, List<Recipient.Bound>> channels = new HashMap<>();
        for (Object[] r : Jdbc.query(em, "select member_id, channel, external_id, last_inbound_at from channel_binding where tenant_id = ? "
                + "and member_id in (" + in + ") and active order by preferred desc, bound_at desc", r -> new Object[] {Jdbc.uuid(r, 1),
                        r.getString(2), r.getString(3), Jdbc.instant(r, 4)}, ids)) {
            channels.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new Recipient.Bound((String) r[1], (String) r[2],
                    (Instant) r[3]));
        }
        Object[] recentParams = Arrays.copyOf(ids, ids.length + 1);
        Instant now = Instant.now();
        Instant monthStart = YearMonth.from(now.atZone(BEIJING)).atDay(1).atStartOfDay(BEIJING).toInstant();
        recentParams[ids.length] = Collections.min(List.of(now.minus(Duration.ofDays(30)), monthStart));
        Map<UUID, List<Instant>> recent = new HashMap<>();
        Map<UUID, Integer> massed = new HashMap<>();
        for (Object[] r : Jdbc.query(em, "select member_id, sent_at, mass_job is not null from outbox_message where tenant_id = ? and "
                + "member_id in (" + in + ") and kind = 'MARKETING' and status = 'SENT' and sent_at > ?", r -> new Object[] {Jdbc.uuid(r, 1),
                        Jdbc.instant(r, 2), r.getBoolean(3)}, recentParams)) {
            recent.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((Instant) r[1]);
            if ((Boolean) r[2] && !((Instant) r[1]).isBefore(monthStart)) {
                massed.merge((UUID) r[0], 1, Integer::sum);
            }
        }
        var tenantZone = programs.terms(tenant).zone();
        // Quiet hours count in the member's own zone, else their home store's, else the tenant's.
        Map<UUID, String[]> profile = new HashMap<>();
        for (Object[] r : Jdbc.query(em, "select m.id, m.locale, coalesce(m.timezone, s.timezone) from member_view m left join store s "
                + "on s.id = m.home_store_id and s.tenant_id = m.tenant_id where m.tenant_id = ? and m.id in (" + in + ")",
                r -> new Object[] {Jdbc.uuid(r, 1), r.getString(2), r.getString(3)}, ids)) {
            profile.put((UUID) r[0], new String[] {(String) r[1], (String) r[2]});
        }
        for (MemberId m : list) {
            boolean[] c = consent.getOrDefault(m.value(), new boolean[2]);
            String[] p = profile.getOrDefault(m.value(), new String[2]);
            out.put(m, new Recipient(c[0], c[1], channels.getOrDefault(m.value(), List.of()), zone(p[1], tenantZone),
                    recent.getOrDefault(m.value(), List.of()), p[0], massed.getOrDefault(m.value(), 0)));
        }
        return out;
    }

    private static ZoneId zone(String id, ZoneId otherwise) {
        try {
            return id == null ? otherwise : ZoneId.of(id);
        } catch (DateTimeException e) {
            return otherwise;
        }
    }

    @Override
    public void blocked(TenantId tenant, MemberId member, String channel) {
        // Kept, inactive: the member may unblock; a new binding makes it active again.
        binding.bind(em, tenant);
        Jdbc.update(em, "update channel_binding set active = false where tenant_id = ? and member_id = ? and channel = ?", tenant.value(),
                member.value(), Channel.valueOf(channel).name());
    }
}
