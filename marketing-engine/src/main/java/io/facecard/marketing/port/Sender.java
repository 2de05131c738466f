package io.facecard.marketing.port;

import io.facecard.domain.tenancy.TenantId;
import java.util.Map;

/** Port out: a channel's send. The adapter renders the notice in the channel's form (a WeChat template, a Telegram text). */
public interface Sender {
    Result send(TenantId tenant, String channel, String address, String type, Map<String, String> fields, boolean marketing, String locale);

    /** SENT; RETRY after seconds (5xx, 429 retry_after); BLOCKED (403, unfollowed); REFUSED by the channel's rule (45015). */
    record Result(Outcome outcome, long retryAfterSeconds, String code) {}

    enum Outcome { SENT, RETRY, BLOCKED, REFUSED }
}
