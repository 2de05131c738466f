package io.facecard.marketing.delivery;

import io.facecard.marketing.port.DeliveryWindow;
import io.facecard.marketing.port.Notice;
import io.facecard.marketing.port.Recipients.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rules a message passes before it is sent, most restrictive first: consent for its purpose
 * (service notices need MESSENGER_NOTICES, marketing MARKETING_PUSH), a bound and active channel,
 * then for marketing only the quiet hours in the member's zone and the tenant's frequency cap
 * across campaigns (service notices are exempt from both, as receipts must not wait).
 */
public final class ChannelPolicy {
    public static final String NO_CONSENT = "no-consent";
    public static final String NO_CHANNEL = "no-channel";
    public static final String QUIET_HOURS = "quiet-hours";
    public static final String FREQUENCY_CAP = "frequency-cap";
    /** A WeChat follower gets at most 4 mass sends a month; a fifth would be dropped by WeChat, so it is not made. */
    public static final String MASS_QUOTA = "wechat-mass-quota";
    static final int MASS_PER_MONTH = 4;
    /** A WeChat customer-service message may follow the member's last message, scan or follow by 48 hours. */
    static final Duration WECHAT_WINDOW = Duration.ofHours(48);

    private final DeliveryWindow marketingWindow;

    public ChannelPolicy(DeliveryWindow marketingWindow) {
        this.marketingWindow = marketingWindow;
    }

    public Decision decide(Notice.Kind kind, Recipient r, Instant now) {
        boolean marketing = kind == Notice.Kind.MARKETING;
        if (!(marketing ? r.marketingConsent() : r.noticeConsent())) {
            return Decision.refuse(NO_CONSENT);
        }
        if (r.channels().isEmpty()) {
            return Decision.refuse(NO_CHANNEL);
        }
        if (!marketing) {
            return Decision.send();
        }
        Optional<Instant> earliest = marketingWindow.earliest(now, r.zone(), r.recentMarketing());
        if (earliest.isEmpty()) {
            return Decision.refuse(FREQUENCY_CAP);
        }
        if (earliest.get().isAfter(now)) {
            boolean capped = r.recentMarketing().stream().filter(t -> t.isAfter(now.minus(marketingWindow.window()))).count()
                    >= marketingWindow.maxPerWindow();
            return Decision.waitUntil(earliest.get(), capped ? FREQUENCY_CAP : QUIET_HOURS);
        }
        return Decision.send();
    }

    /** The channels to try, preferred first (the one bound last); a notice about one channel (its welcome) goes there only. */
    public static List<Recipient.Bound> order(Recipient r, Notice n) {
        String only = n.fields().get("channel");
        return only == null ? r.channels() : r.channels().stream().filter(b -> b.channel().equals(only)).toList();
    }

    /** Whether a customer-service message is worth trying: the member wrote, scanned or followed within 48 h (WeChat may still say 45015). */
    public static boolean wechatWindowOpen(Instant lastInbound, Instant now) {
        return lastInbound != null && lastInbound.plus(WECHAT_WINDOW).isAfter(now);
    }

    /** @return the rule refusing another mass send to a member who had {@code thisMonth}, or empty */
    public static Optional<String> massRefusal(int thisMonth) {
        return thisMonth >= MASS_PER_MONTH ? Optional.of(MASS_QUOTA) : Optional.empty();
    }
}
