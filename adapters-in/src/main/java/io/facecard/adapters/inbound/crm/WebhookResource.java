package io.facecard.adapters.inbound.crm;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.application.crm.WebhookAdmin;
import io.facecard.application.crm.port.CrmEventType;
import io.facecard.application.crm.port.WebhookDeliveries;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A tenant admin's CRM webhook endpoints, their secrets (shown once), delivery log, replay and test ping. */
@ApplicationScoped
@Path("/crm/webhooks")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {
    @Inject
    WebhookAdmin admin;
    @Inject
    CurrentCaller caller;

    @POST
    public Response register(CrmJson.NewEndpoint body) {
        var c = caller.get();
        CrmJson.NewEndpoint b = Bodies.required(body);
        var created = admin.register(c, new WebhookAdmin.Registration(b.url(), events(b.events()), Boolean.TRUE.equals(b.personalData()),
                b.description()));
        return Response.status(201).entity(CrmJson.WithSecret.of(created)).build();
    }

    @GET
    public CrmJson.Endpoints list() {
        return new CrmJson.Endpoints(admin.list(caller.get()).stream().map(CrmJson.EndpointBody::of).toList());
    }

    @GET
    @Path("{id}")
    public CrmJson.EndpointBody get(@PathParam("id") String id) {
        var c = caller.get();
        return CrmJson.EndpointBody.of(admin.get(c, endpoint(id)));
    }

    @PATCH
    @Path("{id}")
    public CrmJson.EndpointBody change(@PathParam("id") String id, CrmJson.EndpointChange body) {
        var c = caller.get();
        CrmJson.EndpointChange b = Bodies.required(body);
        return CrmJson.EndpointBody.of(admin.change(c, endpoint(id), new WebhookAdmin.Change(b.url(),
                b.events() == null ? null : events(b.events()), b.personalData(), b.description(), b.enabled())));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        var c = caller.get();
        admin.delete(c, endpoint(id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/secret")
    public CrmJson.WithSecret rotate(@PathParam("id") String id, CrmJson.Rotation body) {
        var c = caller.get();
        CrmJson.Rotation b = Bodies.required(body);
        return CrmJson.WithSecret.of(admin.rotate(c, endpoint(id), Duration.ofHours(b.overlapHours() == null ? 24 : b.overlapHours())));
    }

    @POST
    @Path("{id}/ping")
    public Response ping(@PathParam("id") String id) {
        var c = caller.get();
        return Response.status(202).entity(new CrmJson.Queued(admin.ping(c, endpoint(id)))).build();
    }

    @GET
    @Path("{id}/deliveries")
    public CrmJson.Deliveries deliveries(@PathParam("id") String id, @QueryParam("status") String status, @QueryParam("limit") String limit) {
        var c = caller.get();
        return new CrmJson.Deliveries(admin.deliveries(c, endpoint(id), status(status), limit(limit)).stream()
                .map(CrmJson.DeliveryBody::of).toList());
    }

    @GET
    @Path("{id}/deliveries/{deliveryId}")
    public CrmJson.DeliveryBody delivery(@PathParam("id") String id, @PathParam("deliveryId") String delivery) {
        var c = caller.get();
        return CrmJson.DeliveryBody.of(admin.delivery(c, endpoint(id), Bodies.id(delivery, "delivery")));
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/replay")
    public Response replay(@PathParam("id") String id, @PathParam("deliveryId") String delivery) {
        var c = caller.get();
        return Response.status(202).entity(CrmJson.DeliveryBody.of(admin.replay(c, endpoint(id), Bodies.id(delivery, "delivery")))).build();
    }

    private static UUID endpoint(String id) {
        return Bodies.id(id, "webhook endpoint");
    }

    static Set<CrmEventType> events(List<String> names) {
        Set<CrmEventType> out = EnumSet.noneOf(CrmEventType.class);
        for (String n : names) {
            out.add(CrmEventType.ofWire(n).orElseThrow(() -> Refusal.invalid("'events' has an unknown event type: " + n)));
        }
        return out;
    }

    private static WebhookDeliveries.Status status(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return WebhookDeliveries.Status.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("'status' is one of PENDING, PAUSED, DELIVERED, FAILED");
        }
    }

    private static int limit(String raw) {
        if (raw == null) {
            return 50;
        }
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= 200) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Refusal.invalid("'limit' is a whole number from 1 to 200");
    }
}
