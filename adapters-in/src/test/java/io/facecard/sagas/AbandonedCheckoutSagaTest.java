package io.facecard.sagas;

import io.facecard.domain.checkout.Basket;
import io.facecard.domain.checkout.CheckoutCommands.CancelCheckout;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCompletedEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutOpenedEvent;
import io.facecard.domain.checkout.CheckoutId;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AbandonedCheckoutSagaTest {
    static final TenantId TENANT = new TenantId(new UUID(7, 1));
    static final CheckoutId CHECKOUT = new CheckoutId(new UUID(7, 2));
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    SagaTestFixture<AbandonedCheckoutSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(AbandonedCheckoutSaga.class);
    }

    static CheckoutOpenedEvent opened() {
        return new CheckoutOpenedEvent(TENANT, CHECKOUT, new UUID(7, 3), new UUID(7, 4), "EUR",
                List.of(new Basket.Line("TEA", "Tea", null, BigDecimal.ONE, new BigDecimal("2.00"), new BigDecimal("2.00"))),
                new BigDecimal("2.00"), T0);
    }

    @Test
    void anOpenedCheckoutIsWatchedUntilItsPatienceRunsOut() {
        fixture.givenCurrentTime(T0)
                .whenPublishingA(opened())
                .expectActiveSagas(1)
                .expectAssociationWith("checkoutId", CHECKOUT)
                .expectScheduledDeadlineWithName(AbandonedCheckoutSaga.PATIENCE, AbandonedCheckoutSaga.ABANDONED)
                .expectNoDispatchedCommands();
    }

    @Test
    void aCheckoutLeftOpenIsCancelled() {
        fixture.givenCurrentTime(T0).andThenAPublished(opened())
                .whenTimeElapses(AbandonedCheckoutSaga.PATIENCE.plusSeconds(1))
                .expectDispatchedCommands(new CancelCheckout(CHECKOUT, "ABANDONED", T0.plus(AbandonedCheckoutSaga.PATIENCE)))
                .expectActiveSagas(0);
    }

    @Test
    void aCompletedCheckoutEndsTheWatchAndItsDeadline() {
        fixture.givenCurrentTime(T0).andThenAPublished(opened())
                .whenPublishingA(new CheckoutCompletedEvent(TENANT, CHECKOUT, null, "R-1", List.of(), 0, 0, T0.plusSeconds(60)))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoAssociationWith("checkoutId", CHECKOUT);
    }

    @Test
    void anotherCheckoutsEventsDoNotTouchTheWatch() {
        fixture.givenCurrentTime(T0).andThenAPublished(opened())
                .whenPublishingA(new CheckoutCompletedEvent(TENANT, new CheckoutId(new UUID(7, 9)), null, "R-2", List.of(), 0, 0, T0))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofMinutes(30), AbandonedCheckoutSaga.ABANDONED);
    }
}
