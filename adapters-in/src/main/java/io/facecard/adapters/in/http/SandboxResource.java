package io.facecard.adapters.in.http;

import io.facecard.application.payment.MemberCards;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The sandbox's stand-ins for the outside world (a member's app saving a card). Live platforms answer 404 on every path here. */
@ApplicationScoped
@Path("/sandbox")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SandboxResource {
    @Inject
    MemberCards cards;
    @Inject
    CurrentCaller caller;

    @POST
    @Path("members/{id}/stripe-card")
    public Response saveStripeCard(@PathParam("id") String id, PaymentJson.SandboxCard body) {
        var c = caller.get();
        var m = MemberCardResource.member(id);
        var b = Bodies.required(body);
        return Response.status(201).entity(PaymentJson.CardBody.of(cards.saveInSandbox(c, m, b.paymentMethod()))).build();
    }
}
