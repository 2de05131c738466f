package io.facecard.adapters.outbound.payment;

import io.facecard.adapters.outbound.axon.AxonContext;
import io.facecard.domain.payment.Payment;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The payment context's part of Axon: the payment aggregate and its read model, kept in the command's transaction. */
@ApplicationScoped
public class PaymentAxon implements AxonContext {
    static final String PROCESSOR = "payments";

    @Override
    public List<Aggregate> aggregates() {
        return List.of(Aggregate.of(Payment.class));
    }

    @Override
    public List<Processor> processors() {
        return List.of(Processor.subscribing(PROCESSOR));
    }
}
