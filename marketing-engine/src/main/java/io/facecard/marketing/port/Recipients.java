package io.facecard.marketing.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Port out: what delivery must know of a member, read through the membership and messenger contexts. */
public interface Recipients {
    /** Many members of one tenant at once (a dispatcher's batch): a few statements, not a few per member. */
    Map<MemberId, Recipient> of(TenantId tenant, Collection<MemberId> members);

    /** The channel said the member blocked the bot or unfollowed: the binding is inactive from now on. */
    void blocked(TenantId tenant, MemberId member, String channel);

    /**
     * @param channels active bindings, preferred first
     * @param recentMarketing when marketing was last sent to the member (for the frequency cap)
     * @param massThisMonth WeChat mass sends the member got this month, Beijing time (WeChat lets a follower have 4)
     */
    record Recipient(boolean noticeConsent, boolean marketingConsent, List<Bound> channels, ZoneId zone, List<Instant> recentMarketing,
            String locale, int massThisMonth) {
        public Recipient(boolean noticeConsent, boolean marketingConsent, List<Bound> channels, ZoneId zone, List<Instant> recentMarketing,
                String locale) {
            this(noticeConsent, marketingConsent, channels, zone, recentMarketing, locale, 0);
        }

        /** @param lastInbound when the member last wrote to, scanned or followed the account (WeChat's window opens then); null if unknown */
        public record Bound(String channel, String address, Instant lastInbound) {
            public Bound(String channel, String address) {
                this(channel, address, null);
            }
        }
    }
}
