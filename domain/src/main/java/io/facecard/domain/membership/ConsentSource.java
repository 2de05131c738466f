package io.facecard.domain.membership;

public enum ConsentSource {
    APP,
    /** A bulk import of the chain's member records. */
    IMPORT,
    POS,
    KIOSK,
    STAFF,
    /** The member bound a WeChat official account by scanning our QR. */
    WECHAT,
    /** The member bound a Telegram chat by our deep link. */
    TELEGRAM
}
