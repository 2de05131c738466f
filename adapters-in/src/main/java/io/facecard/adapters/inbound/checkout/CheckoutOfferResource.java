package io.facecard.adapters.inbound.checkout;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.http.IdempotentCalls;
import io.facecard.application.checkout.OfferFlow;
import io.facecard.application.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** The identified member's personal offer on a checkout: applied by id or coupon code, removed. */
@ApplicationScoped
@Path("/checkouts/{id}/offers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CheckoutOfferResource {
    public record ApplyRequest(UUID offerId, String couponCode) {}

    public record Removed(UUID checkoutId, UUID removed) {}

    @Inject
    OfferFlow offers;
    @Inject
    IdempotentCalls once;
    @Inject
    CurrentCaller caller;

    @POST
    public Response apply(@HeaderParam(IdempotentCalls.HEADER) String key, @PathParam("id") String id, ApplyRequest body) {
        Caller c = caller.get();
        UUID checkout = Bodies.id(id, "checkout");
        ApplyRequest b = Bodies.required(body);
        return once.run(c, key, "POST", "/checkouts/" + checkout + "/offers", b, 201,
                () -> offers.apply(c, checkout, b.offerId(), b.couponCode()));
    }

    @DELETE
    @Path("{offerId}")
    public Response remove(@HeaderParam(IdempotentCalls.HEADER) String key, @PathParam("id") String id,
            @PathParam("offerId") String offerId) {
        Caller c = caller.get();
        UUID checkout = Bodies.id(id, "checkout");
        UUID offer = Bodies.id(offerId, "offer");
        return once.run(c, key, "DELETE", "/checkouts/" + checkout + "/offers/" + offer, "", 200, () -> {
            offers.remove(c, checkout, offer);
            return new Removed(checkout, offer);
        });
    }
}
