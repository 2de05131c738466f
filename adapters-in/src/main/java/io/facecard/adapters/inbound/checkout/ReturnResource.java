package io.facecard.adapters.inbound.checkout;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.http.IdempotentCalls;
import io.facecard.adapters.inbound.loyalty.LoyaltyJson;
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

/** Returns: the points earned on the returned lines are reversed, redeemed points given back in proportion. */
@ApplicationScoped
@Path("/returns")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReturnResource {
    @Inject
    AfterSales afterSales;
    @Inject
    IdempotentCalls once;
    @Inject
    CurrentCaller caller;

    @POST
    public Response returns(@HeaderParam(IdempotentCalls.HEADER) String key, LoyaltyJson.Return body) {
        var c = caller.get();
        var b = Bodies.required(body);
        return once.run(c, key, "POST", "/returns", b, 201, () -> afterSales.returnLines(c, b.receiptNumber(), b.lines()));
    }
}
