package io.facecard.application.messaging.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.messaging.Channel;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port out: one-time binding tokens and the members' bound channel accounts. Tokens are kept as hashes only. */
public interface ChannelBindings {
    void offer(TenantId tenant, MemberId member, Channel channel, String tokenHash, Instant expiresAt);

    /** @return PENDING, BOUND or EXPIRED, or empty when the token is not this member's */
    Optional<String> status(TenantId tenant, MemberId member, Channel channel, String tokenHash, Instant now);

    /** Uses a token once: the member it was offered to, if it is live and unused. */
    Optional<MemberId> consume(TenantId tenant, Channel channel, String tokenHash, Instant now);

    /** @return the member the account is bound to already, if another */
    Optional<MemberId> boundTo(TenantId tenant, Channel channel, String externalId);

    void bind(TenantId tenant, MemberId member, Channel channel, String externalId, Instant at);

    /** The account wrote to us (a WeChat message, scan or menu click): its customer-service window opens from {@code at}. */
    void inbound(TenantId tenant, Channel channel, String externalId, Instant at);

    /** The account left (unsubscribed, blocked the bot): unbound, nothing kept of it. */
    boolean unbindAccount(TenantId tenant, Channel channel, String externalId);

    boolean unbind(TenantId tenant, MemberId member, Channel channel);

    void unbindAll(TenantId tenant, MemberId member);

    /** Notices go to this channel first from now on; false when the member has no such binding. */
    boolean prefer(TenantId tenant, MemberId member, Channel channel);

    List<Binding> of(TenantId tenant, MemberId member);

    /** Whether the member has an active binding on any channel (a notice to one without has nowhere to go). */
    boolean reachable(TenantId tenant, MemberId member);

    /** A callback seen before (WeChat retries three times, Telegram until answered) is answered and ignored. */
    boolean firstCallback(Channel channel, String key, Instant at);

    /** @param preferred the member chose this channel; otherwise the one bound last comes first */
    record Binding(Channel channel, String externalId, boolean active, Instant boundAt, boolean preferred) {}
}
