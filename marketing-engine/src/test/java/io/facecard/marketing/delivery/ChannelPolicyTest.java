package io.facecard.marketing.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.marketing.port.DeliveryWindow;
import io.facecard.marketing.port.Notice;
import io.facecard.marketing.port.Recipients.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule of the channel policy, refusing and allowing. */
class ChannelPolicyTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** 12:00 in Berlin. */
    static final Instant NOON = Instant.parse("2026-12-01T11:00:00Z");
    static final ChannelPolicy POLICY = new ChannelPolicy(new DeliveryWindow(LocalTime.of(22, 0), LocalTime.of(8, 0), 2, Duration.ofDays(7)));
    static final List<Recipient.Bound> TELEGRAM = List.of(new Recipient.Bound("TELEGRAM", "42"));

    static Recipient member(boolean notices, boolean marketing, List<Recipient.Bound> channels, List<Instant> recent) {
        return new Recipient(notices, marketing, channels, BERLIN, recent, "en");
    }

    @Test
    void aServiceNoticeNeedsTheMessengerConsentAndMarketingItsOwn() {
        assertThat(POLICY.decide(Notice.Kind.SERVICE, member(false, true, TELEGRAM, List.of()), NOON).rule()).isEqualTo(ChannelPolicy.NO_CONSENT);
        assertThat(POLICY.decide(Notice.Kind.SERVICE, member(true, false, TELEGRAM, List.of()), NOON).verdict()).isEqualTo(Decision.Verdict.SEND);
        assertThat(POLICY.decide(Notice.Kind.MARKETING, member(true, false, TELEGRAM, List.of()), NOON).rule()).isEqualTo(ChannelPolicy.NO_CONSENT);
        assertThat(POLICY.decide(Notice.Kind.MARKETING, member(true, true, TELEGRAM, List.of()), NOON).verdict()).isEqualTo(Decision.Verdict.SEND);
    }

    @Test
    void withoutAnActiveChannelNothingIsSent() {
        assertThat(POLICY.decide(Notice.Kind.SERVICE, member(true, true, List.of(), List.of()), NOON).rule()).isEqualTo(ChannelPolicy.NO_CHANNEL);
    }

    @Test
    void aNoticeAboutOneChannelGoesThereOnlyAndOthersToThePreferredFirst() {
        Recipient both = member(true, true, List.of(new Recipient.Bound("WECHAT", "o1"), new Recipient.Bound("TELEGRAM", "42")), List.of());
        Notice welcome = new Notice(null, null, "WELCOME", Notice.Kind.SERVICE, Map.of("channel", "TELEGRAM"), "k");
        Notice receipt = new Notice(null, null, "RECEIPT", Notice.Kind.SERVICE, Map.of(), "k2");
        assertThat(ChannelPolicy.order(both, welcome)).extracting(Recipient.Bound::channel).containsExactly("TELEGRAM");
        assertThat(ChannelPolicy.order(both, receipt)).extracting(Recipient.Bound::channel).containsExactly("WECHAT", "TELEGRAM");
    }

    @Test
    void marketingWaitsOutTheQuietHoursAndServiceDoesNot() {
        Instant night = Instant.parse("2026-12-01T22:30:00Z"); // 23:30 in Berlin
        Decision waits = POLICY.decide(Notice.Kind.MARKETING, member(true, true, TELEGRAM, List.of()), night);
        assertThat(waits.verdict()).isEqualTo(Decision.Verdict.WAIT);
        assertThat(waits.rule()).isEqualTo(ChannelPolicy.QUIET_HOURS);
        assertThat(waits.notBefore()).isEqualTo(Instant.parse("2026-12-02T07:00:00Z"));
        assertThat(POLICY.decide(Notice.Kind.SERVICE, member(true, true, TELEGRAM, List.of()), night).verdict()).isEqualTo(Decision.Verdict.SEND);
    }

    @Test
    void theFrequencyCapHoldsMarketingAcrossCampaignsAndNotServiceNotices() {
        List<Instant> two = List.of(NOON.minus(Duration.ofDays(1)), NOON.minus(Duration.ofDays(2)));
        Decision capped = POLICY.decide(Notice.Kind.MARKETING, member(true, true, TELEGRAM, two), NOON);
        assertThat(capped.verdict()).as("the cap frees only in five days: refused, not held").isEqualTo(Decision.Verdict.REFUSE);
        assertThat(capped.rule()).isEqualTo(ChannelPolicy.FREQUENCY_CAP);
        List<Instant> freesSoon = List.of(NOON.minus(Duration.ofDays(7)).plus(Duration.ofHours(1)), NOON.minus(Duration.ofDays(1)));
        Decision held = POLICY.decide(Notice.Kind.MARKETING, member(true, true, TELEGRAM, freesSoon), NOON);
        assertThat(held.verdict()).isEqualTo(Decision.Verdict.WAIT);
        assertThat(held.rule()).isEqualTo(ChannelPolicy.FREQUENCY_CAP);
        assertThat(held.notBefore()).isEqualTo(NOON.plus(Duration.ofHours(1)));
        assertThat(POLICY.decide(Notice.Kind.MARKETING, member(true, true, TELEGRAM, two.subList(0, 1)), NOON).verdict())
                .isEqualTo(Decision.Verdict.SEND);
        assertThat(POLICY.decide(Notice.Kind.SERVICE, member(true, true, TELEGRAM, two), NOON).verdict()).isEqualTo(Decision.Verdict.SEND);
    }

    @Test
    void aWechatCustomerServiceMessageIsTriedOnlyWithin48HoursOfTheMembersLastMessage() {
        assertThat(ChannelPolicy.wechatWindowOpen(NOON.minus(Duration.ofHours(47)), NOON)).isTrue();
        assertThat(ChannelPolicy.wechatWindowOpen(NOON.minus(Duration.ofHours(48)), NOON)).isFalse();
        assertThat(ChannelPolicy.wechatWindowOpen(null, NOON)).isFalse();
    }

    @Test
    void aFollowerHasFourMassSendsAMonthAndNoFifth() {
        assertThat(ChannelPolicy.massRefusal(3)).isEmpty();
        assertThat(ChannelPolicy.massRefusal(4)).contains(ChannelPolicy.MASS_QUOTA);
    }
}
