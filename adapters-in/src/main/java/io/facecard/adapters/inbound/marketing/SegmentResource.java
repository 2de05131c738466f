package io.facecard.adapters.inbound.marketing;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.marketing.port.Audiences;
import io.facecard.marketing.port.SegmentStore.Segment;
import io.facecard.marketing.segments.Segments;
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
import java.util.Map;
import java.util.UUID;

/** A marketer's segments: condition trees saved, listed, changed, deleted, and previewed (count and sample ids). */
@ApplicationScoped
@Path("/segments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SegmentResource {
    public record Draft(String name, Map<String, Object> condition) {}

    public record Body(UUID id, String name, Map<String, Object> condition, List<UUID> refersTo, Instant createdAt, Instant updatedAt) {
        static Body of(Segment s) {
            return new Body(s.id(), s.name(), s.condition(), s.refersTo().stream().sorted().toList(), s.createdAt(), s.updatedAt());
        }
    }

    public record Items(List<Body> items) {}

    public record PreviewBody(long count, List<UUID> sample) {
        static PreviewBody of(Audiences.Preview p) {
            return new PreviewBody(p.count(), p.sample().stream().map(m -> m.value()).toList());
        }
    }

    @Inject
    Segments segments;
    @Inject
    CurrentCaller caller;

    @POST
    public Response create(Draft draft) {
        var c = caller.get();
        Draft d = Bodies.required(draft);
        return Response.status(201).entity(Body.of(segments.create(c, d.name(), d.condition()))).build();
    }

    @GET
    public Items list() {
        return new Items(segments.list(caller.get()).stream().map(Body::of).toList());
    }

    @GET
    @Path("{id}")
    public Body get(@PathParam("id") String id) {
        var c = caller.get();
        return Body.of(segments.get(c, Bodies.id(id, "segment")));
    }

    @PUT
    @Path("{id}")
    public Body change(@PathParam("id") String id, Draft draft) {
        var c = caller.get();
        Draft d = Bodies.required(draft);
        return Body.of(segments.change(c, Bodies.id(id, "segment"), d.name(), d.condition()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        var c = caller.get();
        segments.delete(c, Bodies.id(id, "segment"));
        return Response.noContent().build();
    }

    /** The size and a sample of an unsaved tree, while the marketer edits it. */
    @POST
    @Path("preview")
    public PreviewBody preview(Draft draft) {
        var c = caller.get();
        return PreviewBody.of(segments.preview(c, Bodies.required(draft).condition()));
    }

    @GET
    @Path("{id}/preview")
    public PreviewBody previewSaved(@PathParam("id") String id) {
        var c = caller.get();
        return PreviewBody.of(segments.preview(c, Bodies.id(id, "segment")));
    }
}
