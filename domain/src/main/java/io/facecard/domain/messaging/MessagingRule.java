package io.facecard.domain.messaging;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** What the messenger context refuses. */
public final class MessagingRule {
    /** The tenant has no account at the channel. */
    public static final Rule CHANNEL_NOT_CONFIGURED = new Rule("channel-not-configured", Category.UNPROCESSABLE);
    /** The channel account is bound to another member of the tenant. */
    public static final Rule ACCOUNT_BOUND_ELSEWHERE = new Rule("account-bound-elsewhere", Category.CONFLICT);

    /** The messenger refused the account's own credentials (a wrong appSecret): the admin must correct the account. */
    public static final Rule CHANNEL_CREDENTIALS_REFUSED = new Rule("channel-credentials-refused", Category.UNPROCESSABLE);

    private MessagingRule() {}
}
