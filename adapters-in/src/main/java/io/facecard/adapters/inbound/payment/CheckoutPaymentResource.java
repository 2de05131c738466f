package io.facecard.adapters.inbound.payment;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.http.IdempotentCalls;
import io.facecard.adapters.inbound.http.Problems;
import io.facecard.application.payment.FacePay;
import io.facecard.application.payment.TillPayment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The till's face-pay: a payment of a checkout by WeChat Pay, Alipay (the code of their face
 * device) or STRIPE_FACE (the member's saved card). Not one idempotent transaction like the other
 * till calls: the provider is called between two, and the payment's id, derived from the key,
 * makes a retry the same payment.
 */
@ApplicationScoped
@Path("/checkouts/{id}/payments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CheckoutPaymentResource {
    @Inject
    FacePay pay;
    @Inject
    CurrentCaller caller;

    @POST
    public Response pay(@HeaderParam(IdempotentCalls.HEADER) String key, @PathParam("id") String id, PaymentJson.PayRequest body) {
        var c = caller.get();
        var checkout = Bodies.id(id, "checkout");
        var b = Bodies.required(body);
        var request = TillPayment.of(b.method(), b.amount(), b.authCode(), b.confirmedByCustomer());
        PaymentJson.PaymentBody paid = PaymentJson.PaymentBody.of(pay.pay(c, checkout, key, request));
        if (paid.status().equals("FAILED")) {
            // Declined (no money, a wrong code): 402 as the providers answer it, the same on a retry with the key.
            return Problems.response(402, "payment-declined", "Payment Required", "the provider declined the payment ("
                    + paid.reason() + "); the customer pays another way", paid.reason(),
                    Map.of("paymentId", paid.paymentId().toString(), "paymentStatus", paid.status()));
        }
        return Response.status(201).entity(paid).build();
    }

    @GET
    public PaymentJson.PaymentList list(@PathParam("id") String id) {
        return new PaymentJson.PaymentList(pay.list(caller.get(), Bodies.id(id, "checkout")).stream().map(PaymentJson.PaymentBody::of)
                .toList());
    }

    @GET
    @Path("{paymentId}")
    public PaymentJson.PaymentBody get(@PathParam("id") String id, @PathParam("paymentId") String payment) {
        return PaymentJson.PaymentBody.of(pay.get(caller.get(), Bodies.id(id, "checkout"), Bodies.id(payment, "payment")));
    }
}
