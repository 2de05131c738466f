package io.facecard.adapters.outbound.marketing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.checkout.port.TillOffers;
import io.facecard.application.loyalty.port.Programs;
import io.facecard.domain.checkout.OfferEffect;
import io.facecard.domain.checkout.ReceiptId;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal offers in {@code member_offer}, in the till's transaction. A hold and a redemption of a
 * campaign with a global budget first lock the budget's row, then count what is redeemed and held
 * by others: the last unit goes to one till, the other waits for the lock and then sees none left.
 */
@ApplicationScoped
@Transactional
@TenantBound
public class JdbcTillOffers implements TillOffers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "offer_id, campaign_id, title, kind, value, category, skus";
    /** Valid, not used up, and not held by another checkout whose hold is still running. */
    private static final String USABLE = "valid_until > ? and redeemed < per_member and (held_by is null or held_until <= ?)";

    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    Programs programs;

    @Override
    public List<OfferEffect.Offer> available(TenantId tenant, MemberId member, Instant now) {
        return Jdbc.query(em, "select " + COLUMNS + " from member_offer o where tenant_id = ? and member_id = ? and " + USABLE
                + " and " + BUDGET_LEFT + " order by valid_until, offer_id limit 20", JdbcTillOffers::row, tenant.value(), member.value(),
                now, now, now);
    }

    /** A campaign without a budget row has no global limit; with one, its counter and the live holds (a partial index) say what is left. */
    private static final String BUDGET_LEFT = "not exists (select 1 from campaign_offer_budget b where b.campaign_id = o.campaign_id "
            + "and b.total <= b.redeemed + (select count(*) from member_offer x where x.campaign_id = o.campaign_id and x.held_by is not null "
            + "and x.held_until > ?))";

    @Override
    public Optional<OfferEffect.Offer> find(TenantId tenant, MemberId member, UUID offerId, Instant now) {
        return Jdbc.query(em, "select " + COLUMNS + " from member_offer o where tenant_id = ? and member_id = ? and offer_id = ? "
                + "and valid_until > ? and redeemed < per_member", JdbcTillOffers::row, tenant.value(), member.value(), offerId, now)
                .stream().findFirst();
    }

    @Override
    public Optional<OfferEffect.Offer> byCode(TenantId tenant, MemberId member, String couponCode, Instant now) {
        return Jdbc.query(em, "select " + COLUMNS + " from member_offer o where tenant_id = ? and member_id = ? and coupon_code = ? "
                + "and valid_until > ? and redeemed < per_member order by valid_until limit 1", JdbcTillOffers::row, tenant.value(),
                member.value(), couponCode, now).stream().findFirst();
    }

    @Override
    public boolean hold(TenantId tenant, UUID offerId, UUID checkout, Instant until, Instant now) {
        if (!budgetLeft(offerId, checkout, now)) {
            return false;
        }
        return Jdbc.update(em, "update member_offer set held_by = ?, held_until = ? where offer_id = ? and valid_until > ? "
                + "and redeemed < per_member and (held_by is null or held_by = ? or held_until <= ?)", checkout, until, offerId, now,
                checkout, now) == 1;
    }

    @Override
    public void release(TenantId tenant, UUID offerId, UUID checkout) {
        Jdbc.update(em, "update member_offer set held_by = null, held_until = null where offer_id = ? and held_by = ?", offerId, checkout);
    }

    @Override
    public boolean redeem(TenantId tenant, MemberId member, UUID offerId, UUID checkout, String receiptNumber, Given given, Instant now) {
        // Still this checkout's, even past its hold, as long as no other checkout took it meanwhile and the budget still has it.
        if (!budgetLeft(offerId, checkout, now)) {
            return false;
        }
        List<Object[]> done = Jdbc.query(em, "update member_offer set redeemed = redeemed + 1, held_by = null, held_until = null, "
                + "redeemed_at = ? where offer_id = ? and held_by = ? and redeemed < per_member returning campaign_id",
                r -> new Object[] {Jdbc.uuid(r, 1)}, now, offerId, checkout);
        if (done.isEmpty()) {
            return false;
        }
        UUID campaign = (UUID) done.get(0)[0];
        Jdbc.update(em, "update campaign_offer_budget set redeemed = redeemed + 1 where campaign_id = ?", campaign);
        Jdbc.update(em, "insert into offer_redemption (offer_id, receipt_id, tenant_id, campaign_id, member_id, discount, points, redeemed_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)", offerId, ReceiptId.of(tenant, receiptNumber).value(),
                tenant.value(), campaign, member.value(), given.discount(), given.points(), now);
        // Segments count redemptions per member and day ("redemption" events).
        Jdbc.update(em, "insert into mkt_redemption_day (tenant_id, member_id, day, store_id, events) select ?, ?, ?, store_id, 1 "
                + "from checkout_view where id = ? on conflict (tenant_id, day, member_id, store_id) do update set events = "
                + "mkt_redemption_day.events + 1", tenant.value(), member.value(), now.atZone(programs.terms(tenant).zone()).toLocalDate(),
                checkout);
        return true;
    }

    @Override
    public int giveBack(TenantId tenant, String receiptNumber, Instant now) {
        List<UUID[]> back = Jdbc.query(em, "update offer_redemption r set given_back_at = ? from member_offer o where r.tenant_id = ? "
                + "and r.receipt_id = ? and r.given_back_at is null and o.offer_id = r.offer_id and o.given_back_on_return "
                + "returning r.offer_id, r.campaign_id", x -> new UUID[] {Jdbc.uuid(x, 1), Jdbc.uuid(x, 2)}, now, tenant.value(),
                ReceiptId.of(tenant, receiptNumber).value());
        for (UUID[] b : back) {
            Jdbc.update(em, "update member_offer set redeemed = redeemed - 1 where offer_id = ? and redeemed > 0", b[0]);
            Jdbc.update(em, "update campaign_offer_budget set redeemed = redeemed - 1 where campaign_id = ? and redeemed > 0", b[1]);
        }
        return back.size();
    }

    /**
     * For a campaign with a budget: locks its row (tills redeeming the same campaign take turns
     * here) and answers whether a unit is left besides what this checkout holds.
     */
    private boolean budgetLeft(UUID offerId, UUID checkout, Instant now) {
        List<Object[]> budget = Jdbc.query(em, "select b.total, b.redeemed, b.campaign_id from campaign_offer_budget b join member_offer o "
                + "on o.campaign_id = b.campaign_id where o.offer_id = ? for update of b", r -> new Object[] {r.getInt(1), r.getInt(2),
                        Jdbc.uuid(r, 3)}, offerId);
        if (budget.isEmpty()) {
            return true;
        }
        long held = Jdbc.query(em, "select count(*) from member_offer x where x.campaign_id = ? and x.held_by is not null and x.held_by <> ? "
                + "and x.held_until > ?", r -> r.getLong(1), budget.get(0)[2], checkout, now).get(0);
        return (Integer) budget.get(0)[1] + held < (Integer) budget.get(0)[0];
    }

    private static OfferEffect.Offer row(ResultSet r) throws SQLException {
        List<String> skus;
        try {
            skus = JSON.readValue(r.getString(7), new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new OfferEffect.Offer(Jdbc.uuid(r, 1), Jdbc.uuid(r, 2), r.getString(3), r.getString(4), r.getBigDecimal(5), r.getString(6),
                skus);
    }
}
