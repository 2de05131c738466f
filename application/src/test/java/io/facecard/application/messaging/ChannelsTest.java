package io.facecard.application.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.application.membership.port.MemberAccess;
import io.facecard.application.membership.port.MemberView;
import io.facecard.application.messaging.port.ChannelBindings;
import io.facecard.application.messaging.port.FacePayers;
import io.facecard.application.messaging.port.Messenger;
import io.facecard.application.messaging.port.MessengerAccounts;
import io.facecard.application.messaging.port.ServiceNotices;
import io.facecard.application.security.Caller;
import io.facecard.application.security.TerminalKind;
import io.facecard.application.support.RecordingCommands;
import io.facecard.application.support.Stub;
import io.facecard.domain.membership.ConsentPurpose;
import io.facecard.domain.membership.ConsentSource;
import io.facecard.domain.membership.MemberCommands.RecordConsent;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.messaging.Channel;
import io.facecard.domain.messaging.MessagingRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Binding a member's messenger account by a one-time token, over in-memory ports. */
class ChannelsTest {
    static final TenantId T = new TenantId(new UUID(1, 1));
    static final Caller KIOSK = new Caller.Terminal(T, new UUID(3, 1), new UUID(5, 1), TerminalKind.KIOSK);
    static final MemberId ANNA = new MemberId(new UUID(6, 1));
    static final MemberId BORIS = new MemberId(new UUID(6, 2));

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
    final InMemoryBindings bindings = new InMemoryBindings();
    final RecordingCommands commands = new RecordingCommands(c -> null);
    final List<String> notices = new ArrayList<>();
    final Set<MemberId> erased = new HashSet<>();
    final Map<Channel, MessengerAccounts.Account> configured = new HashMap<>(Map.of(Channel.TELEGRAM,
            new MessengerAccounts.Account(Channel.TELEGRAM, Map.of("username", "shop_bot"), Map.of(), "w", Instant.EPOCH)));
    final MemberAccess members = (caller, id) -> new MemberView(id, T, null, null, erased.contains(id), Instant.EPOCH, Instant.EPOCH);
    final Channels channels = new Channels(members,
            Stub.of(MessengerAccounts.class, Map.of("find", a -> Optional.ofNullable(configured.get((Channel) a[1])))),
            bindings,
            Stub.of(Messenger.class, Map.of("deepLink", a -> "https://t.me/shop_bot?start=" + a[1], "sandbox", a -> false)),
            Stub.of(ServiceNotices.class, Map.of("notify", a -> notices.add(a[1] + " " + a[2]))),
            commands, clock, Stub.of(FacePayers.class, Map.of()));

    @Test
    void aStartWithTheOfferedTokenBindsTheChatRecordsTheConsentAndWelcomesOnce() {
        String token = channels.offer(KIOSK, ANNA, Channel.TELEGRAM).token();
        channels.telegramUpdate(T, 1, "chat-1", "/start " + token);
        assertThat(bindings.bound).containsEntry("TELEGRAM:chat-1", ANNA);
        assertThat(commands.sent).singleElement().isInstanceOfSatisfying(RecordConsent.class, c -> {
            assertThat(c.purpose()).isEqualTo(ConsentPurpose.MESSENGER_NOTICES);
            assertThat(c.source()).isEqualTo(ConsentSource.TELEGRAM);
            assertThat(c.granted()).isTrue();
        });
        assertThat(notices).containsExactly(ANNA + " WELCOME");

        channels.telegramUpdate(T, 2, "chat-2", "/start " + token);
        assertThat(bindings.bound).as("a token binds once").doesNotContainKey("TELEGRAM:chat-2");
        channels.telegramUpdate(T, 1, "chat-1", "/start " + token);
        assertThat(notices).as("a retried update is answered and ignored").hasSize(1);
    }

    @Test
    void anExpiredTokenBindsNothing() {
        String token = channels.offer(KIOSK, ANNA, Channel.TELEGRAM).token();
        clock.move(Channels.TOKEN_LIFE.plusSeconds(1));
        channels.telegramUpdate(T, 1, "chat-1", "/start " + token);
        assertThat(bindings.bound).isEmpty();
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void anAccountBoundToAnotherMemberStaysTheirs() {
        channels.telegramUpdate(T, 1, "chat-1", "/start " + channels.offer(KIOSK, ANNA, Channel.TELEGRAM).token());
        channels.telegramUpdate(T, 2, "chat-1", "/start " + channels.offer(KIOSK, BORIS, Channel.TELEGRAM).token());
        assertThat(bindings.bound).containsEntry("TELEGRAM:chat-1", ANNA).hasSize(1);
    }

    @Test
    void noOfferWithoutTheTenantsAccountOrForAnErasedMember() {
        assertThatThrownBy(() -> channels.offer(KIOSK, ANNA, Channel.WECHAT))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.rule()).isEqualTo(MessagingRule.CHANNEL_NOT_CONFIGURED));
        erased.add(BORIS);
        assertThatThrownBy(() -> channels.offer(KIOSK, BORIS, Channel.TELEGRAM)).isInstanceOf(Refusal.class).hasMessageContaining("not found");
        assertThat(bindings.offered).isEmpty();
    }

    @Test
    void onlyTheTokensHashIsKept() {
        String token = channels.offer(KIOSK, ANNA, Channel.TELEGRAM).token();
        assertThat(bindings.offered).singleElement().satisfies(hash -> assertThat(hash).doesNotContain(token).hasSize(64));
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Tokens by hash with their member and expiry, used once; accounts bound by channel and id. */
    static final class InMemoryBindings implements ChannelBindings {
        record Offered(MemberId member, Channel channel, Instant expires) {}

        final Map<String, Offered> tokens = new HashMap<>();
        final List<String> offered = new ArrayList<>();
        final Map<String, MemberId> bound = new HashMap<>();
        final Set<String> callbacks = new HashSet<>();

        @Override
        public void offer(TenantId tenant, MemberId member, Channel channel, String tokenHash, Instant expiresAt) {
            tokens.put(tokenHash, new Offered(member, channel, expiresAt));
            offered.add(tokenHash);
        }

        @Override
        public Optional<String> status(TenantId tenant, MemberId member, Channel channel, String tokenHash, Instant now) {
            return Optional.empty();
        }

        @Override
        public Optional<MemberId> consume(TenantId tenant, Channel channel, String tokenHash, Instant now) {
            Offered o = tokens.remove(tokenHash);
            return o != null && o.channel() == channel && now.isBefore(o.expires()) ? Optional.of(o.member()) : Optional.empty();
        }

        @Override
        public Optional<MemberId> boundTo(TenantId tenant, Channel channel, String externalId) {
            return Optional.ofNullable(bound.get(channel + ":" + externalId));
        }

        @Override
        public void bind(TenantId tenant, MemberId member, Channel channel, String externalId, Instant at) {
            bound.put(channel + ":" + externalId, member);
        }

        @Override
        public void inbound(TenantId tenant, Channel channel, String externalId, Instant at) {}

        @Override
        public boolean unbindAccount(TenantId tenant, Channel channel, String externalId) {
            return bound.remove(channel + ":" + externalId) != null;
        }

        @Override
        public boolean unbind(TenantId tenant, MemberId member, Channel channel) {
            return bound.entrySet().removeIf(e -> e.getValue().equals(member) && e.getKey().startsWith(channel + ":"));
        }

        @Override
        public void unbindAll(TenantId tenant, MemberId member) {
            bound.values().removeIf(member::equals);
        }

        @Override
        public boolean prefer(TenantId tenant, MemberId member, Channel channel) {
            return bound.entrySet().stream().anyMatch(e -> e.getValue().equals(member) && e.getKey().startsWith(channel + ":"));
        }

        @Override
        public List<Binding> of(TenantId tenant, MemberId member) {
            return List.of();
        }

        @Override
        public boolean reachable(TenantId tenant, MemberId member) {
            return bound.containsValue(member);
        }

        @Override
        public boolean firstCallback(Channel channel, String key, Instant at) {
            return callbacks.add(channel + ":" + key);
        }
    }
}
