package io.facecard.marketing.port;

import io.facecard.domain.tenancy.TenantId;
import java.util.List;

/** Port out: a channel's send of a message already in the channel's form (a WeChat template, a text). */
public interface Sender {
    /** @param marketing marketing goes to WeChat only as a customer-service message inside the member's window */
    Result send(TenantId tenant, String channel, String address, Rendered message, boolean marketing);

    /**
     * A WeChat mass send of one text to 2 to 10,000 followers. The channel starts one job per
     * {@code clientMsgId}: sent again under it (after a crash), it answers SENT and delivers nothing more.
     */
    Result mass(TenantId tenant, List<String> openids, String text, String clientMsgId);

    /** SENT; RETRY after seconds (5xx, 429 retry_after); BLOCKED (403, unfollowed); REFUSED by the channel's rule (45015). */
    record Result(Outcome outcome, long retryAfterSeconds, String code) {}

    enum Outcome { SENT, RETRY, BLOCKED, REFUSED }
}
