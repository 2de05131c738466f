package io.facecard.adapters.outbound.payment.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.application.payment.port.PaymentGateway.Charge;
import io.facecard.application.payment.port.PaymentGateway.Result;
import io.facecard.application.payment.port.PaymentGateway.Status;
import io.facecard.application.payment.port.ProviderAccounts.Account;
import io.facecard.domain.payment.PaymentProvider;
import io.facecard.fakes.FakeAlipay;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real alipay-sdk-java over HTTP against the local Alipay fake, which verifies and signs RSA2 as Alipay does. */
class AlipayGatewayTest {
    static FakeAlipay alipay;
    static AlipayGateway gateway;
    static String appPrivateKey;
    static final Account ACCOUNT = new Account(PaymentProvider.ALIPAY, Map.of("sellerId", "2088102146225135"),
            Map.of("appAuthToken", "202612BBf7c1e0a0c7b84b3d"), "hook", Instant.EPOCH);

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair app = g.generateKeyPair();
        appPrivateKey = Base64.getEncoder().encodeToString(app.getPrivate().getEncoded());
        alipay = new FakeAlipay(0, Base64.getEncoder().encodeToString(app.getPublic().getEncoded()), 3_000);
        gateway = new AlipayGateway(alipay.gatewayUrl(), "2021000000000001", appPrivateKey, alipay.alipayPublicKey(), 1_000);
    }

    @AfterAll
    static void stop() {
        alipay.close();
    }

    static String token(char behaviour) {
        return "fp" + UUID.randomUUID().toString().replace("-", "").substring(0, 32) + "ab" + behaviour;
    }

    static Charge charge(String reference, char behaviour) {
        return new Charge(ACCOUNT, reference, 1250, "CNY", token(behaviour), null, reference);
    }

    static String reference() {
        return "FC" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    @Test
    void aFaceTokenIsPaidAtOnceOnTheTenantsBehalf() {
        Result r = gateway.charge(charge(reference(), '1'));
        assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
        FakeAlipay.Received sent = alipay.requests().get(alipay.requests().size() - 1);
        assertThat(sent.method()).isEqualTo("alipay.trade.pay");
        assertThat(sent.appAuthToken()).isEqualTo("202612BBf7c1e0a0c7b84b3d");
        assertThat(sent.bizContent()).containsEntry("scene", "security_code").containsEntry("product_code", "FACE_TO_FACE_PAYMENT")
                .containsEntry("total_amount", "12.50");
    }

    @Test
    void waitingForTheBuyerIsPendingAndQueriesFindItPaid() {
        String ref = reference();
        assertThat(gateway.charge(charge(ref, '2')).status()).isEqualTo(Status.PENDING);
        assertThat(gateway.query(ACCOUNT, ref).status()).isEqualTo(Status.PENDING);
        assertThat(gateway.query(ACCOUNT, ref).status()).isEqualTo(Status.PENDING);
        assertThat(gateway.query(ACCOUNT, ref).status()).isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void aChargeThatNeverResolvesIsReversedAndNothingIsPaid() {
        String ref = reference();
        assertThat(gateway.charge(charge(ref, '3')).status()).isEqualTo(Status.PENDING);
        assertThat(gateway.query(ACCOUNT, ref).status()).isEqualTo(Status.PENDING);
        Result reversed = gateway.reverse(ACCOUNT, ref);
        assertThat(reversed.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(reversed.reason()).isEqualTo("close");
        assertThat(gateway.query(ACCOUNT, ref).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void anInvalidTokenFailsWithAlipaysCode() {
        Result r = gateway.charge(charge(reference(), '4'));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.reason()).isEqualTo("ACQ.PAYMENT_AUTH_CODE_INVALID");
    }

    @Test
    void aTimedOutChargeIsUnknownAndTheQueryTellsTheTruth() {
        String ref = reference();
        assertThat(gateway.charge(charge(ref, '5')).status()).isEqualTo(Status.UNKNOWN);
        assertThat(gateway.query(ACCOUNT, ref).status()).isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void anAnswerSignedByAnotherKeyIsNotBelievedAndABadRequestSignatureIsRefused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String stranger = Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
        AlipayGateway trustsAnother = new AlipayGateway(alipay.gatewayUrl(), "2021000000000001", appPrivateKey, stranger, 1_000);
        assertThat(trustsAnother.charge(charge(reference(), '1')).status()).as("an answer whose signature fails is no answer")
                .isEqualTo(Status.UNKNOWN);
        String otherApp = Base64.getEncoder().encodeToString(g.generateKeyPair().getPrivate().getEncoded());
        AlipayGateway forged = new AlipayGateway(alipay.gatewayUrl(), "2021000000000001", otherApp, alipay.alipayPublicKey(), 1_000);
        Result refused = forged.charge(charge(reference(), '1'));
        assertThat(refused.status()).isEqualTo(Status.FAILED);
        assertThat(refused.reason()).isEqualTo("isv.invalid-signature");
    }
}
