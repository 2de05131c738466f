package io.facecard.adapters.inbound.tenancy;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.http.Json;
import io.facecard.tenants.tenancy.Paging;
import io.facecard.tenants.tenancy.StoreManagement;
import io.facecard.tenants.tenancy.TerminalManagement;
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
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Stores and their terminals; the tenant is always the caller's own. */
@ApplicationScoped
@Path("/stores")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StoreResource {
    @Inject
    StoreManagement stores;
    @Inject
    TerminalManagement terminals;
    @Inject
    CurrentCaller caller;

    @POST
    public Response open(Json.StoreDraft draft) {
        Json.StoreDraft d = Bodies.required(draft);
        var store = stores.open(caller.get(), new StoreManagement.StoreDraft(d.name(), d.code(), d.address(), d.timezone()));
        return Response.created(URI.create("stores/" + store.id())).entity(Json.StoreBody.of(store)).build();
    }

    @GET
    public Json.Page<Json.StoreBody> list(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        Paging p = Paging.of(offset, limit);
        return new Json.Page<>(stores.list(caller.get(), p).stream().map(Json.StoreBody::of).toList(), p.offset(), p.limit());
    }

    @GET
    @Path("{id}")
    public Json.StoreBody get(@PathParam("id") String id) {
        return Json.StoreBody.of(stores.get(caller.get(), store(id)));
    }

    @PATCH
    @Path("{id}")
    public Json.StoreBody patch(@PathParam("id") String id, Json.StoreDraft patch) {
        Json.StoreDraft p = Bodies.required(patch);
        return Json.StoreBody.of(stores.change(caller.get(), store(id),
                new StoreManagement.StoreDraft(p.name(), p.code(), p.address(), p.timezone())));
    }

    @POST
    @Path("{id}/terminals")
    public Response register(@PathParam("id") String id, Json.TerminalDraft draft) {
        Json.TerminalDraft d = Bodies.required(draft);
        var registered = terminals.register(caller.get(), store(id), new TerminalManagement.TerminalDraft(d.kind(), d.name()));
        return Response.created(URI.create("stores/" + id + "/terminals/" + registered.terminal().id()))
                .entity(Json.TerminalBody.of(registered.terminal(), registered.apiKey()))
                .build();
    }

    @GET
    @Path("{id}/terminals")
    public List<Json.TerminalBody> terminals(@PathParam("id") String id) {
        return terminals.list(caller.get(), store(id)).stream().map(t -> Json.TerminalBody.of(t, null)).toList();
    }

    @DELETE
    @Path("{id}/terminals/{terminalId}")
    public Response revoke(@PathParam("id") String id, @PathParam("terminalId") String terminalId) {
        terminals.revoke(caller.get(), store(id), Bodies.id(terminalId, "terminal"));
        return Response.noContent().build();
    }

    private static UUID store(String id) {
        return Bodies.id(id, "store");
    }
}
