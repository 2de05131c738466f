package io.facecard.adapters.inbound.marketing;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.domain.marketing.CampaignId;
import io.facecard.domain.marketing.CampaignSpec;
import io.facecard.marketing.campaigns.CampaignDraft;
import io.facecard.marketing.campaigns.Campaigns;
import io.facecard.marketing.port.CampaignStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.UUID;

/** A marketer's campaigns: draft, change, schedule or start, cancel, and the results against the holdout. */
@ApplicationScoped
@Path("/campaigns")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {
    public record Body(UUID id, String status, CampaignSpec spec, Instant sendAt, Instant startedAt, Instant completedAt, Long recipients,
            Long holdout, Long queued, Instant createdAt, Instant updatedAt) {
        static Body of(CampaignStore.View v) {
            Long recipients = v.treated() == null ? null : v.treated() + v.holdout();
            return new Body(v.id().value(), v.status(), v.spec(), v.sendAt(), v.startedAt(), v.completedAt(), recipients, v.holdout(),
                    v.queued(), v.createdAt(), v.updatedAt());
        }
    }

    public record Items(List<Body> items) {}

    /** @param at an instant with offset, or a local date-time in the tenant's zone */
    public record Schedule(String at) {}

    @Inject
    Campaigns campaigns;
    @Inject
    CurrentCaller caller;

    @POST
    public Response create(CampaignDraft draft) {
        var c = caller.get();
        return Response.status(201).entity(Body.of(campaigns.create(c, Bodies.required(draft)))).build();
    }

    @GET
    public Items list() {
        return new Items(campaigns.list(caller.get()).stream().map(Body::of).toList());
    }

    @GET
    @Path("{id}")
    public Body get(@PathParam("id") String id) {
        var c = caller.get();
        return Body.of(campaigns.get(c, campaign(id)));
    }

    @PUT
    @Path("{id}")
    public Body change(@PathParam("id") String id, CampaignDraft draft) {
        var c = caller.get();
        return Body.of(campaigns.change(c, campaign(id), Bodies.required(draft)));
    }

    @POST
    @Path("{id}/start")
    public Response start(@PathParam("id") String id) {
        var c = caller.get();
        return Response.status(202).entity(Body.of(campaigns.start(c, campaign(id)))).build();
    }

    @POST
    @Path("{id}/schedule")
    public Body schedule(@PathParam("id") String id, Schedule body) {
        var c = caller.get();
        return Body.of(campaigns.schedule(c, campaign(id), Bodies.required(body).at()));
    }

    @POST
    @Path("{id}/cancel")
    public Body cancel(@PathParam("id") String id) {
        var c = caller.get();
        return Body.of(campaigns.cancel(c, campaign(id)));
    }

    @GET
    @Path("{id}/results")
    public Campaigns.Results results(@PathParam("id") String id) {
        var c = caller.get();
        return campaigns.results(c, campaign(id));
    }

    static CampaignId campaign(String id) {
        return new CampaignId(Bodies.id(id, "campaign"));
    }
}
