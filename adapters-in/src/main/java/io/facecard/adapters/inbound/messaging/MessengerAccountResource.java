package io.facecard.adapters.inbound.messaging;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.application.messaging.MessengerAccountsAdmin;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.TreeMap;

/** A tenant admin's messenger accounts (WECHAT_OA, TELEGRAM); secrets go in, fingerprints come out. */
@ApplicationScoped
@Path("/messenger-accounts/{kind}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MessengerAccountResource {
    @Inject
    MessengerAccountsAdmin admin;
    @Inject
    CurrentCaller caller;

    @PUT
    public MessengerAccountsAdmin.View put(@PathParam("kind") String kind, Map<String, Object> body) {
        var c = caller.get();
        var channel = MessengerAccountsAdmin.channel(kind);
        Map<String, Object> b = Bodies.required(body);
        if (b.containsKey("sandbox")) {
            if (!Boolean.TRUE.equals(b.get("sandbox")) || b.size() != 1) {
                throw Refusal.invalid("'sandbox' takes true, alone: it fills the account with the local fake's credentials");
            }
            return admin.putSandbox(c, channel);
        }
        Map<String, String> fields = new TreeMap<>();
        b.forEach((k, v) -> {
            if (v != null && !(v instanceof String)) {
                throw Refusal.invalid("'" + k + "' must be a string");
            }
            fields.put(k, (String) v);
        });
        return admin.put(c, channel, fields);
    }

    @GET
    public MessengerAccountsAdmin.View get(@PathParam("kind") String kind) {
        return admin.get(caller.get(), MessengerAccountsAdmin.channel(kind));
    }

    @DELETE
    public Response delete(@PathParam("kind") String kind) {
        admin.remove(caller.get(), MessengerAccountsAdmin.channel(kind));
        return Response.noContent().build();
    }
}
