package io.facecard.adapters.outbound.payment.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.application.payment.port.PaymentGateway.Charge;
import io.facecard.application.payment.port.PaymentGateway.Refund;
import io.facecard.application.payment.port.PaymentGateway.Result;
import io.facecard.application.payment.port.PaymentGateway.Status;
import io.facecard.application.payment.port.ProviderAccounts.Account;
import io.facecard.application.payment.port.WechatFaceDevices;
import io.facecard.domain.payment.PaymentProvider;
import io.facecard.fakes.FakeWechatPay;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real wechatpay-java signing client over HTTP against the local WeChat Pay fake, which verifies and signs as WeChat Pay does. */
class WechatPayGatewayTest {
    static final String V2_KEY = "facecardv2keyfacecardv2keyfacecd";
    static final String API_V3_KEY = "facecardapiv3keyfacecardapiv3key";
    static final Account ACCOUNT = new Account(PaymentProvider.WECHAT_PAY, Map.of("subMchid", "1900000109"), Map.of(), "hook",
            Instant.EPOCH);
    static FakeWechatPay wechat;
    static WechatPayGateway gateway;
    static String merchantKey;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair merchant = g.generateKeyPair();
        merchantKey = Base64.getEncoder().encodeToString(merchant.getPrivate().getEncoded());
        wechat = new FakeWechatPay(0, merchant.getPublic(), V2_KEY, 3_000);
        gateway = gateway(wechat.publicKey());
    }

    static WechatPayGateway gateway(String wechatPublicKey) {
        return new WechatPayGateway(wechat.url(), FakeWechatPay.SP_MCHID, FakeWechatPay.SP_APPID, FakeWechatPay.MERCHANT_SERIAL,
                merchantKey, FakeWechatPay.PUBLIC_KEY_ID, wechatPublicKey, API_V3_KEY, 1_000);
    }

    @AfterAll
    static void stop() {
        wechat.close();
    }

    static String reference() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static Charge charge(String reference, char behaviour) {
        return new Charge(ACCOUNT, reference, 1250, "CNY", "13000000000000000" + behaviour, null, reference);
    }

    @Test
    void aFaceCodeThatPaysAtOnceSucceedsWithThePayersOpenid() {
        Result r = gateway.charge(charge(reference(), '1'));
        assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(r.providerReference()).startsWith("4200");
        assertThat(r.payer()).startsWith("oSubOpenid");
    }

    @Test
    void userPayingIsPendingAndTheThirdQueryFindsItPaid() {
        String ref = reference();
        assertThat(gateway.charge(charge(ref, '2')).status()).isEqualTo(Status.PENDING);
        assertThat(gateway.query(ACCOUNT, ref).status()).isEqualTo(Status.PENDING);
        assertThat(gateway.query(ACCOUNT, ref).status()).isEqualTo(Status.PENDING);
        assertThat(gateway.query(ACCOUNT, ref).status()).isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void aReversedChargeIsRevokedAndAnUnknownReferenceIsNotAFailure() {
        String ref = reference();
        assertThat(gateway.charge(charge(ref, '3')).status()).isEqualTo(Status.PENDING);
        assertThat(gateway.reverse(ACCOUNT, ref).status()).isEqualTo(Status.SUCCEEDED);
        assertThat(gateway.query(ACCOUNT, ref).status()).isEqualTo(Status.FAILED);
        assertThat(gateway.query(ACCOUNT, reference()).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void notEnoughMoneyFailsAndATimeoutIsUnknownUntilTheQuerySaysPaid() {
        Result broke = gateway.charge(charge(reference(), '4'));
        assertThat(broke.status()).isEqualTo(Status.FAILED);
        assertThat(broke.reason()).isEqualTo("NOTENOUGH");
        String ref = reference();
        assertThat(gateway.charge(charge(ref, '5')).status()).isEqualTo(Status.UNKNOWN);
        assertThat(gateway.query(ACCOUNT, ref).status()).isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void anAnswerSignedWithAnotherKeyIsNotBelieved() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        WechatPayGateway fooled = gateway(Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded()));
        assertThat(fooled.charge(charge(reference(), '1')).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void theSameRefundNumberRefundsOnce() {
        String ref = reference();
        gateway.charge(charge(ref, '1'));
        Refund refund = new Refund(ACCOUNT, ref, null, 500, 1250, "CNY", "r-" + ref);
        Result first = gateway.refund(refund);
        assertThat(first.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(gateway.refund(refund).providerReference()).isEqualTo(first.providerReference());
        assertThat(gateway.refund(new Refund(ACCOUNT, ref, null, 800, 1250, "CNY", "r2-" + ref)).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void theFaceDeviceGetsAnAuthinfoSignedUnderTheV2Key() {
        WechatFaceAuth auth = new WechatFaceAuth(wechat.url() + "/face/get_wxpayface_authinfo", FakeWechatPay.SP_APPID,
                FakeWechatPay.SP_MCHID, V2_KEY, Clock.systemUTC());
        assertThat(auth.authinfo(ACCOUNT, "rawdata", "dev-1", "store-1", "Store").authinfo()).startsWith("FAKEAUTHINFO");
        WechatFaceAuth wrongKey = new WechatFaceAuth(wechat.url() + "/face/get_wxpayface_authinfo", FakeWechatPay.SP_APPID,
                FakeWechatPay.SP_MCHID, "another-key", Clock.systemUTC());
        assertThatThrownBy(() -> wrongKey.authinfo(ACCOUNT, "rawdata", "dev-1", "store-1", "Store"))
                .isInstanceOf(WechatFaceDevices.Unavailable.class);
    }
}
