package io.facecard.adapters.inbound.membership;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.instore.InStoreJson;
import io.facecard.application.instore.StoreTraffic;
import io.facecard.adapters.inbound.http.FrameBodies;
import io.facecard.adapters.inbound.http.IdempotentCalls;
import io.facecard.adapters.inbound.http.Json;
import io.facecard.adapters.inbound.loyalty.LoyaltyJson;
import io.facecard.adapters.inbound.messaging.ChannelResource;
import io.facecard.application.loyalty.Balances;
import io.facecard.application.loyalty.port.Ledger;
import io.facecard.application.membership.Faces;
import io.facecard.application.membership.Members;
import io.facecard.application.membership.port.Identification;
import io.facecard.application.messaging.Channels;
import io.facecard.domain.membership.MemberId;
import io.facecard.tenants.tenancy.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
@Path("/members")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {
    @Inject
    Members members;
    @Inject
    Faces faces;
    @Inject
    Balances balances;
    @Inject
    IdempotentCalls once;
    @Inject
    Channels channels;
    @Inject
    CurrentCaller caller;
    @Inject
    StoreTraffic storeTraffic;

    @POST
    public Response register(MemberJson.MemberDraft draft) {
        var caller = this.caller.get();
        var m = members.register(caller, Bodies.required(draft).data());
        return Response.created(URI.create("members/" + m.id())).entity(MemberJson.MemberBody.of(m)).build();
    }

    @GET
    public Json.Page<MemberJson.MemberBody> search(@QueryParam("phone") String phone, @QueryParam("cardNumber") String card,
            @QueryParam("email") String email, @QueryParam("externalId") String externalId, @QueryParam("q") String q,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        var caller = this.caller.get();
        Paging p = Paging.of(offset, limit);
        Map<String, String> by = new LinkedHashMap<>();
        if (phone != null) by.put("phone", phone);
        if (card != null) by.put("cardNumber", card);
        if (email != null) by.put("email", email);
        if (externalId != null) by.put("externalId", externalId);
        return new Json.Page<>(members.search(caller, by, q, p.offset(), p.limit()).stream().map(MemberJson.MemberBody::of).toList(),
                p.offset(), p.limit());
    }

    @GET
    @Path("{id}")
    public MemberJson.MemberBody get(@PathParam("id") String id) {
        return MemberJson.MemberBody.of(members.get(caller.get(), member(id)));
    }

    @PATCH
    @Path("{id}")
    public MemberJson.MemberBody patch(@PathParam("id") String id, MemberJson.MemberDraft patch) {
        var caller = this.caller.get();
        return MemberJson.MemberBody.of(members.change(caller, member(id), Bodies.required(patch).data()));
    }

    /** Erasure (GDPR art. 17): templates deleted, the member's key destroyed, the member shown as erased. */
    @DELETE
    @Path("{id}")
    public Response erase(@PathParam("id") String id) {
        members.erase(caller.get(), member(id));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/balance")
    public LoyaltyJson.BalanceBody balance(@PathParam("id") String id) {
        return LoyaltyJson.BalanceBody.of(balances.balance(caller.get(), member(id)));
    }

    @GET
    @Path("{id}/ledger")
    public Json.Page<Ledger.Entry> ledger(@PathParam("id") String id,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        Paging p = Paging.of(offset, limit);
        return new Json.Page<>(balances.statement(caller.get(), member(id), p.offset(), p.limit()), p.offset(), p.limit());
    }

    @POST
    @Path("{id}/adjustments")
    public Response adjust(@HeaderParam(IdempotentCalls.HEADER) String key, @PathParam("id") String id,
            LoyaltyJson.Adjustment body) {
        var c = caller.get();
        MemberId m = member(id);
        var b = Bodies.required(body);
        return once.run(c, key, "POST", "/members/" + m + "/adjustments", b, 201,
                () -> LoyaltyJson.BalanceBody.of(balances.adjust(c, m, b.points(), b.reason())));
    }

    @GET
    @Path("{id}/export")
    public MemberJson.Export export(@PathParam("id") String id) {
        var c = caller.get();
        Members.Export e = members.export(c, member(id));
        StoreTraffic.Trail trail = storeTraffic.export(c, member(id));
        return new MemberJson.Export(MemberJson.MemberBody.of(e.member()), MemberJson.Consents.of(e.consents()),
                e.faces().stream().map(MemberJson.FaceBody::of).toList(),
                channels.list(c, member(id)).stream().map(ChannelResource.BindingBody::of).toList(),
                trail.visits().stream().map(InStoreJson.VisitBody::of).toList(),
                trail.searches().stream().map(InStoreJson.AuditBody::of).toList());
    }

    @POST
    @Path("{id}/consents")
    public Response consent(@PathParam("id") String id, MemberJson.ConsentDraft draft) {
        var caller = this.caller.get();
        MemberJson.ConsentDraft d = Bodies.required(draft);
        var entries = members.recordConsent(caller, member(id), d.purpose(), d.granted(), d.policyVersion(), d.source());
        return Response.status(201).entity(MemberJson.Consents.of(entries)).build();
    }

    @GET
    @Path("{id}/consents")
    public MemberJson.Consents consents(@PathParam("id") String id) {
        return MemberJson.Consents.of(members.consents(caller.get(), member(id)));
    }

    @POST
    @Path("{id}/faces")
    @Consumes({"image/jpeg", "image/png", "image/webp"})
    public Response enrol(@PathParam("id") String id, byte[] image) {
        var caller = this.caller.get();
        Faces.Enrolled e = faces.enrol(caller, member(id), image);
        return Response.created(URI.create("members/" + id + "/faces/" + e.faceId())).entity(MemberJson.Enrolled.of(e)).build();
    }

    /** The app's burst (up to five photos, one image part each): every good photo becomes a template. */
    @POST
    @Path("{id}/faces")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response enrolBurst(@PathParam("id") String id, List<EntityPart> parts) {
        var caller = this.caller.get();
        MemberId member = member(id);
        return burst(id, faces.enrolBurst(caller, member, FrameBodies.parts(parts)));
    }

    /** The same burst as JSON: {@code {"photos": ["<base64>", …]}}. */
    @POST
    @Path("{id}/faces")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response enrolBurstJson(@PathParam("id") String id, MemberJson.PhotoBurst body) {
        var caller = this.caller.get();
        MemberId member = member(id);
        return burst(id, faces.enrolBurst(caller, member, FrameBodies.decode(Bodies.required(body).photos(), "photos")));
    }

    private static Response burst(String id, Faces.EnrolledBurst b) {
        return Response.created(URI.create("members/" + id + "/faces")).entity(MemberJson.EnrolledBurst.of(b)).build();
    }

    @GET
    @Path("{id}/faces")
    public List<MemberJson.FaceBody> faces(@PathParam("id") String id) {
        return faces.list(caller.get(), member(id)).stream().map(MemberJson.FaceBody::of).toList();
    }

    @DELETE
    @Path("{id}/faces/{faceId}")
    public Response removeFace(@PathParam("id") String id, @PathParam("faceId") String faceId) {
        faces.remove(caller.get(), member(id), Optional.of(Bodies.id(faceId, "face")));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/faces")
    public Response removeFaces(@PathParam("id") String id) {
        faces.remove(caller.get(), member(id), Optional.empty());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/verify")
    @Consumes({"image/jpeg", "image/png", "image/webp"})
    public MemberJson.Verified verify(@PathParam("id") String id, byte[] image) {
        var caller = this.caller.get();
        Identification i = faces.verify(caller, member(id), image);
        return new MemberJson.Verified(i.decision() == Identification.Decision.MATCH, Math.round(i.score() * 10000) / 10000.0);
    }

    static MemberId member(String id) {
        return new MemberId(Bodies.id(id, "member"));
    }

}
