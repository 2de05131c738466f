package io.facecard.adapters.outbound.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.application.payment.port.PaymentGateway.Charge;
import io.facecard.application.payment.port.PaymentGateway.Refund;
import io.facecard.application.payment.port.PaymentGateway.Result;
import io.facecard.application.payment.port.PaymentGateway.Status;
import io.facecard.application.payment.port.ProviderAccounts.Account;
import io.facecard.domain.payment.PaymentProvider;
import io.facecard.fakes.FakeStripe;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real stripe-java SDK over HTTP against the local Stripe fake: what each answer becomes, and money moving once. */
class StripeGatewayTest {
    static FakeStripe stripe;
    static StripeGateway gateway;
    static final Account ACCOUNT = new Account(PaymentProvider.STRIPE, Map.of("connectedAccountId", "acct_1032D82eZvKYlo2C"), Map.of(),
            "hook", Instant.EPOCH);

    @BeforeAll
    static void start() throws Exception {
        stripe = new FakeStripe(0);
        gateway = new StripeGateway(FakeStripe.SECRET_KEY, stripe.url());
    }

    @AfterAll
    static void stop() {
        stripe.close();
    }

    static Charge charge(String card, long amount, String key) {
        return new Charge(ACCOUNT, "checkout-1", amount, "EUR", card, "cus_fake1", key);
    }

    @Test
    void aSavedCardIsChargedOnTheTenantsConnectedAccount() {
        Result r = gateway.charge(charge("pm_card_visa", 1250, UUID.randomUUID().toString()));
        assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(r.providerReference()).startsWith("pi_");
        FakeStripe.Received sent = stripe.requests().get(stripe.requests().size() - 1);
        assertThat(sent.account()).isEqualTo("acct_1032D82eZvKYlo2C");
        assertThat(sent.params()).containsEntry("amount", "1250").containsEntry("currency", "eur")
                .containsEntry("off_session", "true").containsEntry("confirm", "true").containsEntry("customer", "cus_fake1");
    }

    @Test
    void theSameKeyChargesOnceAndAnotherAmountUnderItIsRefused() {
        String key = UUID.randomUUID().toString();
        Result first = gateway.charge(charge("pm_card_visa", 990, key));
        Result retried = gateway.charge(charge("pm_card_visa", 990, key));
        assertThat(retried.providerReference()).as("the provider answered its first answer again").isEqualTo(first.providerReference());
        Result changed = gateway.charge(charge("pm_card_visa", 991, key));
        assertThat(changed.status()).isEqualTo(Status.FAILED);
        assertThat(changed.reason()).isEqualTo("idempotency_error");
    }

    @Test
    void stripesTestCardsFailAsStripeSays() {
        Result declined = gateway.charge(charge("pm_card_chargeDeclined", 500, UUID.randomUUID().toString()));
        assertThat(declined.status()).isEqualTo(Status.FAILED);
        assertThat(declined.reason()).isEqualTo("card_declined");
        Result auth = gateway.charge(charge("pm_card_authenticationRequired", 500, UUID.randomUUID().toString()));
        assertThat(auth.status()).isEqualTo(Status.FAILED);
        assertThat(auth.reason()).as("the till offers another method").isEqualTo("authentication_required");
    }

    @Test
    void aRefundUnderOneKeyRefundsOnceAndNeverMoreThanWasPaid() {
        Result paid = gateway.charge(charge("pm_card_visa", 2000, UUID.randomUUID().toString()));
        String key = UUID.randomUUID().toString();
        Result refund = gateway.refund(new Refund(ACCOUNT, paid.providerReference(), 1500, key));
        assertThat(refund.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(gateway.refund(new Refund(ACCOUNT, paid.providerReference(), 1500, key)).providerReference())
                .isEqualTo(refund.providerReference());
        Result tooMuch = gateway.refund(new Refund(ACCOUNT, paid.providerReference(), 1500, UUID.randomUUID().toString()));
        assertThat(tooMuch.status()).isEqualTo(Status.FAILED);
        assertThat(tooMuch.reason()).isEqualTo("charge_already_refunded");
    }

    @Test
    void anUnreachableProviderIsUnknownNotFailedAndAWrongKeyIsRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Result unreachable = new StripeGateway(FakeStripe.SECRET_KEY, "http://127.0.0.1:" + port)
                .charge(charge("pm_card_visa", 100, UUID.randomUUID().toString()));
        assertThat(unreachable.status()).as("it may have charged: query before anything else").isEqualTo(Status.UNKNOWN);
        Result wrongKey = new StripeGateway("sk_test_wrong", stripe.url()).charge(charge("pm_card_visa", 100, UUID.randomUUID().toString()));
        assertThat(wrongKey.status()).isEqualTo(Status.FAILED);
    }

    @Test
    void aChargeShownInALogCarriesNoPaymentMethod() {
        assertThat(charge("pm_card_visa", 100, "k").toString()).doesNotContain("pm_card_visa").doesNotContain("cus_fake1");
    }
}
