package io.facecard.adapters.inbound.tenancy;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.http.Json;
import io.facecard.tenants.tenancy.LoginLocks;
import io.facecard.tenants.tenancy.Paging;
import io.facecard.tenants.tenancy.StaffManagement;
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

@ApplicationScoped
@Path("/users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
    @Inject
    StaffManagement staff;
    @Inject
    LoginLocks locks;
    @Inject
    CurrentCaller caller;

    /** Accounts that failed logins locked now: their usernames, counts and until when. */
    @GET
    @Path("login-locks")
    public List<LoginLocks.LockView> loginLocks() {
        return locks.list(caller.get());
    }

    @DELETE
    @Path("{id}/login-lock")
    public Response liftLoginLock(@PathParam("id") String id) {
        locks.lift(caller.get(), user(id));
        return Response.noContent().build();
    }

    @POST
    public Response create(Json.UserDraft draft) {
        Json.UserDraft d = Bodies.required(draft);
        var account = staff.create(caller.get(), new StaffManagement.StaffDraft(d.username(), d.password(), d.displayName(), d.roles(), d.stores()));
        return Response.created(URI.create("users/" + account.id())).entity(Json.UserBody.of(account)).build();
    }

    @GET
    public Json.Page<Json.UserBody> list(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        Paging p = Paging.of(offset, limit);
        return new Json.Page<>(staff.list(caller.get(), p).stream().map(Json.UserBody::of).toList(), p.offset(), p.limit());
    }

    @GET
    @Path("{id}")
    public Json.UserBody get(@PathParam("id") String id) {
        return Json.UserBody.of(staff.get(caller.get(), user(id)));
    }

    @PATCH
    @Path("{id}")
    public Json.UserBody patch(@PathParam("id") String id, Json.UserDraft patch) {
        Json.UserDraft p = Bodies.required(patch);
        return Json.UserBody.of(staff.change(caller.get(), user(id),
                new StaffManagement.StaffDraft(p.username(), p.password(), p.displayName(), p.roles(), p.stores())));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        staff.remove(caller.get(), user(id));
        return Response.noContent().build();
    }

    private static UUID user(String id) {
        return Bodies.id(id, "user");
    }
}
