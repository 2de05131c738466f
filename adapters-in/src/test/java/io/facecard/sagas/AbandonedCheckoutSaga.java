package io.facecard.sagas;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.facecard.domain.checkout.CheckoutCommands.CancelCheckout;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCancelledEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCompletedEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutOpenedEvent;
import io.facecard.domain.checkout.CheckoutId;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;

/**
 * A saga for tests only (never in the WAR): a checkout left open for half an hour is cancelled.
 * It proves the platform's saga wiring (JDBC saga store, association lookup, deadlines,
 * commands from a saga) before the payment saga depends on it. State is JSON (Axon's Jackson
 * serializer), so its fields are read and written directly.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class AbandonedCheckoutSaga {
    public static final Duration PATIENCE = Duration.ofMinutes(30);
    static final String ABANDONED = "checkout-abandoned";

    /** A resource Axon injects (transient: not saga state). */
    @Inject
    private transient CommandGateway commands;
    private CheckoutId checkoutId;
    private Instant giveUpAt;
    private String deadline;

    @StartSaga
    @SagaEventHandler(associationProperty = "checkoutId")
    void on(CheckoutOpenedEvent e, DeadlineManager deadlines) {
        checkoutId = e.checkoutId();
        giveUpAt = e.at().plus(PATIENCE);
        deadline = deadlines.schedule(giveUpAt, ABANDONED);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "checkoutId")
    void on(CheckoutCompletedEvent e, DeadlineManager deadlines) {
        deadlines.cancelSchedule(ABANDONED, deadline);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "checkoutId")
    void on(CheckoutCancelledEvent e, DeadlineManager deadlines) {
        deadlines.cancelSchedule(ABANDONED, deadline);
    }

    @DeadlineHandler(deadlineName = ABANDONED)
    void abandoned() {
        commands.send(new CancelCheckout(checkoutId, "ABANDONED", giveUpAt));
        SagaLifecycle.end();
    }
}
