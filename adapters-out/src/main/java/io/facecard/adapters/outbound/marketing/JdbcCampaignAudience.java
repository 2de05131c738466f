package io.facecard.adapters.outbound.marketing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.loyalty.port.Programs;
import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.domain.marketing.CampaignId;
import io.facecard.domain.marketing.CampaignSpec;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.CampaignAudience;
import io.facecard.marketing.port.Condition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/** A campaign's recipients in {@code campaign_recipient}: frozen in one INSERT … SELECT, queued in locked batches, tallied in SQL. */
@ApplicationScoped
@Transactional
@TenantBound
public class JdbcCampaignAudience implements CampaignAudience {
    private static final ObjectMapper SKUS = new ObjectMapper();

    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    Programs programs;

    @Override
    public long[] freeze(TenantId tenant, CampaignId campaign, Condition condition, Function<String, Condition> segments, Instant now,
            int holdoutBasisPoints) {
        SqlAudiences.evaluating(em, 300);
        SegmentSql sql = new SegmentSql(tenant.value(), now, programs.terms(tenant).zone(), segments,
                programs.find(tenant).map(LoyaltyProgram::tiers).orElse(List.of()));
        String hits = sql.select(condition);
        List<Object> params = new ArrayList<>(List.of(campaign.value(), campaign.value().toString(), holdoutBasisPoints, tenant.value()));
        params.addAll(sql.params);
        // The group is a hash of campaign and member: the same member lands in the same group however often this runs.
        Jdbc.update(em, "insert into campaign_recipient (campaign_id, member_id, tenant_id, grp) select ?, h.id, h.tenant_id, "
                + "case when ('x' || substr(md5(? || h.id::text), 1, 8))::bit(32)::bigint % 10000 < ? then 'HOLDOUT' else 'TREATED' end "
                + "from (" + hits + ") h on conflict do nothing", params.toArray());
        long[] counts = new long[2];
        for (Object[] r : Jdbc.query(em, "select grp, count(*) from campaign_recipient where campaign_id = ? group by grp",
                r -> new Object[] {r.getString(1), r.getLong(2)}, campaign.value())) {
            counts["TREATED".equals(r[0]) ? 0 : 1] = (Long) r[1];
        }
        return counts;
    }

    @Override
    public List<Pending> pending(TenantId tenant, CampaignId campaign, int limit) {
        return Jdbc.query(em, "select r.member_id, m.name, m.locale from campaign_recipient r join member_view m on m.id = r.member_id "
                + "where r.campaign_id = ? and r.grp = 'TREATED' and r.queued_at is null order by r.member_id limit ? "
                + "for update of r skip locked", x -> new Pending(new MemberId(Jdbc.uuid(x, 1)), x.getString(2), x.getString(3)),
                campaign.value(), limit);
    }

    @Override
    public long unqueued(TenantId tenant, CampaignId campaign) {
        return Jdbc.query(em, "select count(*) from campaign_recipient where campaign_id = ? and grp = 'TREATED' and queued_at is null",
                r -> r.getLong(1), campaign.value()).get(0);
    }

    @Override
    public boolean queued(TenantId tenant, CampaignId campaign, List<Queued> queued, Instant at) {
        List<String> codes = queued.stream().map(Queued::couponCode).filter(c -> c != null).toList();
        if (!codes.isEmpty()) {
            // Unique codes: none twice in the batch, none another recipient of the tenant holds already.
            String in = String.join(", ", Collections.nCopies(codes.size(), "?"));
            List<Object> p = new ArrayList<>(List.of(tenant.value()));
            p.addAll(codes);
            if (new HashSet<>(codes).size() < codes.size() || !Jdbc.query(em, "select 1 from campaign_recipient where "
                    + "tenant_id = ? and coupon_code in (" + in + ") limit 1", r -> 1, p.toArray()).isEmpty()) {
                return false;
            }
        }
        for (int from = 0; from < queued.size(); from += 500) {
            List<Queued> part = queued.subList(from, Math.min(queued.size(), from + 500));
            List<Object> p = new ArrayList<>();
            p.add(at);
            for (Queued q : part) {
                p.add(q.member().value());
                p.add(Jdbc.text(q.couponCode()));
                p.add(q.outboxKey());
            }
            p.add(campaign.value());
            Jdbc.update(em, "update campaign_recipient r set coupon_code = v.code, outbox_key = v.outbox_key, queued_at = ? from (values "
                    + String.join(", ", Collections.nCopies(part.size(), "(?::uuid, ?::text, ?::text)"))
                    + ") v(member_id, code, outbox_key) where r.campaign_id = ? and r.member_id = v.member_id", p.toArray());
        }
        return true;
    }

    @Override
    public void offer(TenantId tenant, CampaignId campaign, CampaignSpec spec, List<Offered> offered) {
        var o = spec.offer();
        if (spec.limits().total() != null) {
            Jdbc.update(em, "insert into campaign_offer_budget (campaign_id, tenant_id, total) values (?, ?, ?) on conflict do nothing",
                    campaign.value(), tenant.value(), spec.limits().total());
        }
        String skus;
        try {
            skus = SKUS.writeValueAsString(o.skus());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (int from = 0; from < offered.size(); from += 500) {
            List<Offered> part = offered.subList(from, Math.min(offered.size(), from + 500));
            List<Object> p = new ArrayList<>();
            for (Offered x : part) {
                p.addAll(List.of(UUID.randomUUID(), tenant.value(), campaign.value(), x.member().value(), Jdbc.text(x.couponCode()),
                        o.kind(), o.title(), o.value(), Jdbc.text(o.category()), skus, spec.validUntil(), spec.limits().perMember(),
                        o.givenBackOnReturn()));
            }
            Jdbc.update(em, "insert into member_offer (offer_id, tenant_id, campaign_id, member_id, coupon_code, kind, title, value, "
                    + "category, skus, valid_until, per_member, given_back_on_return) values " + String.join(", ",
                            Collections.nCopies(part.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
                    + " on conflict (campaign_id, member_id) do nothing", p.toArray());
        }
    }

    @Override
    public Redemptions redemptions(TenantId tenant, CampaignId campaign) {
        BigDecimal pointValue = programs.find(tenant).orElse(LoyaltyProgram.DEFAULT).pointValue();
        return Jdbc.query(em, "select count(*) filter (where given_back_at is null), count(*) filter (where given_back_at is not null), "
                + "coalesce(sum(discount) filter (where given_back_at is null), 0), coalesce(sum(points) filter (where given_back_at is null), 0) "
                + "from offer_redemption where campaign_id = ?", r -> new Redemptions(r.getLong(1), r.getLong(2), r.getBigDecimal(3)
                        .setScale(2, RoundingMode.HALF_UP), r.getLong(4), r.getBigDecimal(3).add(pointValue.multiply(
                                BigDecimal.valueOf(r.getLong(4)))).setScale(2, RoundingMode.HALF_UP)), campaign.value()).get(0);
    }

    @Override
    public Tally tally(TenantId tenant, CampaignId campaign, Instant start, Instant attributionEnd) {
        UUID id = campaign.value();
        Map<String, Long> messages = new HashMap<>();
        Map<String, Held> held = new TreeMap<>();
        for (Object[] r : Jdbc.query(em, "select o.status, o.reason, count(*), count(o.mass_job), min(o.next_at) from campaign_recipient r "
                + "join outbox_message o on o.tenant_id = r.tenant_id and o.key = r.outbox_key where r.campaign_id = ? group by 1, 2",
                r -> new Object[] {r.getString(1), r.getString(2), r.getLong(3), r.getLong(4), Jdbc.instant(r, 5)}, id)) {
            String status = (String) r[0];
            if (status.equals("QUEUED")) {
                // not yet tried: "due"; a retry after a messenger's answer or a rule's hold: its reason
                held.put(r[1] == null ? "due" : (String) r[1], new Held((Long) r[2], (Instant) r[4]));
            }
            String key = status.equals("BLOCKED") || status.equals("FAILED") ? status + ":" + r[1] : status;
            messages.merge(key, (Long) r[2], Long::sum);
            if (status.equals("SENT")) {
                messages.merge("SENT:MASS", (Long) r[3], Long::sum);
            }
        }
        Map<String, Group> groups = new HashMap<>();
        // A purchase on which a campaign's offer was redeemed is that campaign's; any other goes by last touch, to the latest
        // campaign started before it that had the member in its audience.
        for (Object[] r : Jdbc.query(em, "with r as (select member_id, grp from campaign_recipient where campaign_id = ?), "
                + "p as (select p.member_id, round(p.total - coalesce((select sum(d.discount) from offer_redemption d where d.tenant_id = p.tenant_id "
                + "and d.receipt_id = p.receipt_id and d.given_back_at is null), 0), 2) total from mkt_purchase p join r on r.member_id = p.member_id "
                + "where p.tenant_id = ? and p.at > ? and p.at <= ? "
                + "and (exists (select 1 from offer_redemption d where d.tenant_id = p.tenant_id and d.receipt_id = p.receipt_id "
                + "and d.given_back_at is null and d.campaign_id = ?) "
                + "or not exists (select 1 from offer_redemption d where d.tenant_id = p.tenant_id and d.receipt_id = p.receipt_id "
                + "and d.given_back_at is null) "
                + "and not exists (select 1 from campaign_recipient r2 join campaign_view c2 on c2.id = r2.campaign_id "
                + "where r2.tenant_id = p.tenant_id and r2.member_id = p.member_id and c2.id <> ? and c2.started_at > ? and c2.started_at < p.at))), "
                + "per as (select r.grp, r.member_id, coalesce(sum(p.total), 0) revenue, count(p.member_id) purchases from r "
                + "left join p on p.member_id = r.member_id group by r.grp, r.member_id) "
                + "select grp, count(*), count(*) filter (where purchases > 0), coalesce(sum(revenue), 0), "
                + "coalesce(sum(revenue * revenue), 0) from per group by grp",
                x -> new Object[] {x.getString(1), x.getLong(2), x.getLong(3), x.getBigDecimal(4), x.getDouble(5)},
                id, tenant.value(), start, attributionEnd, id, id, start)) {
            groups.put((String) r[0], new Group((Long) r[1], (Long) r[2], (BigDecimal) r[3], (Double) r[4]));
        }
        Group none = new Group(0, 0, BigDecimal.ZERO, 0);
        Group treated = groups.getOrDefault("TREATED", none);
        Group control = groups.getOrDefault("HOLDOUT", none);
        return new Tally(treated.members() + control.members(), control.members(), messages, held, treated, control);
    }
}
