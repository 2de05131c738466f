package io.facecard.adapters.inbound.messaging;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.membership.MemberCardResource;
import io.facecard.application.messaging.Channels;
import io.facecard.application.messaging.port.ChannelBindings;
import io.facecard.domain.messaging.Channel;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** A member's messenger channels: bind by a one-time QR or deep link, see the binding's outcome, list, unbind. */
@ApplicationScoped
@Path("/members/{id}/channels")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ChannelResource {
    @Inject
    Channels channels;
    @Inject
    CurrentCaller caller;

    public record BindingBody(String channel, String externalId, boolean active, boolean preferred, Instant boundAt) {
        public static BindingBody of(ChannelBindings.Binding b) {
            return new BindingBody(b.channel().name(), b.externalId(), b.active(), b.preferred(), b.boundAt());
        }
    }

    public record Preferred(String channel) {}

    @PUT
    @Path("preferred")
    public Response prefer(@PathParam("id") String id, Preferred body) {
        var c = caller.get();
        var b = Bodies.required(body);
        channels.prefer(c, MemberCardResource.member(id), channel(b.channel() == null ? "" : b.channel()));
        return Response.noContent().build();
    }

    /** The member confirms that the openid of their WeChat face payment may receive notices. */
    @POST
    @Path("WECHAT/confirm")
    public Response confirm(@PathParam("id") String id) {
        channels.confirmFacePayOpenid(caller.get(), MemberCardResource.member(id));
        return Response.noContent().build();
    }

    public record Items(List<BindingBody> items) {}

    public record Status(String status) {}

    @GET
    public Items list(@PathParam("id") String id) {
        return new Items(channels.list(caller.get(), MemberCardResource.member(id)).stream().map(BindingBody::of).toList());
    }

    @POST
    @Path("{channel}/binding")
    public Response offer(@PathParam("id") String id, @PathParam("channel") String channel) {
        var c = caller.get();
        return Response.status(201).entity(channels.offer(c, MemberCardResource.member(id), channel(channel))).build();
    }

    @GET
    @Path("{channel}/binding/{token}")
    public Status status(@PathParam("id") String id, @PathParam("channel") String channel, @PathParam("token") String token) {
        return new Status(channels.status(caller.get(), MemberCardResource.member(id), channel(channel), token));
    }

    @DELETE
    @Path("{channel}")
    public Response unbind(@PathParam("id") String id, @PathParam("channel") String channel) {
        channels.unbind(caller.get(), MemberCardResource.member(id), channel(channel));
        return Response.noContent().build();
    }

    static Channel channel(String name) {
        try {
            return Channel.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("channel " + name);
        }
    }
}
