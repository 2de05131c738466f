package io.facecard.adapters.inbound.membership;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.payment.PaymentJson;
import io.facecard.application.payment.MemberCards;
import io.facecard.domain.membership.MemberId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A member's cards saved for face-pay at the till. */
@ApplicationScoped
@Path("/members/{id}/payment-methods")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MemberCardResource {
    @Inject
    MemberCards cards;
    @Inject
    CurrentCaller caller;

    @GET
    public PaymentJson.CardList list(@PathParam("id") String id) {
        return new PaymentJson.CardList(cards.list(caller.get(), member(id)).stream().map(PaymentJson.CardBody::of).toList());
    }

    @DELETE
    @Path("{paymentMethod}")
    public Response remove(@PathParam("id") String id, @PathParam("paymentMethod") String paymentMethod) {
        cards.remove(caller.get(), member(id), paymentMethod);
        return Response.noContent().build();
    }

    public static MemberId member(String id) {
        return new MemberId(Bodies.id(id, "member"));
    }
}
