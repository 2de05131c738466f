package io.facecard.adapters.inbound.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.application.messaging.WechatSafeMode;
import io.facecard.fakes.WechatCrypto;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Two implementations written apart, the fake's sealing and the platform's opening, must agree; tampering must not open. */
class WechatSafeModeTest {
    private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APPID = "wxb11529c136998cb6";
    private static final byte[] RANDOM = "0123456789abcdef".getBytes();

    @Test
    void whatTheFakeSealsThePlatformOpensForItsAppidOnly() {
        String xml = "<xml><FromUserName><![CDATA[oUser]]></FromUserName><Event><![CDATA[subscribe]]></Event></xml>";
        String sealed = WechatCrypto.seal(KEY, APPID, xml, RANDOM);
        assertThat(WechatSafeMode.open(KEY, APPID, sealed)).contains(xml);
        assertThat(WechatSafeMode.open(KEY, "wx0000000000000000", sealed)).isEmpty();
        assertThat(WechatSafeMode.open("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefg", APPID, sealed)).isEmpty();
    }

    @Test
    void aChangedCiphertextOrGarbageDoesNotOpen() {
        byte[] sealed = Base64.getDecoder().decode(WechatCrypto.seal(KEY, APPID, "<xml>ü中</xml>", RANDOM));
        sealed[sealed.length - 1] ^= 1;
        assertThat(WechatSafeMode.open(KEY, APPID, Base64.getEncoder().encodeToString(sealed))).isEmpty();
        assertThat(WechatSafeMode.open(KEY, APPID, "not base64 at all!")).isEmpty();
        assertThat(WechatSafeMode.open(KEY, APPID, "AAAA")).isEmpty();
        assertThat(WechatSafeMode.open("short", APPID, WechatCrypto.seal(KEY, APPID, "x", RANDOM))).isEmpty();
    }

    @Test
    void theSignatureIsOverTheSortedPartsIncludingTheCiphertext() {
        String a = WechatSafeMode.signature("token", "1409304348", "xxxxxx", "cipher");
        assertThat(a).hasSize(40).isEqualTo(WechatSafeMode.signature("cipher", "xxxxxx", "token", "1409304348"));
        assertThat(a).isNotEqualTo(WechatSafeMode.signature("token", "1409304348", "xxxxxx", "cipher2"));
        assertThat(WechatSafeMode.sameSignature(a, null)).isFalse();
    }
}
