package io.facecard.application.payment.port;

/**
 * Port out: WeChat's face device at the till needs an {@code authinfo} before it may capture a face;
 * it gets one by sending its {@code rawdata} through the merchant's server to WeChat Pay API v2
 * ({@code get_wxpayface_authinfo}, XML signed with the v2 key).
 */
public interface WechatFaceDevices {
    /** @return the authinfo and how long it lives, or throws {@link Unavailable} when WeChat gave no verified answer */
    AuthInfo authinfo(ProviderAccounts.Account account, String rawdata, String deviceId, String storeId, String storeName);

    record AuthInfo(String authinfo, int expiresInSeconds) {}

    /** No verified answer, or WeChat refused (its code). */
    final class Unavailable extends RuntimeException {
        private final String code;

        public Unavailable(String code) {
            super("WeChat Pay gave no authinfo: " + code);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
