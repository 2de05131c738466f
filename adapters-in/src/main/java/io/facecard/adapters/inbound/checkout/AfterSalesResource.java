package io.facecard.adapters.inbound.checkout;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.http.IdempotentCalls;
import io.facecard.application.checkout.AfterSales;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** What a till reports after the sale, each once per Idempotency-Key: a purchase made offline, a return. */
@ApplicationScoped
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AfterSalesResource {
    @Inject
    AfterSales afterSales;
    @Inject
    IdempotentCalls once;
    @Inject
    CurrentCaller caller;

    /** A purchase reported later by a till that was offline: credited once per receipt number. */
    @POST
    @Path("purchases")
    public Response purchase(@HeaderParam(IdempotentCalls.HEADER) String key, CheckoutJson.Purchase body) {
        var c = caller.get();
        var b = Bodies.required(body);
        return once.run(c, key, "POST", "/purchases", b, 201, () -> afterSales.purchase(c, b.receiptNumber(), b.occurredAt(),
                b.member(), b.currency(), b.lines(), b.payments()));
    }

    /** A return: the points earned on the returned lines are reversed, redeemed points given back in proportion. */
    @POST
    @Path("returns")
    public Response returns(@HeaderParam(IdempotentCalls.HEADER) String key, CheckoutJson.Return body) {
        var c = caller.get();
        var b = Bodies.required(body);
        return once.run(c, key, "POST", "/returns", b, 201, () -> afterSales.returnLines(c, b.receiptNumber(), b.lines()));
    }
}
