package io.facecard.domain.messaging;

/** Where a member can be reached: a WeChat official account's follower (openid per appid) or a Telegram bot's chat. */
public enum Channel {
    WECHAT("WECHAT_OA"),
    TELEGRAM("TELEGRAM");

    private final String account;

    Channel(String account) {
        this.account = account;
    }

    /** The kind of the tenant's account this channel goes through: WECHAT_OA, TELEGRAM. */
    public String account() {
        return account;
    }

    public static Channel ofAccount(String kind) {
        for (Channel c : values()) {
            if (c.account.equals(kind)) {
                return c;
            }
        }
        throw new IllegalArgumentException(kind);
    }
}
