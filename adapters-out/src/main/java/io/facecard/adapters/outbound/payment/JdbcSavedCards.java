package io.facecard.adapters.outbound.payment;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.messaging.port.FacePayers;
import io.facecard.application.payment.port.ProviderAccounts;
import io.facecard.application.payment.port.SavedCards;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.payment.PaymentProvider;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional
@TenantBound
public class JdbcSavedCards implements SavedCards, FacePayers {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    ProviderAccounts accounts;

    @Override
    public Optional<String> customer(TenantId tenant, MemberId member) {
        return Jdbc.query(em, "select customer from member_payment_customer where tenant_id = ? and member_id = ?", r -> r.getString(1),
                tenant.value(), member.value()).stream().findFirst();
    }

    @Override
    public void putCustomer(TenantId tenant, MemberId member, String customer) {
        Jdbc.update(em, "insert into member_payment_customer (tenant_id, member_id, customer) values (?, ?, ?) "
                + "on conflict (tenant_id, member_id) do update set customer = excluded.customer", tenant.value(), member.value(), customer);
    }

    @Override
    public void put(TenantId tenant, MemberId member, Card card) {
        Jdbc.update(em, "insert into member_payment_method (tenant_id, member_id, payment_method, brand, last4, saved_at) "
                        + "values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, member_id, payment_method) do update set saved_at = excluded.saved_at",
                tenant.value(), member.value(), card.paymentMethod(), Jdbc.text(card.brand()), Jdbc.text(card.last4()), card.savedAt());
    }

    /** Newest first: a till charges the card saved last. */
    @Override
    public List<Card> of(TenantId tenant, MemberId member) {
        return Jdbc.query(em, "select payment_method, brand, last4, saved_at from member_payment_method where tenant_id = ? "
                + "and member_id = ? order by saved_at desc", r -> new Card(r.getString(1), r.getString(2), r.getString(3),
                        Jdbc.instant(r, 4)), tenant.value(), member.value());
    }

    @Override
    public boolean remove(TenantId tenant, MemberId member, String paymentMethod) {
        return Jdbc.update(em, "delete from member_payment_method where tenant_id = ? and member_id = ? and payment_method = ?",
                tenant.value(), member.value(), paymentMethod) == 1;
    }

    @Override
    public void putPayer(TenantId tenant, MemberId member, String provider, String payerId) {
        Jdbc.update(em, "insert into member_payer (tenant_id, member_id, provider, payer_id, seen_at) values (?, ?, ?, ?, now()) "
                + "on conflict (tenant_id, member_id, provider) do update set payer_id = excluded.payer_id, seen_at = excluded.seen_at",
                tenant.value(), member.value(), provider, payerId);
    }

    @Override
    public Optional<String> payer(TenantId tenant, MemberId member, String provider) {
        return Jdbc.query(em, "select payer_id from member_payer where tenant_id = ? and member_id = ? and provider = ?",
                r -> r.getString(1), tenant.value(), member.value(), provider).stream().findFirst();
    }

    /** WeChat Pay's payer openid is of the tenant's sub-appid: it is the official account's openid only when the appids agree. */
    @Override
    public Optional<String> wechatOpenid(TenantId tenant, MemberId member, String appid) {
        Optional<String> subAppid = accounts.find(tenant, PaymentProvider.WECHAT_PAY)
                .map(a -> a.settings().get("subAppid"));
        return subAppid.filter(appid::equals).flatMap(a -> payer(tenant, member, "WECHAT_PAY"));
    }

    @Override
    public Optional<String> removeAll(TenantId tenant, MemberId member) {
        Optional<String> customer = customer(tenant, member);
        Jdbc.update(em, "delete from member_payer where tenant_id = ? and member_id = ?", tenant.value(), member.value());
        Jdbc.update(em, "delete from member_payment_method where tenant_id = ? and member_id = ?", tenant.value(), member.value());
        Jdbc.update(em, "delete from member_payment_customer where tenant_id = ? and member_id = ?", tenant.value(), member.value());
        return customer;
    }
}
