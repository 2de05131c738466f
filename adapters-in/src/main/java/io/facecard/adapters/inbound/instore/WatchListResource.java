package io.facecard.adapters.inbound.instore;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.http.FrameBodies;
import io.facecard.application.instore.WatchListManagement;
import io.facecard.domain.membership.MemberId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Watch lists (VIP, STAFF, BANNED, custom) and their entries: admins and store managers. */
@ApplicationScoped
@Path("/watch-lists")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WatchListResource {
    @Inject
    WatchListManagement lists;
    @Inject
    CurrentCaller caller;

    @GET
    public InStoreJson.Lists all() {
        return new InStoreJson.Lists(lists.lists(caller.get()).stream().map(InStoreJson.ListBody::of).toList());
    }

    @POST
    public Response create(InStoreJson.NewList body) {
        var caller = this.caller.get();
        InStoreJson.NewList b = Bodies.required(body);
        return Response.status(201).entity(InStoreJson.ListBody.of(lists.create(caller, b.name(), b.kind(), b.falseAlertsPer10k()))).build();
    }

    @GET
    @Path("{listId}/entries")
    public InStoreJson.Entries entries(@PathParam("listId") String list) {
        var caller = this.caller.get();
        return new InStoreJson.Entries(lists.entries(caller, Bodies.id(list, "watch list")).stream().map(InStoreJson.EntryBody::of).toList());
    }

    @POST
    @Path("{listId}/entries")
    public Response add(@PathParam("listId") String list, InStoreJson.NewEntry body) {
        var caller = this.caller.get();
        InStoreJson.NewEntry b = Bodies.required(body);
        var draft = new WatchListManagement.NewEntry(b.memberId() == null ? null : new MemberId(Bodies.id(b.memberId(), "member")),
                b.photo() == null ? null : FrameBodies.decodeOne(b.photo(), "photo"), b.label(), b.reason(), b.expiresAt(),
                b.staffAccountId() == null ? null : Bodies.id(b.staffAccountId(), "staff account"), b.consent());
        return Response.status(201).entity(InStoreJson.EntryBody.of(lists.add(caller, Bodies.id(list, "watch list"), draft))).build();
    }

    @DELETE
    @Path("{listId}/entries/{entryId}")
    public Response remove(@PathParam("listId") String list, @PathParam("entryId") String entry) {
        var caller = this.caller.get();
        lists.remove(caller, Bodies.id(list, "watch list"), Bodies.id(entry, "entry"));
        return Response.noContent().build();
    }
}
