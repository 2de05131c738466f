package io.facecard.adapters.outbound.messaging;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.messaging.port.ChannelBindings;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.messaging.Channel;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

@ApplicationScoped
@Transactional
@TenantBound
public class JdbcChannelBindings implements ChannelBindings {
    /** How long a callback's key is kept: past any retry of it and past its nonce's window. */
    static final Duration CALLBACK_MEMORY = Duration.ofDays(3);
    private static final int PRUNE_EVERY = 512;
    private static final AtomicLong CALLBACKS = new AtomicLong();

    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public void offer(TenantId tenant, MemberId member, Channel channel, String tokenHash, Instant expiresAt) {
        Jdbc.update(em, "insert into channel_binding_token (token_hash, tenant_id, member_id, channel, expires_at) values (?, ?, ?, ?, ?)",
                tokenHash, tenant.value(), member.value(), channel.name(), expiresAt);
    }

    @Override
    public Optional<String> status(TenantId tenant, MemberId member, Channel channel, String tokenHash, Instant now) {
        return Jdbc.query(em, "select used_at is not null, expires_at from channel_binding_token where token_hash = ? and tenant_id = ? "
                + "and member_id = ? and channel = ?", r -> r.getBoolean(1) ? "BOUND" : Jdbc.instant(r, 2).isAfter(now) ? "PENDING" : "EXPIRED",
                tokenHash, tenant.value(), member.value(), channel.name()).stream().findFirst();
    }

    @Override
    public Optional<MemberId> consume(TenantId tenant, Channel channel, String tokenHash, Instant now) {
        return Jdbc.query(em, "update channel_binding_token set used_at = ? where token_hash = ? and tenant_id = ? and channel = ? "
                + "and used_at is null and expires_at > ? returning member_id", r -> new MemberId(Jdbc.uuid(r, 1)), now, tokenHash,
                tenant.value(), channel.name(), now).stream().findFirst();
    }

    @Override
    public Optional<MemberId> boundTo(TenantId tenant, Channel channel, String externalId) {
        return Jdbc.query(em, "select member_id from channel_binding where tenant_id = ? and channel = ? and external_id = ?",
                r -> new MemberId(Jdbc.uuid(r, 1)), tenant.value(), channel.name(), externalId).stream().findFirst();
    }

    @Override
    public void bind(TenantId tenant, MemberId member, Channel channel, String externalId, Instant at) {
        Jdbc.update(em, "insert into channel_binding (tenant_id, member_id, channel, external_id, active, bound_at, last_inbound_at) "
                + "values (?, ?, ?, ?, true, ?, ?) on conflict (tenant_id, member_id, channel) do update set external_id = excluded.external_id, "
                + "active = true, bound_at = excluded.bound_at, last_inbound_at = excluded.last_inbound_at", tenant.value(), member.value(),
                channel.name(), externalId, at, at);
    }

    @Override
    public void inbound(TenantId tenant, Channel channel, String externalId, Instant at) {
        Jdbc.update(em, "update channel_binding set last_inbound_at = ? where tenant_id = ? and channel = ? and external_id = ?", at,
                tenant.value(), channel.name(), externalId);
    }

    @Override
    public boolean unbindAccount(TenantId tenant, Channel channel, String externalId) {
        // A mass send not made yet (it waits for a retry) goes without the account that left.
        Jdbc.update(em, "update outbox_mass_job set openids = array_remove(openids, ?) where tenant_id = ? and status = 'PENDING' "
                + "and ? = any(openids)", externalId, tenant.value(), externalId);
        return Jdbc.update(em, "delete from channel_binding where tenant_id = ? and channel = ? and external_id = ?", tenant.value(),
                channel.name(), externalId) > 0;
    }

    @Override
    public boolean unbind(TenantId tenant, MemberId member, Channel channel) {
        return Jdbc.update(em, "delete from channel_binding where tenant_id = ? and member_id = ? and channel = ?", tenant.value(),
                member.value(), channel.name()) > 0;
    }

    @Override
    public void unbindAll(TenantId tenant, MemberId member) {
        Jdbc.update(em, "update outbox_mass_job j set openids = array_remove(j.openids, b.external_id) from channel_binding b "
                + "where b.tenant_id = ? and b.member_id = ? and b.channel = 'WECHAT' and j.tenant_id = b.tenant_id and j.status = 'PENDING' "
                + "and b.external_id = any(j.openids)", tenant.value(), member.value());
        Jdbc.update(em, "delete from channel_binding where tenant_id = ? and member_id = ?", tenant.value(), member.value());
        Jdbc.update(em, "delete from channel_binding_token where tenant_id = ? and member_id = ?", tenant.value(), member.value());
        Jdbc.update(em, "delete from outbox_message where tenant_id = ? and member_id = ?", tenant.value(), member.value());
    }

    @Override
    public List<Binding> of(TenantId tenant, MemberId member) {
        return Jdbc.query(em, "select channel, external_id, active, bound_at, preferred from channel_binding where tenant_id = ? "
                + "and member_id = ? order by preferred desc, bound_at desc", r -> new Binding(Channel.valueOf(r.getString(1)), r.getString(2),
                        r.getBoolean(3), Jdbc.instant(r, 4), r.getBoolean(5)), tenant.value(), member.value());
    }

    @Override
    public boolean prefer(TenantId tenant, MemberId member, Channel channel) {
        return Jdbc.update(em, "update channel_binding set preferred = (channel = ?) where tenant_id = ? and member_id = ?", channel.name(),
                tenant.value(), member.value()) > 0 && of(tenant, member).stream().anyMatch(b -> b.channel() == channel);
    }

    @Override
    public boolean firstCallback(Channel channel, String key, Instant at) {
        if (CALLBACKS.incrementAndGet() % PRUNE_EVERY == 0) {
            // Retries (WeChat's within seconds, Telegram's within a day) and a nonce's 5-minute window are long over.
            Jdbc.update(em, "delete from messenger_callback where seen_at < ?", at.minus(CALLBACK_MEMORY));
        }
        return Jdbc.update(em, "insert into messenger_callback (channel, key, seen_at) values (?, ?, ?) on conflict do nothing",
                channel.name(), key, at) == 1;
    }

    @Override
    public boolean reachable(TenantId tenant, MemberId member) {
        return !Jdbc.query(em, "select 1 from channel_binding where tenant_id = ? and member_id = ? and active limit 1", r -> 1,
                tenant.value(), member.value()).isEmpty();
    }
}
