package io.facecard.domain.membership;

import io.facecard.domain.Published;

@Published("where a consent was given, recorded by whichever context asked for it")
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
