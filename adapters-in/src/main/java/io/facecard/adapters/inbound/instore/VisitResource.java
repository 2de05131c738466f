package io.facecard.adapters.inbound.instore;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.http.FrameBodies;
import io.facecard.application.instore.StoreTraffic;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A member's visits, a search of visits by photo (audited, reason required), and that audit (tenant admins). */
@ApplicationScoped
@Path("/visits")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class VisitResource {
    @Inject
    StoreTraffic traffic;
    @Inject
    CurrentCaller caller;

    @GET
    public InStoreJson.VisitsBody ofMember(@QueryParam("memberId") String member) {
        var caller = this.caller.get();
        if (member == null) {
            throw Refusal.invalid("'memberId' is required");
        }
        return new InStoreJson.VisitsBody(traffic.ofMember(caller, new MemberId(Bodies.id(member, "member"))).stream()
                .map(InStoreJson.VisitBody::of).toList());
    }

    @POST
    @Path("search")
    public InStoreJson.SearchResult search(InStoreJson.PhotoSearch body) {
        var caller = this.caller.get();
        InStoreJson.PhotoSearch b = Bodies.required(body);
        if (b.photo() == null) {
            throw Refusal.invalid("'photo' is required (a base64 JPEG, PNG or WebP)");
        }
        StoreTraffic.Found found = traffic.search(caller, FrameBodies.decodeOne(b.photo(), "photo"), b.reason());
        return new InStoreJson.SearchResult(found.member() == null ? null : found.member().value(),
                Double.isNaN(found.score()) ? null : found.score(), found.visits().stream().map(InStoreJson.VisitBody::of).toList());
    }

    @GET
    @Path("searches")
    public InStoreJson.AuditPage audit() {
        return new InStoreJson.AuditPage(traffic.audit(caller.get()).stream().map(InStoreJson.AuditBody::of).toList());
    }
}
