package io.facecard.adapters.inbound.instore;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.http.FrameBodies;
import io.facecard.application.instore.Sightings;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/** What a store camera saw: queued at once (202) and read in the background; the images are never kept. */
@ApplicationScoped
@Path("/camera/sightings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SightingResource {
    @Inject
    Sightings sightings;
    @Inject
    CurrentCaller caller;

    @POST
    public Response sighted(InStoreJson.SightingsBody body) {
        var caller = this.caller.get();
        InStoreJson.SightingsBody b = Bodies.required(body);
        if (b.images() == null || b.images().isEmpty() || b.images().size() > Sightings.MAX_IMAGES) {
            throw Refusal.invalid("'images' must hold 1 to " + Sightings.MAX_IMAGES + " base64-encoded images");
        }
        List<byte[]> images = new ArrayList<>();
        for (String encoded : b.images()) {
            images.add(FrameBodies.decodeOne(encoded, "images"));
        }
        return Response.status(202).entity(new InStoreJson.Accepted(sightings.accept(caller, b.capturedAt(), images))).build();
    }

}
