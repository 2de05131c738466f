package io.facecard.adapters.outbound.messaging.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.application.messaging.port.Messenger;
import io.facecard.application.messaging.port.MessengerAccounts.Account;
import io.facecard.domain.messaging.Channel;
import io.facecard.fakes.FakeWechatOfficialAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mass sends over HTTP against the WeChat official-account fake: the list's size, clientmsgid's idempotency, the monthly four. */
class WechatMassSendTest {
    static FakeWechatOfficialAccount fake;
    static WechatOfficialAccount api;
    static final Account ACCOUNT = new Account(Channel.WECHAT, Map.of("appid", "wxmass000000000001"),
            Map.of("appSecret", FakeWechatOfficialAccount.SECRET), "hook", Instant.EPOCH);

    @BeforeAll
    static void start() throws Exception {
        fake = new FakeWechatOfficialAccount(0);
        api = new WechatOfficialAccount(fake.url(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    static List<String> followers(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String o = "oMass" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            fake.follow("wxmass000000000001", o);
            out.add(o);
        }
        return out;
    }

    static long received(String openid) {
        return fake.messages(openid).stream().filter(m -> m.kind().equals("MASS")).count();
    }

    @Test
    void theSameClientMsgIdSentAgainIsTakenAndDeliversNothingMore() {
        List<String> to = followers(3);
        Messenger.Sent first = api.mass(ACCOUNT, to, "Tea week: 5 off", "c1-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(first.outcome()).isEqualTo(Messenger.Outcome.SENT);
        String id = "c2-" + UUID.randomUUID().toString().substring(0, 8);
        long calls = fake.massCalls();
        assertThat(api.mass(ACCOUNT, to, "Milk week", id).outcome()).isEqualTo(Messenger.Outcome.SENT);
        Messenger.Sent again = api.mass(ACCOUNT, to, "Milk week", id);
        assertThat(again.outcome()).isEqualTo(Messenger.Outcome.SENT);
        assertThat(again.code()).isEqualTo("45065");
        assertThat(fake.massCalls()).isEqualTo(calls + 2);
        to.forEach(o -> assertThat(received(o)).isEqualTo(2));
    }

    @Test
    void oneOpenidIsNotAMassSend() {
        Messenger.Sent one = api.mass(ACCOUNT, followers(1), "Tea week", "c3-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(one.outcome()).isEqualTo(Messenger.Outcome.REFUSED);
        assertThat(one.code()).isEqualTo("40130");
    }

    @Test
    void aFollowerReceivesFourAMonthAndTheFifthIsFilteredWithoutFailingTheJob() {
        List<String> to = followers(2);
        for (int i = 0; i < 5; i++) {
            assertThat(api.mass(ACCOUNT, to, "Offer " + i, "c4-" + i + UUID.randomUUID().toString().substring(0, 8)).outcome())
                    .isEqualTo(Messenger.Outcome.SENT);
        }
        to.forEach(o -> assertThat(received(o)).isEqualTo(4));
        assertThat(fake.messages(to.get(0)).get(0).text()).isEqualTo("Offer 3");
    }
}
