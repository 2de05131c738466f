package io.facecard.adapters.inbound.instore;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.application.instore.StoreAlerts;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * Alert episodes of the tenant's stores: a page after an id, a live Server-Sent Events stream (resumed with
 * {@code Last-Event-ID}), and a staff member's acknowledgement.
 */
@ApplicationScoped
@Path("/alerts")
public class AlertResource {
    @Inject
    StoreAlerts alerts;
    @Inject
    AlertFeed feed;
    @Inject
    CurrentCaller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public InStoreJson.AlertsBody page(@QueryParam("after") String after, @QueryParam("storeId") String store) {
        var scope = alerts.scope(caller.get(), store == null ? null : Bodies.id(store, "store"));
        return new InStoreJson.AlertsBody(alerts.after(scope, after == null ? 0 : position(after, "after")).stream()
                .map(InStoreJson.AlertBody::of).toList());
    }

    /** Without {@code Last-Event-ID} (or {@code after}) the stream starts with the next alert raised. */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("after") String after,
            @QueryParam("storeId") String store, @Context SseEventSink sink, @Context Sse sse) {
        var scope = alerts.scope(caller.get(), store == null ? null : Bodies.id(store, "store"));
        long from = lastEventId != null ? position(lastEventId, "Last-Event-ID")
                : after != null ? position(after, "after") : alerts.latest(scope);
        feed.follow(scope, sink, sse, from);
    }

    @POST
    @Path("{alertId}/acknowledgement")
    @Produces(MediaType.APPLICATION_JSON)
    public InStoreJson.AlertBody acknowledge(@PathParam("alertId") String id) {
        var caller = this.caller.get();
        long alert;
        try {
            alert = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw Refusal.notFound("alert " + id);
        }
        return InStoreJson.AlertBody.of(alerts.acknowledge(caller, alert));
    }

    private static long position(String raw, String what) {
        try {
            long v = Long.parseLong(raw.strip());
            if (v < 0) {
                throw Refusal.invalid("'" + what + "' must be an alert id (0 or more)");
            }
            return v;
        } catch (NumberFormatException e) {
            throw Refusal.invalid("'" + what + "' must be an alert id (0 or more)");
        }
    }
}
