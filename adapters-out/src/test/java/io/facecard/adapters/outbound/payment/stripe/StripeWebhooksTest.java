package io.facecard.adapters.outbound.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.fakes.FakeStripe;
import org.junit.jupiter.api.Test;

class StripeWebhooksTest {
    static final StripeWebhooks WEBHOOKS = new StripeWebhooks(FakeStripe.WEBHOOK_SECRET);
    static final String INTENT = "{\"id\":\"pi_fake1\",\"object\":\"payment_intent\",\"status\":\"succeeded\",\"amount\":1250}";

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void aDeliverySignedWithTheEndpointsSecretIsBelieved() {
        FakeStripe.Delivery d = FakeStripe.event("payment_intent.succeeded", INTENT, now(), FakeStripe.WEBHOOK_SECRET);
        assertThat(WEBHOOKS.verified(d.body(), d.signature())).hasValueSatisfying(e -> {
            assertThat(e.getType()).isEqualTo("payment_intent.succeeded");
            assertThat(e.getId()).startsWith("evt_");
        });
    }

    @Test
    void forgedAlteredAndStaleDeliveriesAreNot() {
        FakeStripe.Delivery forged = FakeStripe.event("payment_intent.succeeded", INTENT, now(), "whsec_someone_else");
        assertThat(WEBHOOKS.verified(forged.body(), forged.signature())).isEmpty();
        FakeStripe.Delivery d = FakeStripe.event("payment_intent.succeeded", INTENT, now(), FakeStripe.WEBHOOK_SECRET);
        assertThat(WEBHOOKS.verified(d.body().replace("1250", "125000"), d.signature())).as("altered amount").isEmpty();
        FakeStripe.Delivery stale = FakeStripe.event("payment_intent.succeeded", INTENT, now() - 301, FakeStripe.WEBHOOK_SECRET);
        assertThat(WEBHOOKS.verified(stale.body(), stale.signature())).as("older than 300 s").isEmpty();
        assertThat(WEBHOOKS.verified(d.body(), null)).isEmpty();
        assertThat(WEBHOOKS.verified(d.body(), "garbage")).isEmpty();
    }
}
