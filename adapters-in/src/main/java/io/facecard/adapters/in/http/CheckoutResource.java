package io.facecard.adapters.in.http;

import io.facecard.application.checkout.CheckoutFlow;
import io.facecard.application.problem.Refusal;
import io.facecard.domain.membership.MemberId;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** The till's checkout API; every mutating call is idempotent by its {@code Idempotency-Key}. */
@Path("/checkouts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CheckoutResource {
    @Inject
    CheckoutFlow flow;
    @Inject
    IdempotentCalls once;
    @Inject
    CurrentCaller caller;

    @POST
    public Response open(@HeaderParam(IdempotentCalls.HEADER) String key, LoyaltyJson.OpenCheckout body) {
        var c = caller.get();
        var b = Bodies.required(body);
        return once.run(c, key, "POST", "/checkouts", b, 201,
                () -> LoyaltyJson.CheckoutBody.of(flow.open(c, b.currency(), b.lines())));
    }

    @GET
    @Path("{id}")
    public LoyaltyJson.CheckoutBody get(@PathParam("id") String id) {
        return LoyaltyJson.CheckoutBody.of(flow.get(caller.get(), checkout(id)));
    }

    @POST
    @Path("{id}/identify")
    @Consumes({"image/jpeg", "image/png"})
    public Response identifyByFace(@HeaderParam(IdempotentCalls.HEADER) String key, @PathParam("id") String id, byte[] image) {
        var c = caller.get();
        UUID checkout = checkout(id);
        return once.run(c, key, "POST", "/checkouts/" + checkout + "/identify", image, 200,
                () -> LoyaltyJson.CheckoutIdentified.of(flow.identifyByFace(c, checkout, image)));
    }

    @POST
    @Path("{id}/identify")
    public Response identify(@HeaderParam(IdempotentCalls.HEADER) String key, @PathParam("id") String id,
            LoyaltyJson.CheckoutProbe body) {
        var c = caller.get();
        UUID checkout = checkout(id);
        var p = Bodies.required(body);
        int given = (p.cardNumber() == null ? 0 : 1) + (p.phone() == null ? 0 : 1) + (p.memberId() == null ? 0 : 1);
        if (given != 1) {
            throw Refusal.invalid("send exactly one of 'cardNumber', 'phone' or 'memberId'");
        }
        return once.run(c, key, "POST", "/checkouts/" + checkout + "/identify", p, 200, () -> LoyaltyJson.CheckoutIdentified.of(
                p.memberId() != null ? flow.identifyMember(c, checkout, new MemberId(p.memberId()))
                        : p.cardNumber() != null ? flow.identifyBy(c, checkout, "cardNumber", p.cardNumber())
                        : flow.identifyBy(c, checkout, "phone", p.phone())));
    }

    @POST
    @Path("{id}/redemption")
    public Response redeem(@HeaderParam(IdempotentCalls.HEADER) String key, @PathParam("id") String id,
            LoyaltyJson.RedemptionRequest body) {
        var c = caller.get();
        UUID checkout = checkout(id);
        var b = Bodies.required(body);
        return once.run(c, key, "POST", "/checkouts/" + checkout + "/redemption", b, 201,
                () -> LoyaltyJson.RedemptionBody.of(flow.redeem(c, checkout, b.points())));
    }

    @DELETE
    @Path("{id}/redemption")
    public Response release(@HeaderParam(IdempotentCalls.HEADER) String key, @PathParam("id") String id) {
        var c = caller.get();
        UUID checkout = checkout(id);
        return once.run(c, key, "DELETE", "/checkouts/" + checkout + "/redemption", "", 200,
                () -> LoyaltyJson.RedemptionBody.of(flow.release(c, checkout)));
    }

    @POST
    @Path("{id}/complete")
    public Response complete(@HeaderParam(IdempotentCalls.HEADER) String key, @PathParam("id") String id,
            LoyaltyJson.Completion body) {
        var c = caller.get();
        UUID checkout = checkout(id);
        var b = Bodies.required(body);
        return once.run(c, key, "POST", "/checkouts/" + checkout + "/complete", b, 200,
                () -> flow.complete(c, checkout, b.receiptNumber(), b.payments()));
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@HeaderParam(IdempotentCalls.HEADER) String key, @PathParam("id") String id) {
        var c = caller.get();
        UUID checkout = checkout(id);
        return once.run(c, key, "POST", "/checkouts/" + checkout + "/cancel", "", 200,
                () -> LoyaltyJson.CheckoutBody.of(flow.cancel(c, checkout)));
    }

    private static UUID checkout(String id) {
        return Bodies.id(id, "checkout");
    }
}
