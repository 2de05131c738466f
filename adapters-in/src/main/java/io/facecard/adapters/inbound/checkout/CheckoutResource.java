package io.facecard.adapters.inbound.checkout;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.http.FrameBodies;
import io.facecard.adapters.inbound.http.IdempotentCalls;
import io.facecard.application.checkout.CheckoutFlow;
import io.facecard.application.checkout.TillRequests;
import io.facecard.application.security.Caller;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The till's checkout API; every mutating call is idempotent by its {@code Idempotency-Key}.
 * Resources are application-scoped: they hold only injected proxies, and building one per call
 * (constructor, injection) was 3 % of the server's CPU under till load.
 */
@ApplicationScoped
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
    public Response open(@HeaderParam(IdempotentCalls.HEADER) String key, CheckoutJson.OpenCheckout body) {
        var c = caller.get();
        var b = Bodies.required(body);
        return once.run(c, key, "POST", "/checkouts", b, 201,
                () -> CheckoutJson.CheckoutBody.of(flow.open(c, new TillRequests.Open(b.currency(), b.lines()))));
    }

    @GET
    @Path("{id}")
    public CheckoutJson.CheckoutBody get(@PathParam("id") String id) {
        return CheckoutJson.CheckoutBody.of(flow.get(caller.get(), checkout(id)));
    }

    @POST
    @Path("{id}/identify")
    @Consumes({"image/jpeg", "image/png", "image/webp"})
    public Response identifyByFace(@HeaderParam(IdempotentCalls.HEADER) String key, @PathParam("id") String id, byte[] image) {
        return step(key, "POST", id, "identify", image, 200,
                (c, checkout) -> CheckoutJson.CheckoutIdentified.of(flow.identifyByFace(c, checkout, List.of(image))));
    }

    /** A burst of up to five frames of one customer, one image part each, fused into one probe. */
    @POST
    @Path("{id}/identify")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response identifyByFrames(@HeaderParam(IdempotentCalls.HEADER) String key, @PathParam("id") String id,
            List<EntityPart> parts) {
        List<byte[]> frames = FrameBodies.parts(parts);
        return step(key, "POST", id, "identify", FrameBodies.fingerprint(frames), 200,
                (c, checkout) -> CheckoutJson.CheckoutIdentified.of(flow.identifyByFace(c, checkout, frames)));
    }

    @POST
    @Path("{id}/identify")
    public Response identify(@HeaderParam(IdempotentCalls.HEADER) String key, @PathParam("id") String id,
            CheckoutJson.CheckoutProbe body) {
        var c = caller.get();
        UUID checkout = checkout(id);
        var p = Bodies.required(body);
        if (p.frames() != null) {
            if (p.cardNumber() != null || p.phone() != null || p.memberId() != null || p.candidateToken() != null) {
                throw Refusal.invalid("send exactly one of 'frames', 'cardNumber', 'phone', 'memberId' or 'candidateToken'");
            }
            List<byte[]> frames = FrameBodies.decode(p.frames(), "frames");
            return once.run(c, key, "POST", "/checkouts/" + checkout + "/identify", p, 200,
                    () -> CheckoutJson.CheckoutIdentified.of(flow.identifyByFace(c, checkout, frames)));
        }
        var by = new TillRequests.Identify(p.cardNumber(), p.phone(), p.memberId(), p.candidateToken(), p.phoneLast4());
        return once.run(c, key, "POST", "/checkouts/" + checkout + "/identify", p, 200,
                () -> CheckoutJson.CheckoutIdentified.of(flow.identify(c, checkout, by)));
    }

    @POST
    @Path("{id}/redemption")
    public Response redeem(@HeaderParam(IdempotentCalls.HEADER) String key, @PathParam("id") String id,
            CheckoutJson.RedemptionRequest body) {
        return step(key, "POST", id, "redemption", body, 201,
                (c, checkout) -> CheckoutJson.RedemptionBody.of(flow.redeem(c, checkout, new TillRequests.Redeem(body.points()))));
    }

    @DELETE
    @Path("{id}/redemption")
    public Response release(@HeaderParam(IdempotentCalls.HEADER) String key, @PathParam("id") String id) {
        return step(key, "DELETE", id, "redemption", "", 200,
                (c, checkout) -> CheckoutJson.RedemptionBody.of(flow.release(c, checkout)));
    }

    @POST
    @Path("{id}/complete")
    public Response complete(@HeaderParam(IdempotentCalls.HEADER) String key, @PathParam("id") String id,
            CheckoutJson.Completion body) {
        return step(key, "POST", id, "complete", body, 200,
                (c, checkout) -> flow.complete(c, checkout, new TillRequests.Complete(body.receiptNumber(), body.payments())));
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@HeaderParam(IdempotentCalls.HEADER) String key, @PathParam("id") String id) {
        return step(key, "POST", id, "cancel", "", 200, (c, checkout) -> CheckoutJson.CheckoutBody.of(flow.cancel(c, checkout)));
    }

    /** One idempotent step of a checkout: the caller first (401), then the id (404), then the body (400). */
    private Response step(String key, String method, String id, String step, Object body, int status,
            BiFunction<Caller, UUID, Object> call) {
        Caller c = caller.get();
        UUID checkout = checkout(id);
        Object b = Bodies.required(body);
        return once.run(c, key, method, "/checkouts/" + checkout + "/" + step, b, status, () -> call.apply(c, checkout));
    }

    private static UUID checkout(String id) {
        return Bodies.id(id, "checkout");
    }
}
