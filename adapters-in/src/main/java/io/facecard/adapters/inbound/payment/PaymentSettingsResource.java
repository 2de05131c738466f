package io.facecard.adapters.inbound.payment;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.application.payment.PaymentTerms;
import io.facecard.application.payment.port.PaymentSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A tenant admin's face-pay settings; every field is optional, one left out takes its default. */
@ApplicationScoped
@Path("/payment-settings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentSettingsResource {
    @Inject
    PaymentTerms terms;
    @Inject
    CurrentCaller caller;

    @GET
    public PaymentSettings get() {
        return terms.get(caller.get());
    }

    @PUT
    public PaymentSettings put(PaymentJson.Settings body) {
        var c = caller.get();
        return terms.put(c, Bodies.required(body).withDefaults());
    }
}
