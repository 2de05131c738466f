package io.facecard.adapters.inbound.platform;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.membership.MemberCardResource;
import io.facecard.adapters.inbound.payment.PaymentJson;
import io.facecard.application.messaging.SandboxChannels;
import io.facecard.application.payment.MemberCards;
import io.facecard.application.payment.SandboxPayments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The sandbox's stand-ins for the outside world (a member's app saving a card). Live platforms answer 404 on every path here. */
@ApplicationScoped
@Path("/sandbox")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SandboxResource {
    @Inject
    SandboxPayments payments;
    @Inject
    MemberCards cards;
    @Inject
    CurrentCaller caller;
    @Inject
    SandboxChannels channels;

    public record Scan(String ticket, String openid) {}

    public record Start(String token, String chatId) {}

    public record UserMessage(String openid, String text) {}

    public record Clock(Long advanceSeconds) {}

    /** A phone scans the binding QR: the WeChat fake pushes the signed subscribe (or SCAN) event to our callback. */
    @POST
    @Path("wechat/scan")
    public Map<String, Object> scan(Scan body) {
        var c = caller.get();
        var b = Bodies.required(body);
        return channels.scan(c, b.ticket(), b.openid());
    }

    /** A follower writes to the official account: the fake pushes the signed text message, and the 48 h window opens. */
    @POST
    @Path("wechat/message")
    public Map<String, Object> message(UserMessage body) {
        var c = caller.get();
        var b = Bodies.required(body);
        return channels.wechatMessage(c, b.openid(), b.text());
    }

    /** A user opens the deep link: the Telegram fake sends /start with the token to our webhook. */
    @POST
    @Path("telegram/start")
    public Map<String, Object> start(Start body) {
        var c = caller.get();
        var b = Bodies.required(body);
        return channels.start(c, b.token(), b.chatId());
    }

    @GET
    @Path("messages")
    public List<Map<String, Object>> messages(@QueryParam("channel") String channel,
            @QueryParam("to") String to) {
        return channels.messages(caller.get(), channel, to);
    }

    /** The caller's own face-pay payments, refunds and provider notifications at the sandbox, newest first. */
    @GET
    @Path("payments")
    public SandboxPayments.View payments() {
        return payments.recent(caller.get());
    }

    @POST
    @Path("clock")
    public Response clock(Clock body) {
        var c = caller.get();
        channels.clock(c, Bodies.required(body).advanceSeconds());
        return Response.noContent().build();
    }

    @POST
    @Path("members/{id}/stripe-card")
    public Response saveStripeCard(@PathParam("id") String id, PaymentJson.SandboxCard body) {
        var c = caller.get();
        var m = MemberCardResource.member(id);
        var b = Bodies.required(body);
        return Response.status(201).entity(PaymentJson.CardBody.of(cards.saveInSandbox(c, m, b.paymentMethod()))).build();
    }
}
