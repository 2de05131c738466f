package io.facecard.adapters.inbound.instore;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.application.instore.CameraPlacement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Where a store's cameras hang (admins and store managers); {@link SightingResource} takes what they saw. */
@ApplicationScoped
@Path("/stores/{storeId}/cameras")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CameraResource {
    @Inject
    CameraPlacement placement;
    @Inject
    CurrentCaller caller;

    @PUT
    @Path("{terminalId}")
    public InStoreJson.CameraBody place(@PathParam("storeId") String store, @PathParam("terminalId") String terminal,
            InStoreJson.CameraPlacementBody body) {
        var caller = this.caller.get();
        InStoreJson.CameraPlacementBody b = Bodies.required(body);
        UUID storeId = Bodies.id(store, "store");
        UUID terminalId = Bodies.id(terminal, "camera");
        placement.place(caller, storeId, terminalId, b.placement());
        return new InStoreJson.CameraBody(terminalId, storeId, b.placement());
    }
}
